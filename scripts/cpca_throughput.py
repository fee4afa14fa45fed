#!/usr/bin/env python3
"""Time cpca (the Python place recogniser) on a file of titles, one per line.

Usage: python cpca_throughput.py titles.txt
Prints one line: "cpca: N strings in S s = R per second". cpca only extracts
places (province, city, district); it says nothing about levels. It is warmed
up on a few lines first, so that loading its tables is not timed.
"""
import sys
import time

import cpca

lines = open(sys.argv[1], encoding="utf-8").read().splitlines()
cpca.transform(lines[:100])
start = time.perf_counter()
cpca.transform(lines)
secs = time.perf_counter() - start
print(f"cpca: {len(lines)} strings in {secs:.3f} s = {len(lines) / secs:.0f} per second")
