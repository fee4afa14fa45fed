"""resolve_many builds its dicts itself (no JSON): they must be the CLI's
`resolve --json` answers exactly, and `resolve`'s, for every labelled
real-world line and for odd input; every row its own objects."""
import json
import os
import pathlib
import random
import subprocess

import pytest

import rankinfo

ROOT = pathlib.Path(__file__).resolve().parents[2]

# Every line of the labelled files (sure, likely and unsure; with a level
# and without): tests/data/realworld_sure.tsv is the sure part of
# shared/realworld/labelled.tsv, which is read too where it is.
LABELLED = [
    ROOT / "tests" / "data" / "realworld_extra.tsv",
    ROOT / "tests" / "data" / "realworld_sure.tsv",
    ROOT / "tests" / "data" / "realworld_holdout.tsv",
    ROOT.parent / "shared" / "realworld" / "labelled.tsv",
]

ODD = [
    "",
    " ",
    " " * 100,
    "\u3000",
    "ＡＢＣ县县长",
    "ＤＩＶＩＳＩＯＮ ＤＩＲＥＣＴＯＲ",
    "Division Director",
    "處長",
    "縣委副書記、縣長、一級調研員",
    "廣東省深圳市南山區發展和改革局副局長",
    "处长" * 2047,  # just under the reader's limit (4,096 bytes)
    "处长" * 5000,  # past it
    "、".join(["副县长"] * 40),  # more posts than the reader takes
    "😀局长",
    "𠀀县县长",
    "\U000f0041局长",  # four UTF-8 bytes, the high bits set
    "县长、😀局长",
    "Café·副局长",
    "\u200b处长\u200b",
    "\ufeff处长",
    "、、、",
    "（）",
    "\t处长\t",
    "处长\x01",
    "县委副书记、县长、一级调研员",
    "县委副书记，县长（主持工作）",
    "任唐山市市委书记（其间：2001.09在中央党校学习）",
    "沧州市人民医院院长",
    "某某公司总经理",
    "少将",
    "正处级",
    "原县委书记",
    "一级调研员",
    "广东省深圳市南山区发展和改革局副局长",
]

# Not a command-line argument (NUL) or not one stdin line: against resolve.
ODD_NOT_CLI = ["\x00", "处长\x00局长", "\r\n", "处长\n副处长", "处长\r"]


def labelled_texts():
    texts = []
    for path in LABELLED:
        if not path.exists():
            continue
        lines = [l for l in path.read_text(encoding="utf-8").splitlines() if not l.startswith("#")]
        column = lines[0].split("\t").index("text")
        texts += [l.split("\t")[column] for l in lines[1:]]
    return list(dict.fromkeys(texts))


def binary():
    named = os.environ.get("RANKINFO_BIN")
    if named:
        return named
    for profile in ("debug", "release"):
        path = ROOT / "target" / profile / "rankinfo"
        if path.is_file():
            return str(path)
    pytest.skip("no rankinfo binary: cargo build, or set RANKINFO_BIN")


def cli_lines(texts):
    """`rankinfo resolve --json` on stdin: one answer per line."""
    out = subprocess.run(
        [binary(), "resolve", "--json", "--color", "never"],
        input="".join(t + "\n" for t in texts).encode("utf-8"),
        capture_output=True,
        check=True,
    )
    answers = [json.loads(l) for l in out.stdout.decode("utf-8").splitlines()]
    assert len(answers) == len(texts)
    return answers


def cli_arg(text):
    out = subprocess.run(
        [binary(), "resolve", text, "--json", "--color", "never"],
        capture_output=True,
        check=True,
    )
    return json.loads(out.stdout.decode("utf-8"))


def same(got, expected, texts):
    """Equal as values, and as JSON text (key order, int against bool or
    float), row by row so that a failure names its text."""
    assert len(got) == len(expected)
    for t, g, e in zip(texts, got, expected):
        assert g == e, t
        assert json.dumps(g, ensure_ascii=False) == json.dumps(e, ensure_ascii=False), t


def test_labelled_lines_are_the_cli_answers():
    texts = labelled_texts()
    assert len(texts) > 1000
    expected = cli_lines(texts)
    same(rankinfo.resolve_many(texts), expected, texts)
    same([rankinfo.resolve(t) for t in texts], expected, texts)
    # Some have no level, some several posts.
    assert any(e["level"] is None for e in expected)
    assert any(e["parts"] for e in expected)


def test_odd_input_is_the_cli_answer():
    expected = [cli_arg(t) for t in ODD]
    same(rankinfo.resolve_many(ODD), expected, ODD)
    same([rankinfo.resolve(t) for t in ODD], expected, ODD)


