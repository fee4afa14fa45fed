#!/usr/bin/env bash
# The binary to ship: on Linux with glibc, a static position-independent
# executable (static-pie). Address-space layout randomisation stays on, as
# for any PIE, and without the dynamic loader `compare` starts within ~1.1×
# a hello-world binary, against ~1.7× for the default dynamic build (see
# scripts/bench_startup.sh). Elsewhere it is the plain release build.
#
#   scripts/build-release.sh        → prints the path of the binary
#
# crt-static needs an explicit --target: without one, cargo would pass the
# flag to proc-macros too, which cannot be static (rust-lang/rust#78210).
# The binary uses no glibc feature that loads modules at run time (NSS beyond
# /etc/hosts and DNS, iconv, locales); serve's --addr with a host name
# resolves through glibc's built-in files and dns lookups.
set -euo pipefail
cd "$(dirname "$0")/.."
host=$(rustc -vV | sed -n 's/^host: //p')
case "$host" in
  *-linux-gnu)
    RUSTFLAGS="${RUSTFLAGS:-} -C target-feature=+crt-static" \
      cargo build --release --locked --quiet --bin rankinfo --target "$host"
    echo "target/$host/release/rankinfo"
    ;;
  *)
    cargo build --release --locked --quiet --bin rankinfo
    echo "target/release/rankinfo"
    ;;
esac
