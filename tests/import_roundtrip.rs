//! The oracle of `bdl import`: a declaration's own workbook (`bdl build --format xlsx`), imported,
//! compiles to the same JSON as the declaration, for the examples (those in `NOT_YET` aside) and for
//! 200 generated declarations, in the Hunan and the Ministry's forms. What the tables do not print
//! cannot come back, so the comparison leaves out exactly that (see `UNPRINTED`): how figures were
//! derived (bases, references, provenance, which figures were declared rather than derived), the
//! precision and, in the Hunan forms, earlier years' figures; in the Ministry's forms also whether a table is a 支出方向
//! or a project (both print as 项目支出绩效目标表) and an operator's spelling (printed as a symbol).
//! Indicators are compared in the order the tables print them: grouped by framework category, in
//! written order within one. The tables themselves must be the same cell for cell.

// Tests, benches and examples may unwrap, panic and index: a failure there is a failed check, not a crash.
#![allow(
    clippy::unwrap_used,
    clippy::expect_used,
    clippy::panic,
    clippy::indexing_slicing,
    clippy::string_slice
)]

#[path = "../benches/support/corpus.rs"]
mod corpus;

use serde_json::Value;

/// JSON keys of what the tables do not print: derivations and their provenance, the bases they were
/// computed from, which figures were declared, the people a basis counts, the precision, and a
/// self-evaluation's thresholds (earlier years' figures: see `project`).
const UNPRINTED: &[&str] = &[
    "how",
    "provenance",
    "reference",
    "derived",
    "declared",
    "declared_amount",
    "declared_total",
    "basis",
    "basis_text",
    "people",
    "precision",
    // The scoring profile's grade thresholds and the over-achievement that needs a reason (and so
    // which rows are flagged over): a 绩效自评表 prints the grade each table got and the scores, not
    // the thresholds.
    "grades",
    "deviation",
];

fn unkind(v: &mut Value) {
    match v {
        Value::Object(map) => {
            map.remove("kind");
            if map.contains_key("level2") {
                // An indicator's value as written (`不少于23次`): the split columns print its
                // operator as a symbol (≥ | 23 | 次); operator, number and unit are still compared.
                map.remove("value");
            }
            if map.contains_key("typed_score") {
                // A self-evaluation row's target, as written: the same spelling as above.
                map.remove("target");
            }
            map.values_mut().for_each(unkind);
        }
        Value::Array(items) => items.iter_mut().for_each(unkind),
        _ => {}
    }
}

/// Leaves out what the tables do not print; `earlier` too where the form prints no earlier years (the
/// Hunan forms).
fn project(v: &mut Value, earlier: bool) {
    match v {
        Value::Object(map) => {
            for k in UNPRINTED {
                map.remove(*k);
            }
            if earlier {
                map.remove("earlier");
            } else if let Some(Value::Array(figures)) = map.get_mut("earlier") {
                // The tables print a column per year, oldest first; the order written is not printed.
                let rank = |f: &Value| {
                    let kind = ["budget", "actual", "final"]
                        .iter()
                        .position(|k| f["kind"].as_str() == Some(k));
                    (f["year"].as_i64(), kind)
                };
                figures.sort_by_key(rank);
            }
            for x in map.values_mut() {
                project(x, earlier);
            }
        }
        Value::Array(items) => items.iter_mut().for_each(|x| project(x, earlier)),
        _ => {}
    }
}

