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
        context
    });
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
    let entries: Vec<Value> = codes
        .iter()
        .map(|c| {
            json!([c.code, c.name, "", plain_text(&c.title), c.message, "", 0,
                   u8::from(c.generated), ""])
        })
        .collect();
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
        "v": 2, "locale": "en", "url": "codes/{code}.html", "modules": [["M", "m.html"]],
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
