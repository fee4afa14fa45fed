//! `Dataset::from_toml` on one fuzzed data file, the other three being the
//! real ones: it must return an error or a dataset, never panic or hang; a
//! dataset it accepts must then answer the reader without panicking.
//!
//! Input layout: `[selector, position_hi, position_lo, text…]`.
//! `selector % 4` picks the file (ranks, organisations, places, address);
//! `selector / 4 % 3` how `text` is used:
//! - 0: it replaces the file;
//! - 1: it is appended to the real file (new tables, duplicates …);
//! - 2: it is inserted into the real file at the start of the line found at
//!   `position / 65536` of its length (so it can land inside `places`'
//!   single array, or in the middle of a table).
//!
//! Bytes that are not UTF-8 are converted lossily.
#![no_main]

use libfuzzer_sys::fuzz_target;
use std::borrow::Cow;

const FILES: [(&str, &str); 4] = [
    ("ranks.toml", include_str!("../../data/ranks.toml")),
    (
        "organisations.toml",
        include_str!("../../data/organisations.toml"),
    ),
    ("places.toml", include_str!("../../data/places.toml")),
    ("address.toml", include_str!("../../data/address.toml")),
];

const TITLES: [&str; 6] = [
    "广东省深圳市南山区发展和改革局副局长",
    "县委副书记、县长、一级调研员",
    "国家统计局局长",
    "调研员",
    "任唐山市市委书记（其间：2001.09在中央党校学习）",
    "某某公司总经理",
];

fuzz_target!(|bytes: &[u8]| {
    let [selector, hi, lo, rest @ ..] = bytes else {
        return;
    };
    let which = usize::from(selector % 4);
    let real = FILES[which].1;
    let fuzzed = String::from_utf8_lossy(rest);
    let text: Cow<str> = match (selector / 4) % 3 {
        0 => fuzzed,
        1 => Cow::Owned(format!("{real}\n{fuzzed}")),
        _ => {
            let position = usize::from(u16::from_be_bytes([*hi, *lo]));
            let mut at = real.len() * position / 65536;
            // The start of the next line (or the end): a char boundary.
            at = real.as_bytes()[at..]
                .iter()
                .position(|&b| b == b'\n')
                .map_or(real.len(), |n| at + n + 1);
            Cow::Owned(format!("{}{fuzzed}\n{}", &real[..at], &real[at..]))
        }
    };
    let mut files = FILES;
    files[which].1 = &text;
    let Ok(data) = rankinfo::Dataset::from_toml(files[0], files[1], files[2], files[3]) else {
        return;
    };
    for t in TITLES {
        let r = data.resolve(t);
        let _ = serde_json::to_string(&r).expect("a Resolution serialises");
        let _ = r.explanation();
        let _ = data.lookup(t);
        let _ = rankinfo::compare::compare(&data, t, "处长");
        let _ = data.address(t, &Default::default());
        let _ = data.brief(t, &Default::default());
    }
});
