//! Every diagnostic range is right on lines of Chinese text and astral characters: on generated
//! declarations full of both (with syntax errors and with checking errors), each range — primary and
//! related — converted to UTF-16 (and UTF-8, UTF-32) positions and back lands on the same bytes, and
//! the UTF-16 column is the one an editor counts independently. The declarations hold the year-end
//! facts, earlier-year figures and tasks too; hover, completion and quick fixes at every character of
//! them answer without a panic and with spans on character boundaries.

// Tests, benches and examples may unwrap, panic and index: a failure there is a failed check, not a crash.
#![allow(
    clippy::unwrap_used,
    clippy::expect_used,
    clippy::panic,
    clippy::indexing_slicing,
    clippy::string_slice
)]

use bdl::ide::{self, Encoding};
use proptest::prelude::*;

/// Names mixing Chinese, astral (CJK extension B, emoji) and ASCII characters.
fn name() -> impl Strategy<Value = String> {
    "[信访岗位津贴治安巡逻𠀀𠀁𪚥😀a-c（）]{1,8}"
}

/// A line an editor holds while it is being typed, or a mistake bdl knows.
fn broken_line() -> impl Strategy<Value = String> {
    prop_oneof![
        name().prop_map(|n| format!("indicator 产出数量 \"{n}\" = ")),
        name().prop_map(|n| format!("indicater 产出数量 \"{n}\" = 5人")),
        name().prop_map(|n| format!("direction “{n}” ＜ people 5 rate 200/month ＞")),
        name().prop_map(|n| format!("filer \"{n}")),
        name().prop_map(|n| format!("income \"{n}\" 1,000")),
    ]
}

fn declaration() -> impl Strategy<Value = String> {
    (
        name(),
        name(),
        name(),
        1u32..200,
        1u32..2000,
        proptest::option::of(broken_line()),
        0usize..6,
    )
        .prop_map(|(a, b, missing, people, rate, broken, at)| {
            let mut lines = vec![
                "year 2021".to_string(),
                format!("filer \"{a}𠀀\""),
                "unit 万元".to_string(),
                "framework hunan".to_string(),
                format!("total 1{people}"),
                format!("spending \"项目支出\" 9 = directions  # 𠀀注释"),
                format!("indicator 产出数量 \"{b}\" = people of \"{missing}X\""),
                format!("direction \"{a}\" < people {people} rate {rate}/month > {{"),
                "  amount 1.5".to_string(),
                format!("  prior budget 1.{people}"),
                "  prior actual 1".to_string(),
                format!("  income \"财政拨款\" 1.5 prior budget 2020 1.{rate}"),
                format!("  indicator 产出成本 \"{b}😀\" <= amount"),
                format!("  indicator 满意度 \"{b}\" >= 80%"),
                format!("  execution \"{a}资金\" budget 1.5 spent 1.{people}"),
                format!("  achieved \"{b}😀X\" 1.{rate}万元 reason \"{a}𠀀\" score 3"),
                format!("  achieved \"{b}\" {people}% score 4"),
                "}".to_string(),
                format!("task \"{a}\" duty \"{b}𠀀\" for \"{missing}\" amount {people} {{"),
                format!("  content \"{b}😀\""),
                format!("  income \"财政拨款\" {rate}"),
                "}".to_string(),
                format!("execution budget 1{people} spent {rate}"),
                format!("achieved \"{missing}😀\" {people}人"),
            ];
            if let Some(line) = broken {
                lines.insert(at.min(lines.len()), line);
            }
            lines.join("\n") + "\n"
        })
}

/// The UTF-16 column of a byte offset, counted without the library.
fn utf16_column(src: &str, offset: usize) -> usize {
    let line_start = src[..offset].rfind('\n').map_or(0, |i| i + 1);
    src[line_start..offset].chars().map(char::len_utf16).sum()
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(300))]

    #[test]
    fn every_diagnostic_range_survives_utf16_and_back(src in declaration()) {
        let a = ide::analyse(&src);
        prop_assert!(!a.diagnostics.is_empty());
        let spans = a
            .diagnostics
            .iter()
            .flat_map(|d| std::iter::once(d.span).chain(d.labels.iter().map(|l| l.span)));
        for span in spans {
            prop_assert!(src.is_char_boundary(span.start) && src.is_char_boundary(span.end));
            for enc in [Encoding::Utf16, Encoding::Utf8, Encoding::Utf32] {
                let range = a.index.range(&src, span, enc);
                prop_assert_eq!(a.index.span(&src, range, enc), span, "{:?} in {:?}", enc, src);
            }
            let range = a.index.range(&src, span, Encoding::Utf16);
            prop_assert_eq!(range.start.column, utf16_column(&src, span.start));
            prop_assert_eq!(range.end.column, utf16_column(&src, span.end));
        }
    }

    #[test]
    fn hover_completion_and_fixes_answer_everywhere(src in declaration()) {
        let a = ide::analyse(&src);
        let boundary = |o: usize| src.is_char_boundary(o);
        for (at, _) in src.char_indices().step_by(3) {
            if let Some(h) = ide::hover::hover(&a, at, bdl::messages::Lang::Zh) {
                prop_assert!(boundary(h.span.start) && boundary(h.span.end), "{:?}", h);
            }
            let options = ide::completion::Options::default();
            for item in ide::completion::complete(&a, at, options) {
                prop_assert!(boundary(item.replace.start) && boundary(item.replace.end));
            }
        }
        for d in &a.diagnostics {
            for f in ide::actions::fixes(&a, d.span) {
                for e in f.edits {
                    prop_assert!(boundary(e.span.start) && boundary(e.span.end), "{:?}", e);
                }
            }
        }
        prop_assert!(!ide::symbols::symbols(&a, bdl::messages::Lang::Zh).is_empty());
    }
}
