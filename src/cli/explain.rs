//! `bdl explain [CODE]`: a code's documentation page (docs/diagnostics/CODE.md, or in Chinese
//! docs/diagnostics/zh/CODE.md), or the list of every code when none is given.

use bdl::codes::Code;
use bdl::messages::{self as msg, Lang};
use bdl::report;
use std::process::ExitCode;

pub fn run(code: Option<&str>) -> ExitCode {
    let Some(code) = code else {
        print!("{}", list());
        return ExitCode::SUCCESS;
    };
    match bdl::registry::parse(code) {
        Some(c) => {
            let page = match super::lang() {
                Lang::Zh => super::pages_zh::page(c.as_str()).unwrap_or(c.page()),
                Lang::En => c.page(),
            };
            print!("{page}");
            ExitCode::SUCCESS
        }
        None => {
            eprint!("{}", unknown(code).get(super::lang()));
            ExitCode::from(2)
        }
    }
}

/// Every code with its severity and title, a blank line between the ranges.
fn list() -> String {
    let mut out = String::new();
    let mut range = None;
    for c in bdl::registry::all() {
        let first = c.as_str().get(..2);
        if range.is_some() && range != first {
            out.push('\n');
        }
        range = first;
        let lang = super::lang();
        let severity = match lang {
            Lang::En => report::severity_word(c.severity()),
            Lang::Zh => msg::severity_zh(c.severity()),
        };
        out.push_str(&format!(
            "{}  {:<7}  {}\n",
            c.as_str(),
            severity,
            c.title_in(lang)
        ));
    }
    out.push_str(&format!(
        "\n{}\n",
        msg::explain_list_footer().get(super::lang())
    ));
    out
}

/// The error for a code that does not exist: the close codes, if any, and the ranges.
pub fn unknown(code: &str) -> msg::Text {
    let close: Vec<(&str, &str)> = close_codes(code)
        .into_iter()
        .map(|c| (c.as_str(), c.title()))
        .collect();
    msg::unknown_code(code.trim(), &close)
}

/// Codes that `text` may have meant: those it begins (`B301` → B3010 …), or else those one typing
/// mistake away (a digit wrong, missing, added or two swapped). A missing `B` is supplied (`3010`).
fn close_codes(text: &str) -> Vec<Code> {
    let mut t = text.trim().to_ascii_uppercase();
    if !t.starts_with('B') {
        t.insert(0, 'B');
    }
    if let Some(c) = bdl::registry::parse(&t) {
        return vec![c];
    }
    let prefixed: Vec<Code> = bdl::registry::all()
        .iter()
        .copied()
        .filter(|c| t.len() >= 2 && c.as_str().starts_with(&t))
        .collect();
    if !prefixed.is_empty() {
        return prefixed;
    }
    bdl::registry::all()
        .iter()
        .copied()
        .filter(|c| strsim::osa_distance(c.as_str(), &t) <= 1)
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    fn close(text: &str) -> Vec<&'static str> {
        close_codes(text).into_iter().map(Code::as_str).collect()
    }

    #[test]
    fn close_codes_are_suggested() {
        assert_eq!(
            close("B301"),
            ["B3010", "B3011", "B3012", "B3013", "B3014", "B3015"]
        );
        assert_eq!(close("b3100"), ["B3010"]);
        assert_eq!(close("3010"), ["B3010"]);
        assert_eq!(close("B4O20"), ["B4020"]);
        assert!(close("B0000").is_empty());
        assert!(close("").is_empty());
    }

    #[test]
    fn the_list_names_every_code_once() {
        let list = list();
        for c in bdl::registry::all() {
            assert_eq!(list.matches(c.as_str()).count(), 1, "{}", c.as_str());
        }
    }
}
