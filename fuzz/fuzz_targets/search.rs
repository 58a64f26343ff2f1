//! The site's search ranking, run as it ships: `templates/static/search.js`
//! in an embedded JavaScript engine (Boa), over an index of fuzzed codes
//! whose texts pass through errdoc's own `plain_text`, as `build` does.
//!
//! For any index and query: no exception, at most 200 results, no result
//! that is not in the index, no result twice; an empty query finds nothing;
//! a number lists exactly the codes it starts (the exact code first, the
//! rest in order), or else first the ranges that hold it; and every code is
//! found by its own title, its own error message, a word of its title with
//! a word of its message, and its number.
//!
//! First, once, it runs `tests/search-queries.tsv` on the repository's
//! own site, as the browser test does (the shares of top-1 and top-3
//! answers).
//!
//! Found by this target: a code titled with a number that starts no code
//! but lies in a range was not found by its title (only the range was).
#![no_main]

use std::cell::RefCell;
use std::collections::BTreeSet;

use boa_engine::{Context, Source};
use errdoc::testing::plain_text;
use libfuzzer_sys::arbitrary::{self, Arbitrary};
use libfuzzer_sys::fuzz_target;
use serde_json::{Value, json};

#[derive(Arbitrary, Debug)]
struct Code {
    code: u32,
    title: String,
    name: String,
    message: String,
    body: String,
    generated: bool,
}

#[derive(Arbitrary, Debug)]
struct Input {
    codes: Vec<Code>,
    ranges: Vec<(u32, u32, String)>,
    query: String,
    /// Which code the "found by its own texts" checks use.
    pick: u8,
}

/// Runs a whole check in JavaScript, so that words are split by the
/// script's own rules; returns the results of each search.
const HARNESS: &str = r#"
var S = module.exports;
function errdocCheck(index, details, query, pick) {
  var engine = S.prepare(index);
  engine.addDetails("search-details-0.js", details);
  var docs = engine.docs;
  var out = { clean: S.cleanQuery(query), query: S.search(engine, query) };
  if (docs.length) {
    var d = docs[pick % docs.length];
    var tw = S.cleanQuery(d.title).split(" ").filter(Boolean);
    var mw = S.cleanQuery(d.message).split(" ").filter(Boolean);
    out.pick = d.code;
    out.byTitle = { q: S.cleanQuery(d.title), r: S.search(engine, d.title) };
    out.byMessage = { q: S.cleanQuery(d.message), r: S.search(engine, d.message) };
    if (tw.length && mw.length) {
      var two = tw[0] + " " + mw[mw.length - 1];
      out.byWords = { q: S.cleanQuery(two), r: S.search(engine, two) };
    }
    out.byCode = S.search(engine, String(d.code));
  }
  return JSON.stringify(out);
}
"#;

thread_local! {
    static JS: RefCell<Context> = RefCell::new({
        let mut context = Context::default();
        let script = format!(
            "var module = {{ exports: {{}} }};\n{}\n{HARNESS}",
            include_str!("../../templates/static/search.js")
        );
        context.eval(Source::from_bytes(script.as_bytes())).expect("search.js loads");
        query_set(&mut context);
        context
    });
}

