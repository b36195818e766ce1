//! Outputs cannot carry live markup (issue 10, point 7): every text field of a declaration filled with
//! Markdown and HTML that would render live, the tables rendered by two real renderers — comrak (GitHub
//! Flavored Markdown with autolinks, as GitHub shows a file) and pulldown-cmark — and nothing in the
//! result may be an element beyond the table's own. `diff` uses the same escaper.

// Tests, benches and examples may unwrap, panic and index: a failure there is a failed check, not a crash.
#![allow(
    clippy::unwrap_used,
    clippy::expect_used,
    clippy::panic,
    clippy::indexing_slicing,
    clippy::string_slice
)]

use pulldown_cmark::{Event, Options, Parser, Tag};

/// Everything the issue found rendering live, and the other ways to make markup from text.
const PAYLOAD: &str = "**b** _e_ `c` ~~s~~ [l](http://x) ![i](http://x/px.png) [x](javascript:alert(1)) \
<b>h</b> <script>alert(1)</script> &amp; &#60; \\* # | www.example.com a@b.co http://x.y/z <http://x> \
[r][1] ^[n] [^f]";

/// A leading marker matters only at the start of a text: a list, a quote, a heading underline.
const LEADING: &[&str] = &["+ ", "- ", "= ", "> ", "1. ", "# "];

/// The seed with every text in quotes prefixed by a payload, the same for the same text, so names and
/// the references to them still agree.
fn hostile_seed() -> String {
    let seed = std::fs::read_to_string("examples/shifeng-xinfang-2021.bdl").unwrap();
    let mut out = String::new();
    for line in seed.lines() {
        let mut parts = line.split('"');
        let mut rebuilt = parts.next().unwrap_or("").to_string();
        let mut inside = true;
        for part in parts {
            if inside && !rebuilt.trim_start().starts_with('#') && !part.is_empty() {
                let lead = LEADING[part.chars().count() % LEADING.len()];
                let escaped = PAYLOAD.replace('\\', "\\\\");
                rebuilt.push('"');
                rebuilt.push_str(&format!("{lead}{escaped} {part}"));
            } else {
                rebuilt.push('"');
                rebuilt.push_str(part);
            }
            inside = !inside;
        }
        out.push_str(&rebuilt);
        out.push('\n');
    }
    out
}

/// The tables' count in the layout, and the Markdown of the hostile declaration.
fn hostile_markdown() -> (usize, String) {
    let src = hostile_seed();
    let compiled = bdl::compile(&src);
    let errors: Vec<_> = compiled
        .diagnostics
        .iter()
        .filter(|d| d.is_error())
        .cloned()
        .collect();
    assert!(
        errors.is_empty(),
        "{}",
        bdl::report::render(&errors, "seed", &src, false, bdl::messages::Lang::En)
    );
    let decl = compiled.declaration.as_ref().unwrap();
    let md = bdl::emit::markdown::render(decl);
    assert!(md.contains("javascript"), "the payload reached the tables");
    (bdl::emit::layout::tables(decl).len(), md)
}

#[test]
fn pulldown_cmark_finds_only_tables_headings_and_text() {
    let (count, md) = hostile_markdown();
    let mut options = Options::empty();
    options.insert(Options::ENABLE_TABLES);
    options.insert(Options::ENABLE_STRIKETHROUGH);
    options.insert(Options::ENABLE_FOOTNOTES);
    options.insert(Options::ENABLE_TASKLISTS);
    options.insert(Options::ENABLE_SUPERSCRIPT);
    options.insert(Options::ENABLE_SUBSCRIPT);
    let mut tables = 0;
    for event in Parser::new_ext(&md, options) {
        match event {
            Event::Start(Tag::Table(_)) => tables += 1,
            Event::Start(
                Tag::TableHead
                | Tag::TableRow
                | Tag::TableCell
                | Tag::Heading { .. }
                | Tag::Paragraph,
            )
            | Event::End(_)
            | Event::Text(_)
            | Event::SoftBreak => {}
            // A line break inside a cell is the one piece of HTML bdl writes.
            Event::InlineHtml(h) | Event::Html(h) if &*h == "<br>" => {}
            other => panic!("live markup from declaration text: {other:?}"),
        }
    }
    assert_eq!(tables, count, "every table, each whole");
}

#[test]
fn github_flavoured_markdown_renders_no_element_beyond_the_tables() {
    let (count, md) = hostile_markdown();
    let mut options = comrak::Options::default();
    options.extension.table = true;
    options.extension.strikethrough = true;
    options.extension.autolink = true;
    options.extension.tasklist = true;
    options.extension.footnotes = true;
    options.extension.superscript = true;
    options.render.r#unsafe = true;
    let html = comrak::markdown_to_html(&md, &options);
    let allowed = ["table", "thead", "tbody", "tr", "th", "td", "h2", "p", "br"];
    let mut rest = html.as_str();
    while let Some(at) = rest.find('<') {
        rest = &rest[at + 1..];
        let name: String = rest
            .trim_start_matches('/')
            .chars()
            .take_while(|c| c.is_ascii_alphanumeric())
            .collect();
        assert!(
            allowed.contains(&name.as_str()),
            "element <{name}> in the rendered tables: …{}…",
            &rest[..rest.len().min(80)]
        );
    }
    assert_eq!(html.matches("<table").count(), count);
    // The payload is there, as text.
    assert!(html.contains("**b**") && html.contains("javascript:alert(1)"));
}

#[test]
fn diff_and_build_share_one_escaper() {
    for text in [PAYLOAD, "+ a", "- a", "= a", "www.x.cn"] {
        assert_eq!(
            bdl::diff::markdown::escape(text),
            bdl::emit::markdown::escape(text)
        );
    }
}
