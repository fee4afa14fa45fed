//! Resolution throughput: the target is at least 1,000,000 typical titles per
//! second on one core (under 1 µs each). Run: `cargo bench --bench resolve`.

fn main() {
    divan::main();
}

/// Typical strings from CRM exports and name cards, one per line (shared with
/// `examples/profile_resolve.rs`).
const TYPICAL_TEXT: &str = include_str!("typical_titles.txt");

fn typical() -> impl Iterator<Item = &'static str> {
    TYPICAL_TEXT.lines()
}

#[divan::bench(args = typical())]
fn resolve_one(text: &str) {
    let data = rankinfo::builtin();
    divan::black_box(data.resolve(divan::black_box(text)).level);
}

/// All ten in a row: divide by ten for the mean per title.
#[divan::bench(sample_count = 200, sample_size = 50)]
fn resolve_typical_mix() {
    let data = rankinfo::builtin();
    for text in typical() {
        divan::black_box(data.resolve(divan::black_box(text)).level);
    }
}
