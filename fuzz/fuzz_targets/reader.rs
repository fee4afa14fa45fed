//! The reader and the lookups built on it, on arbitrary text: nothing may
//! panic, hang or blow up memory. Results are ignored.
#![no_main]

use libfuzzer_sys::fuzz_target;

fn exercise(s: &str) {
    let data = rankinfo::builtin();
    let r = data.resolve(s);
    let _ = serde_json::to_string(&r).expect("a Resolution serialises");
    let _ = r.explanation();
    let _ = data.lookup(s);
    let _ = rankinfo::compare::compare(data, s, "处长");
    let _ = data.address(s, &Default::default());
    let _ = data.brief(s, &Default::default());
}

fuzz_target!(|bytes: &[u8]| {
    match std::str::from_utf8(bytes) {
        Ok(s) => exercise(s),
        Err(_) => exercise(&String::from_utf8_lossy(bytes)),
    }
});
