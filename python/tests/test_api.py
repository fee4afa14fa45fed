"""Every function of the module, its exceptions and awkward input."""
import pathlib
import threading

import pytest

import rankinfo

ROOT = pathlib.Path(__file__).resolve().parents[2]


def test_resolve_reads_a_full_title():
    r = rankinfo.resolve("广东省深圳市南山区发展和改革局副局长")
    assert r["level"] == "县处级副职"
    assert r["title"] == "副局长"
    assert r["certainty"] == r["confidence"]
    assert [u["name"] for u in r["organisation"]][:2] == ["广东省", "深圳市"]


def test_resolve_outside_the_civil_service_is_an_answer():
    r = rankinfo.resolve("沧州市人民医院院长")
    assert r["level"] is None
    assert r["explanation"]


def test_show_compare_equiv():
    assert rankinfo.show("处长")["level"] == "县处级正职"
    assert rankinfo.show("局长", at="地级市")["level"] == "县处级正职"
    assert rankinfo.compare("调研员", "处长")["relation"] == "same"
    e = rankinfo.equiv("一级调研员")
    assert isinstance(e, dict) and e


def test_outside_civil_service_in_show_is_an_answer():
    r = rankinfo.show("董事长")
    assert isinstance(r, dict)


def test_address_and_brief():
    a = rankinfo.address("副县长", surname="王")
    assert "王" in str(a)
    b = rankinfo.brief("二级巡视员", surname="李")
    assert "李" in str(b)
    assert rankinfo.address("副局长", "王", "晓明", True) == rankinfo.address(
        "副局长", surname="王", given_name="晓明", same_surname_as_head=True
    )


def test_ladder_and_version():
    rows = rankinfo.ladder()
    assert isinstance(rows, list) and len(rows) >= 10
    assert isinstance(rankinfo.data_version(), str) and rankinfo.data_version()
    assert rankinfo.__version__


def test_unknown_name():
    with pytest.raises(rankinfo.UnknownName) as err:
        rankinfo.show("处常")
    e = err.value
    assert isinstance(e, ValueError)
    assert e.kind == "unknown"
    assert e.input == "处常"
    assert "处长" in e.suggestions
    assert "处长" in str(e)


def test_unknown_kind_of_organisation():
    with pytest.raises(rankinfo.UnknownName) as err:
        rankinfo.compare("局长", "处长", at="地极市")
    assert err.value.kind == "unknown_context"
    assert "地级市" in err.value.suggestions


def test_a_level_is_not_a_title():
    with pytest.raises(rankinfo.NotATitle) as err:
        rankinfo.address("正处级", surname="王")
    assert isinstance(err.value, ValueError)
    assert err.value.suggestions


def test_exception_hierarchy():
    for cls in (rankinfo.UnknownName, rankinfo.NotATitle, rankinfo.DataError):
        assert issubclass(cls, rankinfo.RankinfoError)
        assert issubclass(cls, ValueError)


OVERLAY = """
[[source]]
id = "acme:crm"
title = "ACME 客户名录"
grade = "internal"

[[title]]
name = "站长"
aliases = ["站主任"]
english = "Station Director"
role = "head"
level = "乡科级正职"
confidence = "customary"
sources = ["acme:crm"]
"""


def test_dataset_load(tmp_path):
    path = tmp_path / "acme.toml"
    path.write_text(OVERLAY, encoding="utf-8")
    data = rankinfo.Dataset.load([path])
    assert data.files == [str(path)]
    assert data.show("站长")["level"] == "乡科级正职"
    assert data.show("站主任")["name"] == "站长"
    assert data.resolve("站长")["level"] == "乡科级正职"
    assert data.annotate(["站长"])["level"] == ["乡科级正职"]
    assert data.resolve_many(["站长"])[0]["level"] == "乡科级正职"
    assert data.data_version() == rankinfo.data_version()
    assert "acme.toml" in repr(data)
    # The built-in data is unchanged.
    assert rankinfo.show("站主任") != data.show("站主任")
    # One path as a str is taken too.
    assert rankinfo.Dataset.load(str(path)).show("站长")["level"] == "乡科级正职"


def test_dataset_builtin_is_the_module():
    data = rankinfo.Dataset.builtin()
    for text in ["县长", "處長", "某某公司总经理"]:
        assert data.resolve(text) == rankinfo.resolve(text)
    assert data.compare("调研员", "处长") == rankinfo.compare("调研员", "处长")
    assert data.ladder() == rankinfo.ladder()


def test_data_error_points_at_the_line(tmp_path):
    path = tmp_path / "bad.toml"
    path.write_text('[[title]]\nname = "x"\nrole = "boss"\n', encoding="utf-8")
    with pytest.raises(rankinfo.DataError) as err:
        rankinfo.Dataset.load([path])
    e = err.value
    assert isinstance(e, ValueError)
    assert (e.file, e.line) == (str(path), 3)
    assert e.column >= 1
    assert e.message
    assert e.errors[0]["line"] == 3


def test_data_error_for_a_missing_file(tmp_path):
    with pytest.raises(rankinfo.DataError) as err:
        rankinfo.Dataset.load([tmp_path / "none.toml"])
    assert err.value.line == 0


def test_docs_example_overlay_loads(tmp_path):
    """The complete example of docs/data-format.md."""
    text = (ROOT / "docs" / "data-format.md").read_text(encoding="utf-8")
    block = text.split("```toml\n", 1)[1].split("```", 1)[0]
    path = tmp_path / "acme.toml"
    path.write_text(block, encoding="utf-8")
    data = rankinfo.Dataset.load([path])
    assert data.show("站长")["level"] == "乡科级正职"


