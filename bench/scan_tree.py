#!/usr/bin/env python3
"""Writes a synthetic source tree for `bench/scan.sh`: N files in seven
languages, about 2 KB each, with ordinary numbers and names, a few
documented codes of the scan fixture's catalog (2300001, 2300002,
NET_TIMEOUT) and, in one file of a thousand, an undocumented one."""

import os
import random
import sys

EXTENSIONS = ["c", "rs", "ts", "ets", "java", "py", "go"]
WORDS = ["buffer", "length", "socket", "retry", "timeout", "handle", "count",
         "offset", "status", "result", "config", "value", "index", "limit"]


def body(rng, i):
    lines = []
    while sum(len(l) + 1 for l in lines) < 2000:
        a, b = rng.choice(WORDS), rng.choice(WORDS)
        n = rng.randrange(0, 100000)
        kind = rng.randrange(10)
        if kind == 0:
            lines.append(f"    if ({a} == 2300001) return NET_TIMEOUT; // {b}")
        elif kind == 1:
            lines.append(f"    {a}_{b} = {n} + 0x{n:x} * 1.5e3;")
        else:
            lines.append(f"    {a}.{b}({n}, \"{a} {b} v1.{n}.0\");")
    if i % 1000 == 0:
        lines.append("    return 2300777; // undocumented")
    return "// generated\n" + "\n".join(lines) + "\n"


def main():
    out, count = sys.argv[1], int(sys.argv[2])
    rng = random.Random(20261201)
    for i in range(count):
        folder = os.path.join(out, f"m{i // 1000:03d}", f"p{(i // 100) % 10}")
        os.makedirs(folder, exist_ok=True)
        ext = EXTENSIONS[i % len(EXTENSIONS)]
        with open(os.path.join(folder, f"f{i}.{ext}"), "w") as f:
            f.write(body(rng, i))


if __name__ == "__main__":
    main()