/// Indicators in the tables' order: by 一级 and 二级 in the framework's order, stable; a
/// self-evaluation's rows by name.
fn table_order(v: &mut Value, order: &[(String, String)]) {
    match v {
        Value::Object(map) => {
            if let Some(Value::Array(inds)) = map.get_mut("indicators") {
                let pos = |i: &Value| {
                    let (l1, l2) = (
                        i["level1"].as_str().unwrap_or(""),
                        i["level2"].as_str().unwrap_or(""),
                    );
                    (
                        i["horizon"].as_str() != Some("overall"),
                        order
                            .iter()
                            .position(|(a, b)| a == l1 && b == l2)
                            .unwrap_or(usize::MAX),
                    )
                };
                // A self-evaluation's rows carry no 一级/二级: compared by name.
                let name = |i: &Value| {
                    if i.get("level1").is_none() {
                        i["name"].as_str().unwrap_or("").to_string()
                    } else {
                        String::new()
                    }
                };
                inds.sort_by_key(|i| (pos(i), name(i)));
            }
            for x in map.values_mut() {
                table_order(x, order);
            }
        }
        Value::Array(items) => items.iter_mut().for_each(|x| table_order(x, order)),
        _ => {}
    }
}

fn comparable(decl: &bdl::model::Declaration) -> Value {
    let mut v: Value = serde_json::from_str(&bdl::emit::json::render(decl)).unwrap();
    if decl.form.is_ministry()
        && let Some(Value::Array(tasks)) = v.get_mut("tasks")
    {
        // The Ministry's department form prints a task's 主要内容 (its content, else its duty), not both.
        for t in tasks.iter_mut().filter_map(Value::as_object_mut) {
            let printed = t.remove("content").or_else(|| t.remove("duty"));
            t.remove("duty");
            if let Some(p) = printed {
                t.insert("content".into(), p);
            }
        }
    }
    if decl.form.is_ministry() {
        // The Ministry's forms print a 支出方向 and a project alike (项目支出绩效目标表), and
        // operators as symbols.
        unkind(&mut v);
    }
    let order: Vec<(String, String)> = decl
        .framework
        .slots()
        .map(|(_, t, c)| (t.name.clone(), c.name.clone()))
        .collect();
    project(&mut v, !decl.form.is_ministry());
    table_order(&mut v, &order);
    v
}

/// Where two JSON values first differ.
fn first_difference(a: &Value, b: &Value, path: &str) -> Option<String> {
    match (a, b) {
        (Value::Object(x), Value::Object(y)) => {
            for k in x.keys().chain(y.keys()) {
                let p = format!("{path}.{k}");
                match (x.get(k), y.get(k)) {
                    (Some(u), Some(v)) => {
                        if let Some(d) = first_difference(u, v, &p) {
                            return Some(d);
                        }
                    }
                    (u, v) => return Some(format!("{p}: {u:?} ≠ {v:?}")),
                }
            }
            None
        }
        (Value::Array(x), Value::Array(y)) => {
            if x.len() != y.len() {
                return Some(format!("{path}: {} items ≠ {}", x.len(), y.len()));
            }
            x.iter()
                .zip(y)
                .enumerate()
                .find_map(|(i, (u, v))| first_difference(u, v, &format!("{path}[{i}]")))
        }
        _ => (a != b).then(|| format!("{path}: {a} ≠ {b}")),
    }
}

