//! Inputs kept from the cargo-fuzz targets in fuzz/ (see fuzz/README.md),
//! replayed through the same calls as the targets so that `cargo test`
//! keeps them: crashes once found, and corpus inputs that reach far.
//!
//! Every file in tests/data/fuzz/ is read at run time. A file named
//! `reader-*` goes through the `reader` target's calls, one named
//! `loader-*` through the `loader` target's. Nothing may panic; what the
//! calls return is not checked.

use rankinfo::Dataset;
use std::borrow::Cow;
use std::path::PathBuf;

const FILES: [(&str, &str); 4] = [
    ("ranks.toml", include_str!("../data/ranks.toml")),
    (
        "organisations.toml",
        include_str!("../data/organisations.toml"),
    ),
    ("places.toml", include_str!("../data/places.toml")),
    ("address.toml", include_str!("../data/address.toml")),
];

const TITLES: [&str; 6] = [
    "广东省深圳市南山区发展和改革局副局长",
    "县委副书记、县长、一级调研员",
    "国家统计局局长",
    "调研员",
    "任唐山市市委书记（其间：2001.09在中央党校学习）",
    "某某公司总经理",
];

/// The files of tests/data/fuzz/ whose names start with `prefix`, sorted.
fn inputs(prefix: &str) -> Vec<(String, Vec<u8>)> {
    let dir = PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("tests/data/fuzz");
    let mut out: Vec<(String, Vec<u8>)> = std::fs::read_dir(&dir)
        .unwrap_or_else(|e| panic!("{}: {e}", dir.display()))
        .map(|entry| entry.expect("a directory entry").path())
        .filter_map(|path| {
            let name = path.file_name()?.to_str()?.to_string();
            name.starts_with(prefix)
                .then(|| (name, std::fs::read(&path).expect("a fuzz input")))
        })
        .collect();
    out.sort();
    out
}

/// The calls of the `reader` target (fuzz/fuzz_targets/reader.rs).
fn exercise(data: &Dataset, s: &str) {
    let r = data.resolve(s);
    serde_json::to_string(&r).expect("a Resolution serialises");
    let _ = r.explanation();
    let _ = data.lookup(s);
    let _ = rankinfo::compare::compare(data, s, "处长");
    let _ = data.address(s, &Default::default());
    let _ = data.brief(s, &Default::default());
}

/// The `loader` target's input layout (fuzz/fuzz_targets/loader.rs):
/// `[selector, position_hi, position_lo, text…]`. Whether the data loaded.
fn load(bytes: &[u8]) -> bool {
    let [selector, hi, lo, rest @ ..] = bytes else {
        return false;
    };
    let which = usize::from(selector % 4);
    let real = FILES[which].1;
    let fuzzed = String::from_utf8_lossy(rest);
    let text: Cow<str> = match (selector / 4) % 3 {
        0 => fuzzed,
        1 => Cow::Owned(format!("{real}\n{fuzzed}")),
        _ => {
            let position = usize::from(u16::from_be_bytes([*hi, *lo]));
            let at = real.len() * position / 65536;
            let at = real.as_bytes()[at..]
                .iter()
                .position(|&b| b == b'\n')
                .map_or(real.len(), |n| at + n + 1);
            Cow::Owned(format!("{}{fuzzed}\n{}", &real[..at], &real[at..]))
        }
    };
    let mut files = FILES;
    files[which].1 = &text;
    let Ok(data) = Dataset::from_toml(files[0], files[1], files[2], files[3]) else {
        return false;
    };
    for t in TITLES {
        exercise(&data, t);
    }
    true
}

#[test]
fn reader_inputs_do_not_panic() {
    let all = inputs("reader-");
    assert!(!all.is_empty(), "no reader-* files in tests/data/fuzz/");
    let data = rankinfo::builtin();
    let mut panicked = Vec::new();
    for (name, bytes) in all {
        let text = String::from_utf8_lossy(&bytes);
        if std::panic::catch_unwind(|| exercise(data, &text)).is_err() {
            panicked.push(name);
        }
    }
    assert!(panicked.is_empty(), "panicked: {panicked:?}");
}

#[test]
fn loader_inputs_do_not_panic() {
    let all = inputs("loader-");
    assert!(!all.is_empty(), "no loader-* files in tests/data/fuzz/");
    let (mut loaded, mut panicked) = (0, Vec::new());
    for (name, bytes) in all {
        match std::panic::catch_unwind(|| load(&bytes)) {
            Ok(ok) => loaded += usize::from(ok),
            Err(_) => panicked.push(name),
        }
    }
    assert!(panicked.is_empty(), "panicked: {panicked:?}");
    // loader-append-address-empty is the real data: the dataset's own
    // answers are replayed too.
    assert!(loaded > 0, "no loader-* input loaded");
}
