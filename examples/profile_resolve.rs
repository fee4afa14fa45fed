//! Resolves the typical titles of `benches/typical_titles.txt` (or the titles
//! given as arguments) many times, for profilers:
//! `valgrind --tool=callgrind target/release/examples/profile_resolve [TITLE…]`.

fn main() {
    let data = rankinfo::builtin();
    let args: Vec<String> = std::env::args().skip(1).collect();
    let titles: Vec<&str> = if args.is_empty() {
        include_str!("../benches/typical_titles.txt")
            .lines()
            .collect()
    } else {
        args.iter().map(String::as_str).collect()
    };
    let mut n = 0;
    for _ in 0..1000 {
        for t in &titles {
            n += data.resolve(t).level.map_or(0, |l| l.order as usize);
        }
    }
    println!("{n}");
}
