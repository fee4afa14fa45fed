"""Non-ASCII and awkward input: an answer or a Python exception, never a crash."""
import pytest

import rankinfo


def test_traditional_characters():
    assert rankinfo.resolve("處長")["level"] == rankinfo.resolve("处长")["level"] == "县处级正职"
    assert rankinfo.show("處長")["name"] == "处长"


def test_full_width():
    r = rankinfo.resolve("县委副书记，县长（主持工作）")
    assert r["level"] == "县处级正职"
    assert rankinfo.resolve("处长\u3000")["level"] == "县处级正职"


def test_bom():
    assert rankinfo.resolve("\ufeff处长")["level"] == "县处级正职"
    assert rankinfo.show("\ufeff处长")["name"] == "处长"


def test_empty_strings():
    r = rankinfo.resolve("")
    assert r["level"] is None and r["input"] == ""
    with pytest.raises(rankinfo.RankinfoError):
        rankinfo.show("")
    assert rankinfo.annotate([""])["level"] == [None]
    assert rankinfo.annotate([]) == {k: [] for k in ("level", "title", "rank", "certainty", "seniority")}


@pytest.mark.parametrize(
    "call",
    [
        lambda: rankinfo.resolve(None),
        lambda: rankinfo.show(None),
        lambda: rankinfo.compare("处长", None),
        lambda: rankinfo.equiv(None),
        lambda: rankinfo.address(None),
        lambda: rankinfo.address("处长", surname=3),
        lambda: rankinfo.brief(None),
        lambda: rankinfo.show("处长", at=1),
        lambda: rankinfo.resolve(b"\xe5\xa4\x84\xe9\x95\xbf"),
        lambda: rankinfo.resolve_many(None),
        lambda: rankinfo.resolve_many(["处长", None]),
        lambda: rankinfo.resolve_many("处长"),
        lambda: rankinfo.annotate(["处长", float("nan")]),
        lambda: rankinfo.annotate(None),
        lambda: rankinfo.annotate("处长"),
        lambda: rankinfo.Dataset.load(None),
    ],
)
def test_wrong_types_are_type_errors(call):
    with pytest.raises(TypeError):
        call()


def test_lone_surrogate_is_a_value_error():
    with pytest.raises(ValueError):
        rankinfo.resolve("处长\ud800")


@pytest.mark.parametrize(
    "text",
    ["\x00", "\u200b处长\u200b", "处长" * 5000, "😀局长", "\r\n", "、、、", "（）", "Division Director",
     "ＤＩＶＩＳＩＯＮ ＤＩＲＥＣＴＯＲ", "\ufeff", " " * 100],
)
def test_odd_text_is_answered(text):
    assert isinstance(rankinfo.resolve(text), dict)
    assert len(rankinfo.resolve_many([text])) == 1
    for call in (rankinfo.show, rankinfo.equiv, rankinfo.address, rankinfo.brief):
        try:
            assert isinstance(call(text), dict)
        except rankinfo.RankinfoError as e:
            assert isinstance(e.suggestions, list)
