#!/usr/bin/env python3
"""A project of one module whose family has N members, for bench/family.sh.

    python3 bench/family.py --members 100000 --out DIR [--style rule|table] [--sections] [--untranslated]

A family expands every entry of its table, so the table has N entries
(E000001 …, values 1…N) and the family `big-errno` generates codes
500000000 + value. English and Chinese texts for the family and every table
entry. `--sections` writes an explicit code section for every member too
(the family's generated twins are overridden: N sections on the page);
`--style` is the page style's `family` (README "Page style");
`--untranslated` leaves the table's entries out of the Chinese texts (each
is then reported, and shown in English).
Deterministic: the same arguments give the same files.
"""

import argparse
import os

BASE = 500_000_000


def main():
    p = argparse.ArgumentParser()
    p.add_argument("--members", type=int, required=True)
    p.add_argument("--out", required=True)
    p.add_argument("--style", choices=["rule", "table"], default="table")
    p.add_argument("--sections", action="store_true")
    p.add_argument("--untranslated", action="store_true")
    a = p.parse_args()
    n = a.members
    for d in ["catalog", "locales/en", "locales/zh-CN"]:
        os.makedirs(os.path.join(a.out, d), exist_ok=True)

    y = []
    y.append('site:\n  base_url: "https://example.org/errors/"\n')
    y.append(f"  style: {{ family: {a.style} }}\n")
    y.append("references:\n")
    y.append('  - { id: big-ref, title: "Big reference", url: "https://example.org/big" }\n')
    y.append("tables:\n  - id: big\n    entries:\n")
    for v in range(1, n + 1):
        y.append(f'      - {{ value: {v}, name: E{v:06d}, message: "Failure number {v}" }}\n')
    y.append("modules:\n  - id: big\n    page: errorcode-big\n")
    y.append("    metadata: { kit: Bench Kit, subsystem: Bench }\n")
    y.append(f"    owns: [{{ from: {BASE}, to: {BASE + n + 1} }}]\n")
    y.append("    families:\n")
    y.append(f'      - {{ id: big-errno, base: {BASE}, table: big, name: "BIG_{{name}}", references: [big-ref] }}\n')
    y.append("    codes:\n")
    y.append(f"      - {{ code: {BASE}, name: BIG_OK, message: \"Not a failure.\" }}\n")
    if a.sections:
        for v in range(1, n + 1):
            y.append(f'      - {{ code: {BASE + v}, name: BIG_E{v:06d}, message: "Failure number {v}.", references: [big-ref] }}\n')
    with open(os.path.join(a.out, "catalog/codes.yaml"), "w") as f:
        f.write("".join(y))

    en = [
        "module-big = Big Error Codes\n",
        "    .note = This page is generated for a benchmark.\n\n",
        f"code-{BASE} = Not a Failure\n",
        "    .description = This code is reported when nothing failed.\n\n",
        "family-big-errno = Other Big Error Codes\n",
        "    .rule-label = Big error codes:\n",
        "    .rule = Other big error codes are mapped as { $base } + failure number.\n",
        "    .description = This error code is reported if an operation fails with `{ $name }` ({ $value }): { $message }.\n",
        "    .cause-1 = The operation failed with `{ $name }`, reported as error code { $code }.\n",
        "    .solution-1 = See `{ $name }`, fix the problem, and try again.\n\n",
    ]
    zh = [
        "module-big = 大错误码\n",
        "    .note = 本页为基准测试生成。\n\n",
        f"code-{BASE} = 没有失败\n",
        "    .description = 没有失败时返回该错误码。\n\n",
        "family-big-errno = 其他大错误码\n",
        "    .rule-label = 大错误码说明：\n",
        "    .rule = 其他大错误码映射为 { $base } + 失败编号。\n",
        "    .description = 操作以 `{ $name }`（{ $value }）失败时返回该错误码：{ $message }。\n",
        "    .cause-1 = 操作以 `{ $name }` 失败，报告为错误码 { $code }。\n",
        "    .solution-1 = 查看 `{ $name }`，解决问题后重试。\n\n",
    ]
    if a.sections:
        for v in range(1, n + 1):
            en.append(f"code-{BASE + v} = Failure {v}\n    .description = This error code is reported if failure {v} occurs.\n    .cause-1 = Cause of failure {v}.\n    .solution-1 = Fix failure {v}.\n\n")
            zh.append(f"code-{BASE + v} = 失败 {v}\n    .description = 发生失败 {v} 时返回该错误码。\n    .cause-1 = 失败 {v} 的原因。\n    .solution-1 = 修复失败 {v}。\n\n")
    if not a.untranslated:
        for v in range(1, n + 1):
            zh.append(f"big-E{v:06d} = 失败编号 {v}\n")
    with open(os.path.join(a.out, "locales/en/big.ftl"), "w") as f:
        f.write("".join(en))
    with open(os.path.join(a.out, "locales/zh-CN/big.ftl"), "w") as f:
        f.write("".join(zh))


if __name__ == "__main__":
    main()
