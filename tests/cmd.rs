//! The human output of every command, as reviewed snapshots: see
//! `tests/cmd/README.md`.

#[test]
fn cli_output_snapshots() {
    trycmd::TestCases::new()
        .env("NO_COLOR", "1")
        .case("tests/cmd/*.md")
        .case("tests/cmd/*.toml");
}