def test_what_the_cli_cannot_take_is_resolve():
    texts = ODD_NOT_CLI + ODD
    same(rankinfo.resolve_many(texts), [rankinfo.resolve(t) for t in texts], texts)


def test_long_shuffled_list_with_repeats():
    """Past one chunk of rows and one batch of distinct texts (the
    threaded path), each text several times, in random order."""
    base = labelled_texts() + ODD + ODD_NOT_CLI
    texts = base * 4 + [f"{t}（{i}）" for i, t in enumerate(base * 3)]
    random.Random(12).shuffle(texts)
    expected = {t: rankinfo.resolve(t) for t in set(texts)}
    got = rankinfo.resolve_many(texts)
    same(got, [expected[t] for t in texts], texts)
    # `input` is the text given, each row's own string object.
    assert all(g["input"] is t for g, t in zip(got, texts))


def containers(value):
    """Every dict and list in an answer."""
    out = []
    stack = [value]
    while stack:
        v = stack.pop()
        if isinstance(v, dict):
            out.append(v)
            stack += v.values()
        elif isinstance(v, list):
            out.append(v)
            stack += v
    return out


def test_rows_share_no_dict_or_list():
    texts = ["广东省深圳市南山区发展和改革局副局长", "县委副书记、县长、一级调研员", "处长"] * 3000
    rows = rankinfo.resolve_many(texts)
    ids = [id(c) for r in rows for c in containers(r)]
    assert len(ids) == len(set(ids))
    before = json.dumps(rows[3], ensure_ascii=False)
    rows[0]["organisation"][0]["name"] = "改了"
    rows[0]["organisation"].append({})
    rows[0]["grade"]["highest"] = 0
    rows[0]["sources"].clear()
    rows[1]["parts"][0]["organisation"].append({})
    rows[1]["parts"].pop()
    rows[0]["level"] = None
    assert json.dumps(rows[3], ensure_ascii=False) == before
    assert rows[4] == rankinfo.resolve(texts[1])


@pytest.mark.parametrize("where", [0, 1, 5000, 19999])
def test_a_lone_surrogate_is_a_value_error(where):
    texts = [f"处长{i}" for i in range(20000)]
    texts[where] = "处长\ud800"
    with pytest.raises(UnicodeEncodeError):
        rankinfo.resolve_many(texts)
    with pytest.raises(ValueError):
        rankinfo.resolve_many(texts)


def test_annotate_on_a_long_shuffled_list_is_resolve():
    """annotate's columns on the threaded path (past a chunk of rows and a
    batch of distinct texts), each text several times: every field as
    resolve gives it."""
    base = labelled_texts() + ODD + ODD_NOT_CLI
    texts = base * 3 + [f"{t}（{i}）" for i, t in enumerate(base * 2)]
    random.Random(7).shuffle(texts)
    fields = ["input", "level", "level_short", "seniority", "order", "grade_highest",
              "grade_lowest", "title", "rank", "context", "rule", "certainty", "confidence",
              "sector", "nominal", "often", "stated_level", "post_level", "organisation",
              "explanation"]
    cols = rankinfo.annotate(texts, fields=fields)
    assert list(cols) == fields
    answers = {t: rankinfo.resolve(t) for t in set(texts)}
    for i, t in enumerate(texts):
        r = answers[t]
        assert cols["input"][i] is t
        for key in ["level", "title", "rank", "context", "rule", "certainty", "confidence",
                    "sector", "nominal", "often", "stated_level", "post_level", "explanation"]:
            assert cols[key][i] == r[key], (t, key)
        assert cols["organisation"][i] == "/".join(u["name"] for u in r["organisation"])
        if r["level"] is None:
            assert cols["seniority"][i] is None and cols["grade_highest"][i] is None
        else:
            assert cols["seniority"][i] + cols["order"][i] == 13
    assert any(v is None for v in cols["level"])


@pytest.mark.parametrize("where", [0, 19999])
def test_a_lone_surrogate_in_annotate_is_a_value_error(where):
    texts = [f"处长{i}" for i in range(20000)]
    texts[where] = "处长\ud800"
    with pytest.raises(UnicodeEncodeError):
        rankinfo.annotate(texts)


def test_ctrl_c_stops_a_long_call():
    import os
    import signal
    import threading

    texts = [f"广东省深圳市南山区发展和改革局副局长（{i}）" for i in range(1_000_000)]
    timer = threading.Timer(0.2, os.kill, (os.getpid(), signal.SIGINT))
    timer.start()
    try:
        with pytest.raises(KeyboardInterrupt):
            rankinfo.annotate(texts, fields=("level",))
    finally:
        timer.cancel()