def test_resolve_many_keeps_order_and_length():
    texts = ["县长", "副县长", "某某公司总经理", ""] * 1000
    out = rankinfo.resolve_many(texts)
    assert len(out) == len(texts)
    assert [r["input"] for r in out] == texts
    assert out[:4] == [rankinfo.resolve(t) for t in texts[:4]]


def test_resolve_many_takes_any_iterable():
    gen = (t for t in ["县长", "副县长"])
    assert [r["level"] for r in rankinfo.resolve_many(gen)] == ["县处级正职", "县处级副职"]
    assert rankinfo.resolve_many([]) == []
    assert rankinfo.resolve_many(("县长",))[0]["level"] == "县处级正职"


def test_annotate_columns():
    texts = ["县长", "副县长", "合肥市财政局局长", "某某公司总经理", "二级巡视员"]
    cols = rankinfo.annotate(texts)
    assert set(cols) == {"level", "title", "rank", "certainty", "seniority"}
    assert all(len(v) == len(texts) for v in cols.values())
    for i, t in enumerate(texts):
        r = rankinfo.resolve(t)
        assert cols["level"][i] == r["level"]
        assert cols["title"][i] == r["title"]
        assert cols["rank"][i] == r["rank"]
        assert cols["certainty"][i] == r["certainty"]
    assert cols["seniority"][3] is None
    # Higher is more senior.
    assert cols["seniority"][0] > cols["seniority"][1]


def test_annotate_every_field_agrees_with_resolve():
    texts = ["广东省深圳市南山区发展和改革局副局长", "县委副书记、县长、一级调研员",
             "沧州市人民医院院长", "處長", "\ufeff处长", "", "少将"] * 700
    fields = ["input", "level", "level_short", "level_english", "seniority", "order",
              "grade_highest", "grade_lowest", "title", "rank", "context", "rule",
              "certainty", "confidence", "sector", "nominal", "often", "stated_level",
              "post_level", "organisation", "explanation"]
    cols = rankinfo.annotate(texts, fields=fields)
    assert list(cols) == fields
    ladder_orders = {}
    for i, t in enumerate(texts[:7]):
        r = rankinfo.resolve(t)
        assert cols["input"][i] is texts[i]
        for key in ["level", "title", "rank", "context", "rule", "certainty", "confidence",
                    "sector", "nominal", "often", "stated_level", "post_level", "explanation"]:
            assert cols[key][i] == r[key], (t, key)
        grade = r["grade"]
        assert cols["grade_highest"][i] == (grade and grade["highest"])
        assert cols["grade_lowest"][i] == (grade and grade["lowest"])
        assert cols["organisation"][i] == "/".join(u["name"] for u in r["organisation"])
        if r["level"]:
            ladder_orders[r["level"]] = cols["order"][i]
            assert cols["seniority"][i] + cols["order"][i] == 13
            assert cols["level_short"][i] == rankinfo.show(r["level"])["level_short"]
    assert cols["level"][7:14] == cols["level"][:7]


def test_annotate_unknown_field():
    with pytest.raises(ValueError, match="unknown field"):
        rankinfo.annotate(["县长"], fields=("level", "nope"))


def test_annotate_sorts_by_seniority():
    texts = ["科员", "副县长", "省长", "处长", "国务院总理"]
    cols = rankinfo.annotate(texts, fields=("input", "seniority"))
    ranked = sorted(zip(cols["seniority"], cols["input"]), reverse=True)
    assert [t for _, t in ranked][:2] == ["国务院总理", "省长"]


def test_bulk_releases_the_gil():
    """Another Python thread runs while annotate and resolve_many resolve."""
    import time

    ticks = []
    stop = threading.Event()

    def tick():
        while not stop.is_set():
            ticks.append(time.perf_counter())
            time.sleep(0.001)

    t = threading.Thread(target=tick)
    t.start()
    try:
        for bulk in (rankinfo.annotate, rankinfo.resolve_many):
            start = time.perf_counter()
            # Distinct texts: annotate resolves each distinct text once.
            bulk([f"广东省深圳市南山区发展和改革局副局长（{i}）" for i in range(50_000)])
            end = time.perf_counter()
            # The first part of the call is resolution, without the GIL
            # (then the Python objects are made, with it).
            lo, hi = start + (end - start) * 0.1, start + (end - start) * 0.35
            assert any(lo < x < hi for x in ticks), bulk.__name__
    finally:
        stop.set()
        t.join()


def test_docstring_examples():
    """The examples in the docstrings run and print what they say."""
    import doctest

    globs = {"rankinfo": rankinfo}
    runner = doctest.DocTestRunner(optionflags=doctest.ELLIPSIS)
    objects = [rankinfo] + [getattr(rankinfo, n) for n in dir(rankinfo) if not n.startswith("_")]
    objects += [getattr(rankinfo.Dataset, n) for n in ("load", "builtin")]
    tried = 0
    for obj in objects:
        doc = getattr(obj, "__doc__", None)
        if not doc or ">>>" not in doc:
            continue
        test = doctest.DocTestParser().get_doctest(doc, dict(globs), getattr(obj, "__name__", "?"), None, 0)
        runner.run(test)
        tried += 1
    assert tried >= 8
    assert runner.failures == 0


def test_annotate_repeated_texts_get_their_own_answers():
    texts = ["县长", "某某公司总经理", "县长", "副县长", "某某公司总经理", "副县长", "處長"]
    cols = rankinfo.annotate(texts, fields=("input", "level", "explanation", "organisation"))
    assert cols["input"] == texts
    for i, t in enumerate(texts):
        r = rankinfo.resolve(t)
        assert cols["level"][i] == r["level"]
        assert cols["explanation"][i] == r["explanation"]