/// `tests/search-queries.tsv` on the repository's own site (`site/`, as
/// committed), once, as the browser test runs it: at least 95 % of the
/// queries have their code in the top 3, 85 % first, and a query that
/// holds its code has it first.
fn query_set(context: &mut Context) {
    let repo = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("..");
    let mut script = String::from("var window = this.window || {}; this.window = window;\n");
    for tag in ["en", "zh-CN"] {
        let dir = repo.join("site").join(tag);
        let index = std::fs::read_to_string(dir.join("search-index.js")).expect("site/ is built");
        script.push_str(&index);
        let mut shards: Vec<_> = std::fs::read_dir(&dir)
            .expect("site/ is built")
            .filter_map(Result::ok)
            .map(|e| e.file_name().to_string_lossy().to_string())
            .filter(|n| n.starts_with("search-details-"))
            .collect();
        shards.sort();
        for shard in shards {
            script.push_str(&std::fs::read_to_string(dir.join(shard)).expect("a shard"));
        }
    }
    let rows: Vec<Vec<String>> = std::fs::read_to_string(repo.join("tests/search-queries.tsv"))
        .expect("tests/search-queries.tsv")
        .lines()
        .skip(1)
        .filter(|l| !l.trim().is_empty())
        .map(|l| l.split('\t').map(str::to_string).collect())
        .collect();
    script.push_str(&format!(
        "(function () {{ var S = module.exports, E = {{}};\n\
         ['en', 'zh-CN'].forEach(function (tag) {{ var index = window.errdocIndexes[tag]; var e = S.prepare(index);\n\
           index.details.forEach(function (d) {{ e.addDetails(d, window.errdocDetails[tag + '/' + d]); }}); E[tag] = e; }});\n\
         return JSON.stringify({rows}.map(function (row) {{ var other = row[0] === 'en' ? 'zh-CN' : 'en';\n\
           return S.answer(E[row[0]], [{{ tag: other, engine: E[other] }}], row[1], false).results.slice(0, 3)\n\
             .map(function (r) {{ return r.code.split('–')[0]; }}); }})); }})()",
        rows = serde_json::to_string(&rows).expect("JSON")
    ));
    let value = context.eval(Source::from_bytes(script.as_bytes())).expect("the query set runs");
    let text = value.to_string(context).expect("a string").to_std_string_escaped();
    let answers: Vec<Vec<String>> = serde_json::from_str(&text).expect("JSON");
    let (mut top1, mut top3) = (0, 0);
    for (row, got) in rows.iter().zip(&answers) {
        let want: Vec<&str> = row[2].split('|').collect();
        let first = got.first().is_some_and(|c| want.contains(&c.as_str()));
        top1 += usize::from(first);
        top3 += usize::from(got.iter().any(|c| want.contains(&c.as_str())));
        let holds = want.iter().any(|w| row[1].split(|c: char| !c.is_ascii_digit()).any(|n| n == *w));
        assert!(!holds || first, "{:?} holds its code {} but got {got:?}", row[1], row[2]);
    }
    assert!(top3 * 100 >= rows.len() * 95, "top 3: {top3} of {}", rows.len());
    assert!(top1 * 100 >= rows.len() * 85, "top 1: {top1} of {}", rows.len());
    eprintln!("query set: {} queries, {top1} first, {top3} in the top 3", rows.len());
}

fn codes_of(results: &Value) -> Vec<String> {
    results
        .as_array()
        .expect("results are an array")
        .iter()
        .map(|r| r["code"].as_str().expect("a code is a string").to_string())
        .collect()
}

/// `q` is a number (as the script's `^\d+$` sees it).
fn numeric(q: &str) -> bool {
    !q.is_empty() && q.bytes().all(|b| b.is_ascii_digit())
}

