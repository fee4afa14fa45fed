#!/usr/bin/env python3
"""Generate a realistic contact list (a CRM export) for `rankinfo batch`, reproducibly.

Usage: scripts/gen_contacts.py N [--jsonl] > contacts.csv

Columns: 姓名,姓,名,单位,职务,手机,邮箱,备注. Units at every tier (province,
city, county, township, central organs, bodies and departments), titles in the
usual shapes, ~4% outside the civil service (companies, hospitals, schools:
no level), ~1% with a 备注 holding commas, quotes or a line break (quoted as
RFC 4180 says), and ~0.5% malformed rows (a missing or an extra field).
"""
import json
import random
import sys
import tomllib
from pathlib import Path

random.seed(2026)
args = [a for a in sys.argv[1:] if not a.startswith("--")]
n = int(args[0]) if args else 1_000_000
jsonl = "--jsonl" in sys.argv
places = tomllib.loads((Path(__file__).parent.parent / "data/places.toml").read_text())["places"]["place"]
by_code = {p["code"]: p for p in places}
provinces = [p for p in places if "parent" not in p]
cities = [p for p in places if p["kind"] in ("副省级市", "地级市", "自治州", "地区", "盟")]
counties = [p for p in places if "parent" in p and by_code[p["parent"]]["kind"] not in ("省", "自治区", "直辖市")]
surnames = "王李张刘陈杨黄赵吴周徐孙马朱胡郭何高林罗郑梁谢宋唐许韩冯邓曹彭曾肖田董袁潘于蒋蔡余杜叶程苏魏吕丁任沈姚卢姜崔钟谭陆汪范金石廖贾夏韦付方白邹孟熊秦邱江尹薛闫段雷侯龙史陶黎贺顾毛郝龚邵万钱严覃武戴莫孔向汤"
given = "伟芳娜敏静丽强磊军洋勇艳杰娟涛明超秀霞平刚桂英华建国晓红文斌志宏海波鹏飞玉兰春梅"
departments = ["发展和改革委员会", "教育局", "公安局", "财政局", "人力资源和社会保障局", "自然资源局", "生态环境局",
               "住房和城乡建设局", "交通运输局", "农业农村局", "商务局", "卫生健康委员会", "审计局", "统计局",
               "市场监督管理局", "应急管理局", "水利局", "文化和旅游局", "民政局", "司法局"]
# 主任 heads a 委 (发展和改革委员会主任), 局长 a 局: a 局's 主任 names no post.
ranks = ["党组书记", "调研员", "一级调研员", "四级调研员"]
dept_posts = {"局": ["局长", "副局长", "办公室主任", "办公室副主任"] + ranks,
              "会": ["主任", "副主任", "办公室主任", "办公室副主任"] + ranks}
central = ["国家发展和改革委员会", "财政部", "商务部", "国家统计局", "海关总署", "国家市场监督管理总局"]
central_posts = ["司长", "副司长", "处长", "副处长", "一级巡视员", "二级巡视员"]
outside = [("某某科技有限公司", "总经理"), ("市第一人民医院", "院长"), ("实验中学", "校长"),
           ("某某集团股份有限公司", "董事长"), ("城关镇东街村", "村委会主任")]


def chain(p):
    out = []
    while p:
        out.append(p["name"])
        p = by_code.get(p.get("parent"))
    return "".join(reversed(out))


def unit_and_title():
    r = random.random()
    if r < 0.30:
        c = random.choice(counties)
        d = random.choice(departments)
        return chain(c) + d, random.choice(dept_posts[d[-1]])
    if r < 0.55:
        c = random.choice(cities)
        d = random.choice(departments)
        return chain(c) + d, random.choice(dept_posts[d[-1]])
    if r < 0.70:
        c = random.choice(counties)
        post = random.choice(["县委书记", "县委副书记", "县长", "副县长", "县委常委"])
        if c["name"].endswith("市"):
            post = post.replace("县", "市")
        elif c["name"].endswith("区"):
            post = post.replace("县", "区")
        return chain(c), post
    if r < 0.78:
        c = random.choice(cities)
        return chain(c), random.choice(["市委书记", "市长", "副市长", "市委常委、秘书长"])
    if r < 0.84:
        p = random.choice(provinces)
        d = random.choice(["财政厅", "教育厅", "公安厅", "发展和改革委员会"])
        head = ["主任", "副主任"] if d.endswith("会") else ["厅长", "副厅长"]
        return p["name"] + d, random.choice(head + ["处长", "副处长"])
    if r < 0.90:
        return random.choice(central) + random.choice(["办公厅", "综合司", "政策研究室"]), random.choice(central_posts)
    if r < 0.96:
        c = random.choice(counties)
        town = random.choice(["城关镇", "新华街道"])
        head = ["镇长", "副镇长"] if town.endswith("镇") else ["主任", "副主任"]
        return chain(c) + town, random.choice(["党委书记", "人大主席"] + head)
    return random.choice(outside)


def field(s):
    if any(ch in s for ch in ',"\n\r'):
        return '"' + s.replace('"', '""') + '"'
    return s


out = sys.stdout
if not jsonl:
    out.write("姓名,姓,名,单位,职务,手机,邮箱,备注\n")
for i in range(n):
    s = random.choice(surnames)
    g = "".join(random.choice(given) for _ in range(random.randint(1, 2)))
    unit, title = unit_and_title()
    phone = "1" + str(random.randint(3000000000, 9999999999))
    mail = f"user{i}@example.cn"
    r = random.random()
    note = ""
    if r < 0.01:
        note = random.choice(["会议,2024年", "见\"附件\"", "第一行\n第二行"])
    row = [s + g, s, g, unit, title, phone, mail, note]
    if jsonl:
        out.write(json.dumps(dict(zip(["姓名", "姓", "名", "单位", "职务", "手机", "邮箱", "备注"], row)), ensure_ascii=False) + "\n")
        continue
    if r > 0.995:
        row = row[:-1] if r > 0.9975 else row + ["多余"]
    out.write(",".join(field(x) for x in row) + "\n")