/// Builds the workbook of `src`, imports it, and says how the result differs; on success, how many
/// bases the import wrote from what the tables state.
fn round_trip(name: &str, src: &str) -> Result<usize, String> {
    let original = bdl::compile(src);
    assert!(!original.has_errors(), "{name}: the original has errors");
    let decl = original.declaration.as_ref().unwrap();
    let xlsx = bdl::emit::xlsx::render(decl).unwrap();
    let outcome = bdl::import::import(&format!("{name}.xlsx"), &xlsx);
    if !outcome.unplaced.is_empty() {
        return Err(format!(
            "{name}: {} cells not placed, the first: {:?}",
            outcome.unplaced.len(),
            outcome.unplaced.iter().take(5).collect::<Vec<_>>()
        ));
    }
    let [one] = outcome.sources.as_slice() else {
        return Err(format!("{name}: {} sources", outcome.sources.len()));
    };
    let again = bdl::compile(&one.source);
    if again.has_errors() {
        return Err(format!(
            "{name}: the imported source has errors: {:?}\n{}",
            again
                .diagnostics
                .iter()
                .map(|d| (d.code.as_str(), d.message.en.clone()))
                .collect::<Vec<_>>(),
            one.source
        ));
    }
    assert_eq!(
        bdl::fmt::format(&one.source).unwrap(),
        one.source,
        "{name}: the imported source is formatted"
    );
    let imported = again.declaration.as_ref().unwrap();
    if let Some(d) = first_difference(&comparable(decl), &comparable(imported), "") {
        return Err(format!("{name}: {d}\n{}", one.source));
    }
    let grids = |d: &bdl::model::Declaration| {
        bdl::emit::layout::tables(d)
            .iter()
            .map(|t| (t.title.clone(), t.grid()))
            .collect::<Vec<_>>()
    };
    let (a, b) = (grids(decl), grids(imported));
    if a != b {
        let first = a
            .iter()
            .zip(&b)
            .find(|(x, y)| x != y)
            .map(|((title, x), (_, y))| {
                let row = x
                    .iter()
                    .zip(y)
                    .find(|(r, s)| r != s)
                    .map(|(r, s)| format!("{r:?} ≠ {s:?}"))
                    .unwrap_or_else(|| format!("{} rows ≠ {}", x.len(), y.len()));
                format!("{title}: {row}")
            })
            .unwrap_or_else(|| format!("{} tables ≠ {}", a.len(), b.len()));
        return Err(format!(
            "{name}: the tables differ: {first}\n{}",
            one.source
        ));
    }
    if outcome.exit_code() != 0 {
        return Err(format!("{name}: exit {}", outcome.exit_code()));
    }
    Ok(one.source.matches(" < people ").count() + one.source.matches(" < qty ").count())
}

/// Examples with tables the import does not read whole yet, each with what it leaves: their cells go
/// to the report (exit 1), never into a wrong source. An entry that round-trips fails the test, so
/// the list only shrinks.
const NOT_YET: &[(&str, &str)] = &[];

#[test]
fn every_example_round_trips_through_its_workbook() {
    let mut failures = Vec::new();
    let mut n = 0;
    let mut bases = 0;
    for entry in std::fs::read_dir("examples").unwrap() {
        let path = entry.unwrap().path();
        if path.extension().is_none_or(|e| e != "bdl") {
            continue;
        }
        let src = std::fs::read_to_string(&path).unwrap();
        let file = path.file_name().unwrap().to_string_lossy().to_string();
        if let Some((_, what)) = NOT_YET.iter().find(|(f, _)| *f == file) {
            let decl = bdl::compile(&src).declaration.unwrap();
            let book = bdl::emit::xlsx::render(&decl).unwrap();
            let outcome = bdl::import::import(&file, &book);
            assert!(
                round_trip(&file, &src).is_err(),
                "{file} round-trips now: take it off NOT_YET ({what})"
            );
            assert_eq!(outcome.exit_code(), 1, "{file}: what is left is reported");
            assert!(!outcome.unplaced.is_empty(), "{file}: {what}");
            continue;
        }
        n += 1;
        match round_trip(&path.display().to_string(), &src) {
            Ok(b) => bases += b,
            Err(e) => failures.push(e),
        }
    }
    assert!(n >= 8, "only {n} examples round-trip");
    // The seeds' 55人 at 650元/人/月 and 120次 at 500元/次 come back as bases.
    assert!(bases >= 2, "only {bases} bases written from the tables");
    assert!(failures.is_empty(), "{}", failures.join("\n\n"));
}

#[test]
fn two_hundred_generated_declarations_round_trip() {
    let mut failures = Vec::new();
    let mut bases = 0;
    for i in 0..200 {
        let src = corpus::department(12, i);
        match round_trip(&format!("generated-{i}"), &src) {
            Ok(b) => bases += b,
            Err(e) => failures.push(e),
        }
    }
    eprintln!("200 generated declarations round trip; {bases} bases written from the tables");
    assert!(
        failures.is_empty(),
        "{} of 200 differ; the first:\n{}",
        failures.len(),
        failures.first().unwrap()
    );
}

