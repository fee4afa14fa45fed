//! `Dataset::from_toml` on one fuzzed data file, the other three being the
//! real ones: it must return an error or a dataset, never panic or hang; a
//! dataset it accepts must then answer the reader without panicking.
//!
//! The first byte chooses the file (`% 4`: ranks, organisations, places,
//! address) and how the rest is used (`/ 4 % 2`): 0 replaces that file's
//! text, 1 appends to the real text — small inputs then add tables, keys
//! and duplicates to otherwise valid data. Bytes that are not UTF-8 are
//! converted lossily.
#![no_main]

use libfuzzer_sys::fuzz_target;
use std::borrow::Cow;

const FILES: [(&str, &str); 4] = [
    ("ranks.toml", include_str!("../../data/ranks.toml")),
    ("organisations.toml", include_str!("../../data/organisations.toml")),
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
    let Some((&selector, rest)) = bytes.split_first() else {
        return;
    };
    let which = usize::from(selector % 4);
    let append = (selector / 4) % 2 == 1;
    let fuzzed = String::from_utf8_lossy(rest);
    let text: Cow<str> = if append {
        Cow::Owned(format!("{}\n{}", FILES[which].1, fuzzed))
    } else {
        fuzzed
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
