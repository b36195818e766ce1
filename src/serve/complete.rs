//! Completion for the web editor: the keywords that may start the line where the cursor is, the words
//! inside a statement, and after `indicator` the categories (二级指标) of the document's framework.
//! Shaped as an editor-neutral function (text and byte offset in, replace range and items out) so
//! that the language server's shared completion can take its place.

use crate::domain::framework::{Framework, PROFILES};
use crate::source::Span;
use crate::syntax::keywords::{Keyword, Place};

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Kind {
    Keyword,
    Category,
    Framework,
}

impl Kind {
    pub fn as_str(self) -> &'static str {
        match self {
            Kind::Keyword => "keyword",
            Kind::Category => "category",
            Kind::Framework => "framework",
        }
    }
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Item {
    pub label: String,
    pub kind: Kind,
    /// A short explanation shown beside the label (the 一级指标 of a category).
    pub detail: Option<String>,
}

/// The completions at byte `offset` of `src`: the span of the word they replace, and the items that
/// begin with what is typed of it, in the order the language lists them.
pub fn complete(src: &str, offset: usize) -> (Span, Vec<Item>) {
    let offset = src.floor_char_boundary(offset.min(src.len()));
    let before = src.get(..offset).unwrap_or("");
    let line_start = before.rfind('\n').map_or(0, |i| i + 1);
    let line = before.get(line_start..).unwrap_or("");
    let word_len: usize = line
        .chars()
        .rev()
        .take_while(|c| !c.is_whitespace() && !matches!(c, '"' | '{' | '}' | '<' | '>' | '='))
        .map(char::len_utf8)
        .sum();
    let start = offset - word_len;
    let typed = src.get(start..offset).unwrap_or("");
    let head = line.get(..line.len() - word_len).unwrap_or("").trim();
    if line
        .get(..line.len() - word_len)
        .is_some_and(|h| h.contains('"') && h.matches('"').count() % 2 == 1)
    {
        return (Span::new(start, offset), Vec::new());
    }
    let items = match head {
        "" => statement_keywords(place_at(before)),
        "indicator" => categories(src),
        "framework" => PROFILES
            .iter()
            .map(|p| Item {
                label: p.to_string(),
                kind: Kind::Framework,
                detail: None,
            })
            .collect(),
        _ => Keyword::ALL
            .iter()
            .filter(|k| !k.starts_statement())
            .map(|k| keyword(*k))
            .collect(),
    };
    let items = items
        .into_iter()
        .filter(|i| i.label.starts_with(typed))
        .collect();
    (Span::new(start, offset), items)
}

fn keyword(k: Keyword) -> Item {
    Item {
        label: k.word().to_string(),
        kind: Kind::Keyword,
        detail: None,
    }
}

/// Where the cursor is: inside a `framework { … }`, inside a direction's braces, or in the document.
fn place_at(before: &str) -> Place {
    let mut stack: Vec<bool> = Vec::new();
    for line in before.lines() {
        let code = line.split('#').next().unwrap_or("");
        let mut in_string = false;
        for c in code.chars() {
            match c {
                '"' => in_string = !in_string,
                '{' if !in_string => stack.push(code.trim_start().starts_with("framework")),
                '}' if !in_string => {
                    stack.pop();
                }
                _ => {}
            }
        }
    }
    match stack.last() {
        Some(true) => Place::Framework,
        Some(false) => Place::Direction,
        None => Place::Document,
    }
}

fn statement_keywords(place: Place) -> Vec<Item> {
    Keyword::ALL
        .iter()
        .filter(|k| k.starts().contains(&place))
        .map(|k| keyword(*k))
        .collect()
}

/// The categories of the document's framework: the lowered one when the text parses (a custom tree
/// included), else the profile its `framework` line names, else the default profile.
fn categories(src: &str) -> Vec<Item> {
    let framework = crate::compile(src)
        .declaration
        .map(|d| d.framework)
        .or_else(|| {
            src.lines()
                .find_map(|l| l.trim().strip_prefix("framework "))
                .and_then(|name| Framework::profile(name.trim()))
        })
        .or_else(|| PROFILES.first().and_then(|p| Framework::profile(p)));
    let Some(framework) = framework else {
        return Vec::new();
    };
    framework
        .slots()
        .map(|(_, tier, category)| Item {
            label: category.name.clone(),
            kind: Kind::Category,
            detail: Some(tier.name.clone()),
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    fn labels(src: &str) -> Vec<String> {
        let at = src.find('|').unwrap();
        let text = src.replace('|', "");
        complete(&text, at).1.into_iter().map(|i| i.label).collect()
    }

    #[test]
    fn statement_keywords_follow_the_place() {
        assert_eq!(labels("year 2021\ndi|"), ["direction"]);
        assert!(labels("direction \"x\" {\n  pe|").contains(&"period".to_string()));
        assert!(labels("pe|").is_empty());
        assert!(labels("framework {\n  |").contains(&"category".to_string()));
    }

    #[test]
    fn categories_come_from_the_framework_named() {
        let got = labels("framework mof-2021\nindicator |");
        assert!(got.contains(&"经济成本指标".to_string()), "{got:?}");
        let got = labels("indicator 产出|");
        assert!(got.iter().all(|l| l.starts_with("产出")) && !got.is_empty());
    }

    #[test]
    fn nothing_inside_strings_and_no_panic_anywhere() {
        assert!(labels("goal \"稳定|").is_empty());
        let src = "year 2021\n# 注释\ndirection \"信访\" { people 5 }\n";
        for i in 0..=src.len() + 2 {
            let _ = complete(src, i);
        }
    }
}