/// The Ministry's department form prints 年度部门整体支出预算 with a column per year where its lines
/// carry earlier years' figures; they come back on the lines, and 资金总额's (their sum) is placed.
#[test]
fn a_ministry_department_with_earlier_years_round_trips() {
    let src = std::fs::read_to_string("examples/mof-department-tasks-2025.bdl")
        .unwrap()
        .replace(
            "income \"财政拨款\" 1150\n",
            "income \"财政拨款\" 1150 prior budget 1100 prior final 2023 1000\n",
        )
        .replace(
            "income \"其他资金\" 100\n",
            "income \"其他资金\" 100 prior budget 90 prior actual 85\n",
        )
        .replace(
            "spending \"基本支出\" 650\n",
            "spending \"基本支出\" 650 prior budget 640\n",
        );
    assert!(src.contains("prior actual 85"), "the example changed");
    if let Err(e) = round_trip("mof-department-earlier", &src) {
        panic!("{e}");
    }
}

/// The department's year-end facts for a generated declaration, appended at the end of the file:
/// each 年度 indicator reached, missed (0.9 of its target) or passed (1.1), or a result word; the
/// budget executed at 95 %; the Ministry's or the free-split profile.
fn with_year_end(src: &str, i: usize) -> String {
    use rust_decimal::Decimal;
    use std::str::FromStr;
    let decl = bdl::compile(src).declaration.unwrap();
    let v: Value = serde_json::from_str(&bdl::emit::json::render(&decl)).unwrap();
    let mut out = src.to_string();
    let profile = if i.is_multiple_of(2) {
        "mof"
    } else {
        "free-split"
    };
    out.push_str(&format!("\nprofile {profile}\n"));
    if let Some(total) = v["total"].as_str() {
        let total = Decimal::from_str(total).unwrap();
        let spent = (total * Decimal::from_str("0.95").unwrap()).round_dp(2);
        out.push_str(&format!("execution budget {total} spent {spent}\n"));
    }
    out.push_str("outcome \"全年目标基本完成。\"\n");
    let words = ["达成", "基本完成", "未完成"];
    for (k, ind) in v["indicators"].as_array().unwrap().iter().enumerate() {
        if ind["horizon"].as_str() != Some("annual") {
            continue;
        }
        let name = ind["name"].as_str().unwrap();
        let actual = match (ind["kind"].as_str(), ind["number"].as_str()) {
            (Some("quantitative"), Some(n)) => {
                let n = Decimal::from_str(n).unwrap();
                let factor = ["1", "0.9", "1.1"][(i + k) % 3];
                let a = (n * Decimal::from_str(factor).unwrap()).normalize();
                format!("{a}{}", ind["unit"].as_str().unwrap_or(""))
            }
            (Some("quantitative"), None) => continue,
            _ => format!("\"{}\"", words[(i + k) % 3]),
        };
        out.push_str(&format!("achieved \"{name}\" {actual}\n"));
    }
    out
}

#[test]
fn generated_self_evaluations_round_trip() {
    let mut failures = Vec::new();
    let mut rows = 0;
    for i in 0..20 {
        let src = with_year_end(&corpus::department(12, i), i);
        rows += src.matches("\nachieved ").count();
        if let Err(e) = round_trip(&format!("generated-self-evaluation-{i}"), &src) {
            failures.push(e);
        }
    }
    eprintln!("20 generated self-evaluations, {rows} rows, round trip");
    assert!(rows >= 40, "only {rows} rows of year-end facts generated");
    assert!(
        failures.is_empty(),
        "{} of 20 differ; the first:\n{}",
        failures.len(),
        failures.first().unwrap()
    );
}