fuzz_target!(|input: Input| {
    let mut codes = input.codes;
    codes.truncate(24);
    codes.sort_by_key(|c| c.code);
    codes.dedup_by_key(|c| c.code);
    let mut before = 0_i64;
    let deltas: Vec<i64> = codes
        .iter()
        .map(|c| {
            let d = i64::from(c.code) - before;
            before = i64::from(c.code);
            d
        })
        .collect();
    let column = |f: &dyn Fn(&Code) -> Value| -> Vec<Value> { codes.iter().map(f).collect() };
    let entries = json!({
        "code": deltas,
        "name": column(&|c| json!(c.name)),
        "aliases": column(&|_| json!("")),
        "title": column(&|c| json!(plain_text(&c.title))),
        "message": column(&|c| json!(c.message)),
        "wordings": column(&|_| json!("")),
        "module": column(&|_| json!(0)),
        "generated": column(&|c| json!(u8::from(c.generated))),
        "value": column(&|_| json!("")),
    });
    let details: Vec<Value> = codes.iter().map(|c| json!([c.code, plain_text(&c.body)])).collect();
    // Ranges are unique in a catalog (validation refuses overlaps).
    let mut bounds: Vec<(u32, u32, &String)> =
        input.ranges.iter().take(4).map(|(a, b, t)| (*a.min(b), *a.max(b), t)).collect();
    bounds.sort_by_key(|r| (r.0, r.1));
    bounds.dedup_by_key(|r| (r.0, r.1));
    let ranges: Vec<Value> = bounds
        .iter()
        .map(|(a, b, t)| json!([a, b, plain_text(t), format!("p.html#{a}-{b}")]))
        .collect();
    let index = json!({
        "v": 3, "locale": "en", "url": "codes/{code}.html", "modules": [["M", "m.html"]],
        "codes": entries, "ranges": ranges, "synonyms": [], "details": ["search-details-0.js"]
    });
    let details = Value::Array(details);
    let call = format!(
        "errdocCheck({index}, {details}, {}, {})",
        Value::String(input.query.clone()),
        input.pick
    );
    let text = JS.with(|js| {
        let mut js = js.borrow_mut();
        let value = js
            .eval(Source::from_bytes(call.as_bytes()))
            .unwrap_or_else(|e| panic!("search threw: {e}"));
        value.to_string(&mut js).expect("a string").to_std_string_escaped()
    });
    let out: Value = serde_json::from_str(&text).expect("JSON");

    let known: BTreeSet<String> = codes
        .iter()
        .map(|c| c.code.to_string())
        .chain(ranges.iter().map(|r| format!("{}–{}", r[0], r[1])))
        .collect();
    let clean = out["clean"].as_str().unwrap_or_default();
    let found = codes_of(&out["query"]);
    assert!(found.len() <= 200, "{} results", found.len());
    assert!(found.iter().all(|c| known.contains(c)), "{found:?} not all in the index");
    let unique: BTreeSet<&String> = found.iter().collect();
    assert_eq!(unique.len(), found.len(), "a result twice: {found:?}");
    if clean.is_empty() {
        assert!(found.is_empty(), "an empty query found {found:?}");
    }
    let starting: Vec<u32> = codes
        .iter()
        .map(|c| c.code)
        .filter(|c| c.to_string().starts_with(clean))
        .collect();
    if numeric(clean) && !starting.is_empty() {
        let mut expected: Vec<String> = Vec::new();
        if let Some(exact) = starting.iter().find(|c| c.to_string() == clean) {
            expected.push(exact.to_string());
        }
        expected.extend(starting.iter().filter(|c| c.to_string() != clean).map(u32::to_string));
        expected.truncate(200);
        assert_eq!(found, expected, "a number lists the codes it starts");
    } else if numeric(clean) && let Ok(n) = clean.parse::<f64>() {
        // The script compares as JavaScript numbers do.
        let holding: Vec<String> = ranges
            .iter()
            .filter(|r| (r[0].as_f64().unwrap()..=r[1].as_f64().unwrap()).contains(&n))
            .map(|r| format!("{}–{}", r[0], r[1]))
            .collect();
        let mut first: Vec<String> = found.iter().take(holding.len()).cloned().collect();
        first.sort_by_key(|r| r.split('–').next().and_then(|n| n.parse::<u32>().ok()));
        let mut holding_sorted = holding.clone();
        holding_sorted.sort_by_key(|r| r.split('–').next().and_then(|n| n.parse::<u32>().ok()));
        assert_eq!(first, holding_sorted, "{n}: the ranges that hold it come first: {found:?}");
    }

    let Some(pick) = out["pick"].as_u64() else { return };
    let pick = pick.to_string();
    let by_code = codes_of(&out["byCode"]);
    assert_eq!(by_code.first(), Some(&pick), "a code's number finds it first");
    for key in ["byTitle", "byMessage", "byWords"] {
        let Some(q) = out[key]["q"].as_str() else { continue };
        let numbers_win = numeric(q) && codes.iter().any(|c| c.code.to_string().starts_with(q));
        if q.is_empty() || numbers_win {
            continue; // nothing to look for, or a number, which lists codes
        }
        let results = codes_of(&out[key]["r"]);
        assert!(results.contains(&pick), "{key}: {q:?} does not find {pick}: {results:?}");
    }
});
