//! Formatting is `bdl fmt`: the whole text in its canonical, proven form, refused while the text has
//! syntax errors (a half-read file cannot be formatted safely).

use super::Edit;
use crate::diagnostic::Diagnostic;
use crate::fmt;
use crate::source::Span;

/// The edits that format `src` (none when it is formatted already), or the diagnostics that say why
/// it is not formatted.
pub fn format(src: &str) -> Result<Vec<Edit>, Vec<Diagnostic>> {
    let out = fmt::format(src).map_err(|e| e.diagnostics())?;
    if out == src {
        return Ok(Vec::new());
    }
    // The smallest replacement: the common beginning and end are kept (cursor and folds stay put).
    let prefix = common_prefix(src, &out);
    let suffix = common_suffix(
        src.get(prefix..).unwrap_or_default(),
        out.get(prefix..).unwrap_or_default(),
    );
    let end = src.len() - suffix;
    Ok(vec![Edit {
        span: Span::new(prefix, end),
        text: out
            .get(prefix..out.len() - suffix)
            .unwrap_or_default()
            .to_string(),
    }])
}

fn common_prefix(a: &str, b: &str) -> usize {
    a.char_indices()
        .zip(b.chars())
        .find(|((_, x), y)| x != y)
        .map_or(a.len().min(b.len()), |((i, _), _)| i)
}

fn common_suffix(a: &str, b: &str) -> usize {
    a.chars()
        .rev()
        .zip(b.chars().rev())
        .take_while(|(x, y)| x == y)
        .map(|(x, _)| x.len_utf8())
        .sum()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_edit_turns_the_text_into_the_formatted_one() {
        let src = "year 2021\nunit   万元\nfiler \"石峰区\"\n";
        let edits = format(src).unwrap();
        let mut out = src.to_string();
        for e in edits.iter().rev() {
            out.replace_range(e.span.start..e.span.end, &e.text);
        }
        assert_eq!(out, fmt::format(src).unwrap());
        assert!(format("year 2021\nfiler \"x\n").is_err());
    }
}
