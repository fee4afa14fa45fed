//! Library lookups: exact hits must stay well under 1 µs, misses with
//! suggestions under 100 µs. Run: `cargo bench --bench lookup`.

fn main() {
    divan::main();
}

#[divan::bench(args = ["处长", "二级巡视员", "正处级", "Division-Head level", "ＤＩＶＩＳＩＯＮ Director"])]
fn lookup_hit(name: &str) {
    let data = rankinfo::builtin();
    divan::black_box(data.lookup(divan::black_box(name)).is_ok());
}

#[divan::bench(args = ["调研猿", "深圳市发改委局长", "qwerty"])]
fn lookup_miss(name: &str) {
    let data = rankinfo::builtin();
    divan::black_box(data.lookup(divan::black_box(name)).is_err());
}

#[divan::bench]
fn compare_same_level() {
    let data = rankinfo::builtin();
    divan::black_box(rankinfo::compare::compare(data, divan::black_box("调研员"), "处长").is_ok());
}
