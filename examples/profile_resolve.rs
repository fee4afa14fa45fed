//! Resolves the typical titles of `benches/typical_titles.txt` many times,
//! for profilers: `valgrind --tool=callgrind target/release/examples/profile_resolve`.

fn main() {
    let data = rankinfo::builtin();
    let titles: Vec<&str> = include_str!("../benches/typical_titles.txt")
        .lines()
        .collect();
    let mut n = 0;
    for _ in 0..1000 {
        for t in &titles {
            n += data.resolve(t).level.map_or(0, |l| l.order as usize);
        }
    }
    println!("{n}");
}
