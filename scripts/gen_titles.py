#!/usr/bin/env python3
"""Generate realistic title strings for the throughput comparison, reproducibly.

Usage: scripts/gen_titles.py N > titles.txt
Each line is a place chain (from data/places.toml), a department or body, and a
post, in the shapes of CRM exports: 广东省深圳市南山区发展和改革局副局长.
"""
import random
import sys
import tomllib
from pathlib import Path

random.seed(2026)
n = int(sys.argv[1]) if len(sys.argv) > 1 else 100_000
places = tomllib.loads((Path(__file__).parent.parent / "data/places.toml").read_text())["places"]["place"]
by_code = {p["code"]: p for p in places}
counties = [p for p in places if "parent" in p and by_code[p["parent"]]["kind"] not in ("省", "自治区", "直辖市")]
cities = [p for p in places if p["kind"] in ("副省级市", "地级市", "自治州")]
departments = ["发展和改革局", "教育局", "公安局", "财政局", "人力资源和社会保障局", "自然资源局", "生态环境局",
               "住房和城乡建设局", "交通运输局", "农业农村局", "商务局", "卫生健康委员会", "审计局", "统计局"]
# A 局's posts and a 委员会's: 主任 heads a 委, not a 局 (财政局主任 names no post).
posts = {"局": ["局长", "副局长", "办公室主任", "党组书记"], "会": ["主任", "副主任", "办公室主任", "党组书记"]}
territorial = ["委书记", "委副书记", "长", "委常委"]

def chain(p):
    out = []
    while p:
        out.append(p["name"])
        p = by_code.get(p.get("parent"))
    return "".join(reversed(out))

for _ in range(n):
    r = random.random()
    if r < 0.5:
        c = random.choice(counties)
        d = random.choice(departments)
        print(chain(c) + d + random.choice(posts[d[-1]]))
    elif r < 0.8:
        c = random.choice(cities)
        d = random.choice(departments)
        print(chain(c) + d + random.choice(posts[d[-1]]))
    else:
        # 子洲县委书记, 子洲县县长 …
        c = random.choice(counties)
        suffix = random.choice(territorial)
        print(chain(c) + (c["name"][-1] + suffix if suffix == "长" else suffix))
