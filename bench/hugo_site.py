#!/usr/bin/env python3
"""The Hugo site of an errdoc project, for the benchmarks (bench/run.sh,
bench/family.sh): one page per code per locale, made from the project's
built `site/<locale>/codes.json`, and a one-line layout.

    python3 bench/hugo_site.py PROJECT HUGO_DIR
"""
import json, os, sys
project, out = sys.argv[1], sys.argv[2]
os.makedirs(out + "/layouts/_default", exist_ok=True)
open(out + "/config.toml", "w").write('baseURL = "https://example.org/"\ndisableKinds = ["taxonomy", "term", "RSS", "sitemap", "home", "section"]\ndefaultContentLanguage = "en"\n[languages.en]\ncontentDir = "content/en"\n[languages.zh-CN]\ncontentDir = "content/zh-CN"\n')
open(out + "/layouts/_default/single.html", "w").write('<!DOCTYPE html><html lang="{{ .Lang }}"><head><meta charset="utf-8"><title>{{ .Title }}</title></head><body><main><h1>{{ .Title }}</h1>{{ .Content }}</main></body></html>\n')
for locale in ["en", "zh-CN"]:
    data = json.load(open(f"{project}/site/{locale}/codes.json"))
    d = f"{out}/content/{locale}/codes"
    os.makedirs(d, exist_ok=True)
    for c in data["codes"]:
        body = []
        if c.get("message"): body.append("**Error Message**\n\n" + c["message"])
        if c.get("description"): body.append("**Description**\n\n" + c["description"])
        if c["causes"]: body.append("**Possible Causes**\n\n" + "\n\n".join(f"{i+1}. {t}" for i, t in enumerate(c["causes"])))
        if c["solutions"]: body.append("**Solution**\n\n" + "\n\n".join(c["solutions"]))
        title = c["title"].replace('"', '\\"')
        open(f"{d}/{c['code']}.md", "w").write(f'---\ntitle: "{c["code"]} {title}"\n---\n\n' + "\n\n".join(body) + "\n")
