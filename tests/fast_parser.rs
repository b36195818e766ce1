//! The hand-written parser (`syntax::fast`) against pest (`syntax::parser`), which defines the
//! language: wherever the fast parser answers, pest accepts the file and builds the same tree; where
//! pest refuses a file, the fast parser gives way. Over every fixture and example, a generated corpus,
//! and random edits of them.

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

use bdl::syntax::{fast, parser};
use proptest::prelude::*;

/// The fast parser agrees with pest on `src`; returns whether it answered.
fn agrees(src: &str) -> bool {
    let by_pest = parser::parse_file(src).ok();
    match fast::parse(src) {
        Some(tree) => {
            assert_eq!(
                Some(tree),
                by_pest,
                "the fast parser differs from pest on:\n{src}"
            );
            true
        }
        None => false,
    }
}

fn fixtures() -> Vec<(String, String)> {
    let root = std::path::Path::new(env!("CARGO_MANIFEST_DIR"));
    let mut out = Vec::new();
    for dir in ["tests/fixtures", "examples"] {
        for entry in walkdir::WalkDir::new(root.join(dir)).sort_by_file_name() {
            let entry = entry.unwrap();
            if entry.path().extension().is_some_and(|e| e == "bdl")
                && let Ok(src) = std::fs::read_to_string(entry.path())
            {
                out.push((entry.path().display().to_string(), src));
            }
        }
    }
    out
}

#[test]
fn every_fixture_and_example_parses_as_with_pest() {
    let mut answered = 0;
    let mut valid = 0;
    for (path, src) in fixtures() {
        let ok = parser::parse_file(&src).is_ok();
        let fast = agrees(&src);
        // Every file pest accepts, written as people write them, takes the fast path.
        if ok && !src.contains('\r') {
            assert!(fast, "the fast parser gave way on a valid file: {path}");
        }
        valid += usize::from(ok);
        answered += usize::from(fast);
    }
    assert!(valid > 60 && answered >= valid - 5, "{answered} of {valid}");
}

#[test]
fn generated_departments_parse_as_with_pest() {
    for i in 0..300 {
        let src = corpus::department(7, i);
        assert!(agrees(&src), "department {i} did not take the fast path");
    }
}

/// Tokens that matter to the grammar, inserted at random places.
const TOKENS: &[&str] = &[
    " ",
    "\t",
    "\u{3000}",
    "\n",
    "\r",
    "\r\n",
    "\"",
    "\\",
    "\\\"",
    "#",
    "# 注\n",
    "{",
    "}",
    "{\n",
    "}\n",
    "<",
    ">",
    "=",
    "+",
    "/",
    "-",
    ".",
    "1",
    "1.5",
    "-2",
    "万元",
    "元",
    "≥",
    "＝",
    "不低于",
    "%",
    "note",
    "standard",
    "weight",
    "sense",
    "from",
    "of",
    "people",
    "qty",
    "amount",
    "total",
    "directions",
    "spending",
    "income",
    "rate",
    "price",
    "month",
    "year",
    "months",
    "prior",
    "basis",
    "partial",
    "by",
    "for",
    "duty",
    "indicator",
    "overall",
    "direction",
    "project",
    "cost",
    "goal",
    "category",
    "framework",
    "unit",
    "x",
    "中",
    "\u{FEFF}",
];

fn edited(src: &str, edits: &[(usize, usize, usize)]) -> String {
    let mut s = src.to_string();
    for &(at, token, delete) in edits {
        let at = s.floor_char_boundary(at % (s.len() + 1));
        let end = s.floor_char_boundary((at + delete % 6).min(s.len()));
        s.replace_range(at..end, TOKENS[token % TOKENS.len()]);
    }
    s
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(2000))]

    /// Random insertions and deletions in real declarations: wherever the fast parser answers, pest
    /// accepts the file and builds the same tree.
    #[test]
    fn random_edits_parse_as_with_pest(
        file in 0usize..1000,
        edits in prop::collection::vec((0usize..100_000, 0usize..1000, 0usize..100), 1..4),
    ) {
        let sources = [
            include_str!("../examples/shifeng-xinfang-2021.bdl"),
            include_str!("../examples/shifeng-xinfang-2022.bdl"),
            include_str!("../examples/county-farmland-2024.bdl"),
        ];
        let src = edited(sources[file % sources.len()], &edits);
        agrees(&src);
    }

    /// Short random texts made of the grammar's tokens.
    #[test]
    fn token_soup_parses_as_with_pest(tokens in prop::collection::vec(0usize..1000, 0..40)) {
        let mut src = String::new();
        for t in tokens {
            src.push_str(TOKENS[t % TOKENS.len()]);
            if t % 3 == 0 {
                src.push(' ');
            }
        }
        agrees(&src);
        agrees(&format!("direction \"d\" {{\n{src}\n}}\n"));
        agrees(&format!("indicator 数量指标 \"n\" {src}\n"));
    }
}

/// Constructs the fixtures use rarely, each taking the fast path with pest's tree.
#[test]
fn rare_constructs_take_the_fast_path() {
    for src in [
        "income \"财政拨款\" 10 partial {\n  income \"一般公共预算\" 6\n}\n",
        "spending \"项目支出\" = directions partial # 注\n",
        "income \"甲\" 5 prior budget 4.5 prior final 2022 3万元  # 注\n",
        "task \"任务\" duty \"职责\" for \"资金\" amount 12 \ntask \"任务\" duty \"职责\" for \"资金\"  \n",
        "scores 产出指标 50 效益指标 30 total 90\nscores 产出指标 50  \ndirection \"甲\" {\n  scores a 1 b 2 \n}\n",
        "spending \"合计\" = \"甲\" + \"乙\"   # 注\r\n",
        "\u{FEFF}year 2024\n\u{3000}goal \"a\\\"b\\\\c\"\n",
        "framework {\n  category \"产出\" \"数量\" \"质量\"  # 注\n  category \"效益\" \"社会\"\n}\n",
        "direction \"甲\" <qty 4 台 rate 20 / year months 6> {\n  cost \"乙\" <people 2 price 5> prior 3万元\n  amount 5 basis \"依据\"\n  indicator 产出 数量 \"n\" >= 5 人 from people of \"甲\" note \"x\" weight 10 sense 正向\n}\n",
    ] {
        assert!(parser::parse_file(src).is_ok(), "pest refuses:\n{src}");
        assert!(agrees(src), "the fast parser gave way on:\n{src}");
    }
}
