#!/usr/bin/env python3
"""Seed fuzz/corpus/reader and fuzz/corpus/loader (both git-ignored).

reader: one file per title string, from the first column of
tests/data/realworld_extra.tsv and the lines of benches/typical_titles.txt.

loader: inputs in the loader target's layout
`[selector, position_hi, position_lo, text...]` (see
fuzz_targets/loader.rs): each real data file whole, halved and with one
digit changed (replace mode); each kind of `[[table]]` of a file appended to
it (append mode) and inserted into it (insert mode); a new and a duplicate
place inserted into places.toml's array; a places.toml cut to 50 places.

Run from anywhere: python3 fuzz/seed_corpus.py
"""

import hashlib
import re
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
CORPUS = ROOT / "fuzz" / "corpus"
FILES = ["ranks", "organisations", "places", "address"]


def reader():
    out = CORPUS / "reader"
    out.mkdir(parents=True, exist_ok=True)
    lines = []
    tsv = (ROOT / "tests/data/realworld_extra.tsv").read_text(encoding="utf-8")
    rows = [l for l in tsv.splitlines() if l and not l.startswith("#")]
    lines += [r.split("\t")[0] for r in rows[1:]]  # skip the header
    bench = (ROOT / "benches/typical_titles.txt").read_text(encoding="utf-8")
    lines += [l.strip() for l in bench.splitlines() if l.strip()]
    n = 0
    for text in dict.fromkeys(t for t in lines if t):
        data = text.encode()
        (out / f"seed-{hashlib.sha1(data).hexdigest()[:16]}").write_bytes(data)
        n += 1
    return n


def loader():
    out = CORPUS / "loader"
    out.mkdir(parents=True, exist_ok=True)
    n = 0

    def write(name, selector, position, body):
        nonlocal n
        header = bytes([selector, position >> 8, position & 0xFF])
        (out / name).write_bytes(header + body)
        n += 1

    for i, name in enumerate(FILES):
        raw = (ROOT / "data" / f"{name}.toml").read_bytes()
        write(f"replace-{name}", i, 0, raw)
        write(f"replace-{name}-half", i, 0, raw[: len(raw) // 2])
        changed = bytearray(raw)
        first_digit = next(j for j, c in enumerate(changed) if chr(c).isdigit())
        changed[first_digit] = ord("9")
        write(f"replace-{name}-digit", i, 0, bytes(changed))
        write(f"append-{name}-empty", 4 + i, 0, b"")
        kinds = {}
        for block in re.split(r"\n(?=\[\[)", raw.decode())[1:]:
            kinds.setdefault(block.split("\n", 1)[0], block)
        for header, block in kinds.items():
            tag = header.strip("[]").replace(".", "_")
            write(f"append-{name}-{tag}", 4 + i, 0, block.encode())
            write(f"insert-{name}-{tag}", 8 + i, 30000, block.encode())
    place = '  { code = "110120", name = "测试区", kind = "市辖区", parent = "110000" },'
    write("insert-places-place", 10, 32768, place.encode())
    dup = '  { code = "110101", name = "东城区", kind = "市辖区", parent = "999999" },'
    write("insert-places-dupcode", 10, 40000, dup.encode())
    places = (ROOT / "data/places.toml").read_text(encoding="utf-8").split("\n")
    write("replace-places-small", 2, 0, ("\n".join(places[:60]) + "\n]\n").encode())
    return n


if __name__ == "__main__":
    print(f"reader: {reader()} files, loader: {loader()} files")
