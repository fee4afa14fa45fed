//! Running the real binary, shared by the integration tests.
#![allow(dead_code)] // each test crate uses its own subset

use std::process::{Command, Output};

/// Run `rankinfo` with `args`, colour left to the command's own choice.
pub fn run(args: &[&str]) -> Output {
    Command::new(env!("CARGO_BIN_EXE_rankinfo"))
        .args(args)
        .env_remove("NO_COLOR")
        .output()
        .expect("run rankinfo")
}

pub fn stdout(o: &Output) -> String {
    String::from_utf8(o.stdout.clone()).unwrap()
}

/// Run with `--json`, expect success, parse the output.
pub fn json(args: &[&str]) -> serde_json::Value {
    let mut all = args.to_vec();
    all.push("--json");
    let o = run(&all);
    assert!(
        o.status.success(),
        "{args:?}: {}",
        String::from_utf8_lossy(&o.stderr)
    );
    serde_json::from_slice(&o.stdout).unwrap()
}

/// Run with `input` on standard input.
pub fn run_with_stdin(args: &[&str], input: &[u8]) -> Output {
    use std::io::Write;
    use std::process::Stdio;
    let mut child = Command::new(env!("CARGO_BIN_EXE_rankinfo"))
        .args(args)
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .expect("run rankinfo");
    let mut stdin = child.stdin.take().expect("stdin");
    let bytes = input.to_vec();
    // Write from another thread: a large input would fill the pipe first.
    let writer = std::thread::spawn(move || stdin.write_all(&bytes));
    let out = child.wait_with_output().expect("wait");
    let _ = writer.join();
    out
}

/// The string `field` of each element of the array `v`.
pub fn strs<'v>(v: &'v serde_json::Value, field: &str) -> Vec<&'v str> {
    v.as_array()
        .map(|a| a.iter().filter_map(|e| e[field].as_str()).collect())
        .unwrap_or_default()
}
