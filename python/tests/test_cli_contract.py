"""The Python answers are the CLI's `--json` answers: same fields, same values."""
import pytest

import rankinfo

RESOLVE = [
    "广东省深圳市南山区发展和改革局副局长",
    "县委副书记、县长、一级调研员",
    "任唐山市市委书记（其间：2001.09在中央党校学习）",
    "沧州市人民医院院长",
    "某某公司总经理",
    "县委副书记，县长（主持工作）",
    "深圳市南山区区长\u3000",
    "ＡＢＣ县县长",
    "處長",
    "\ufeff处长",
    "少将",
    "",
]

SHOW = [
    ("处长", None),
    ("二级巡视员", None),
    ("局长", None),
    ("局长", "地级市"),
    ("深圳市南山区区长", None),
    ("正处级", None),
    ("處長", None),
    ("董事长", None),
]

COMPARE = [
    ("调研员", "处长", None),
    ("县委书记", "合肥市财政局局长", None),
    ("局长", "处长", "副省级市"),
    ("二级巡视员", "副厅长", None),
]

EQUIV = ["一级调研员", "一级高级主管", "调研员", "局长", "正处级", "深圳市南山区区长"]

ADDRESS = [
    ("副局长", {"surname": "王"}),
    ("县长", {"surname": "付", "given_name": "建国"}),
    ("一级调研员", {"surname": "李"}),
    ("市委常委、宣传部部长", {"surname": "王"}),
    ("副局长", {"surname": "王", "given_name": "晓明", "same_surname_as_head": True}),
    ("一级调研员", {"surname": "李", "former": "局长"}),
    ("副局长", {"surname": "王", "at": "地级市"}),
    ("处长", {}),
]


def person_args(kw):
    args = []
    for key, flag in (("surname", "--surname"), ("given_name", "--given-name"),
                      ("at", "--at"), ("former", "--former")):
        if kw.get(key) is not None:
            args += [flag, kw[key]]
    if kw.get("same_surname_as_head"):
        args.append("--same-surname-as-head")
    return args


def at_args(at):
    return ["--at", at] if at else []


@pytest.mark.parametrize("text", RESOLVE)
def test_resolve(cli, text):
    code, expected = cli("resolve", text)
    assert code == 0
    assert rankinfo.resolve(text) == expected


def test_resolve_many_is_resolve(cli):
    assert rankinfo.resolve_many(RESOLVE) == [cli("resolve", t)[1] for t in RESOLVE]


@pytest.mark.parametrize("name,at", SHOW)
def test_show(cli, name, at):
    code, expected = cli("show", name, *at_args(at))
    assert code == 0
    assert rankinfo.show(name, at=at) == expected


@pytest.mark.parametrize("a,b,at", COMPARE)
def test_compare(cli, a, b, at):
    code, expected = cli("compare", a, b, *at_args(at))
    assert code == 0
    assert rankinfo.compare(a, b, at=at) == expected


@pytest.mark.parametrize("name", EQUIV)
def test_equiv(cli, name):
    code, expected = cli("equiv", name)
    assert code == 0
    assert rankinfo.equiv(name) == expected


@pytest.mark.parametrize("title,kw", ADDRESS)
def test_address(cli, title, kw):
    code, expected = cli("address", title, *person_args(kw))
    assert code == 0
    assert rankinfo.address(title, **kw) == expected


@pytest.mark.parametrize("title,kw", ADDRESS)
def test_brief(cli, title, kw):
    code, expected = cli("brief", title, *person_args(kw))
    assert code == 0
    assert rankinfo.brief(title, **kw) == expected


def test_ladder(cli):
    assert rankinfo.ladder() == cli("ladder")[1]


@pytest.mark.parametrize(
    "args,call",
    [
        (["show", "不存在的职务名"], lambda: rankinfo.show("不存在的职务名")),
        (["show", "处长", "--at", "火星"], lambda: rankinfo.show("处长", at="火星")),
        (["compare", "处长", "不存在的职务名"], lambda: rankinfo.compare("处长", "不存在的职务名")),
        (["equiv", "不存在的职务名"], lambda: rankinfo.equiv("不存在的职务名")),
        (["address", "正处级"], lambda: rankinfo.address("正处级")),
        (["brief", "不存在的职务名"], lambda: rankinfo.brief("不存在的职务名")),
    ],
)
def test_errors_carry_the_cli_error(cli, args, call):
    code, expected = cli(*args)
    assert code == 1
    with pytest.raises(rankinfo.RankinfoError) as err:
        call()
    assert err.value.details == expected
    assert err.value.kind == expected["error"]
    assert err.value.suggestions == expected.get("suggestions", expected.get("candidates", []))


def test_data_version(cli):
    code, info = cli("data", "info")
    assert code == 0
    assert rankinfo.data_version() == info["version"]
