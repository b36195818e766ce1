//! Markdown the stages print (`bdl diff`, the diagnostic pages) as HTML, safely: raw HTML in the text
//! is shown as text, and images and links are dropped (their text kept), so a hostile string in a
//! declaration is never markup in a page. The only links kept are those the caller maps to one of
//! the server's own pages (a diagnostic page's link to another).

use pulldown_cmark::{CowStr, Event, Options, Parser, Tag, TagEnd};

/// The HTML of `markdown` with every link dropped.
pub fn to_html(markdown: &str) -> String {
    to_html_linking(markdown, |_| None)
}

/// The HTML of `markdown`, keeping a link only when `link` maps its destination to a page of the
/// server (the caller builds that address; the text's own address is never used).
pub fn to_html_linking(markdown: &str, link: impl Fn(&str) -> Option<String>) -> String {
    // Whether each open link was kept, so its end is kept or dropped with it.
    let mut open: Vec<bool> = Vec::new();
    let events = Parser::new_ext(
        markdown,
        Options::ENABLE_TABLES | Options::ENABLE_STRIKETHROUGH,
    )
    .filter_map(|e| match e {
        Event::Html(s) | Event::InlineHtml(s) => Some(Event::Text(s)),
        Event::Start(Tag::Link {
            link_type,
            dest_url,
            title,
            id,
        }) => match link(&dest_url) {
            Some(to) => {
                open.push(true);
                Some(Event::Start(Tag::Link {
                    link_type,
                    dest_url: CowStr::from(to),
                    title,
                    id,
                }))
            }
            None => {
                open.push(false);
                None
            }
        },
        Event::End(TagEnd::Link) => open
            .pop()
            .unwrap_or(false)
            .then_some(Event::End(TagEnd::Link)),
        Event::Start(Tag::Image { .. }) | Event::End(TagEnd::Image) => None,
        other => Some(other),
    });
    let mut out = String::new();
    pulldown_cmark::html::push_html(&mut out, events);
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn raw_html_and_links_are_text() {
        let out = to_html(
            "a <script>alert(1)</script> [x](javascript:alert(1)) ![i](http://e/x.png)\n\n<img src=x onerror=alert(1)>\n",
        );
        assert!(!out.contains("<script") && !out.contains("<img") && !out.contains("<a "));
        assert!(out.contains("&lt;script&gt;") && out.contains("x"));
    }

    #[test]
    fn only_mapped_links_are_kept_with_the_mapped_address() {
        let out = to_html_linking(
            "[B1001](B1001.md) and [evil](javascript:alert(1)) and [x](http://e/)\n",
            |d| (d == "B1001.md").then(|| "/explain/B1001".to_string()),
        );
        assert!(
            out.contains("<a href=\"/explain/B1001\">B1001</a>"),
            "{out}"
        );
        assert_eq!(out.matches("<a ").count(), 1, "{out}");
        assert!(!out.contains("javascript") && out.contains("evil"));
    }
}
