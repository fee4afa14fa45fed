//! Using rankinfo from another tool: look up, compare, resolve and address.
//! `cargo run --example embed`

use rankinfo::address::Person;
use rankinfo::compare::compare;

fn main() -> Result<(), rankinfo::LookupError> {
    let data = rankinfo::builtin();
    println!("data version {}", data.version());

    // What level is a rank, and how sure is that?
    let s = data.summary(data.lookup("二级巡视员")?);
    println!(
        "{}: {:?}, 级别 {:?}, {:?}",
        s.name, s.level, s.grade, s.confidence
    );

    // Two posts compared, with the reason.
    let c = compare(data, "调研员", "处长")?;
    println!("{:?}: {}", c.relation, c.explanation);

    // A real-world title.
    let r = data.resolve("广东省深圳市南山区发展和改革局副局长");
    println!(
        "{:?} ({:?}): {}",
        r.level.map(|l| &l.name),
        r.confidence,
        r.explanation()
    );

    // How to address the holder.
    let a = data.address("副局长", &Person::surnamed("王"))?;
    println!("{} / {} / {}", a.oral, a.written, a.english);

    // Unknown names come back with suggestions, never a panic.
    if let Err(e) = data.lookup("调研猿") {
        println!("{e}");
    }
    Ok(())
}
