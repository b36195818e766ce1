//! Markdown the stages print (`bdl diff`, the diagnostic pages) as HTML, safely: raw HTML in the text
//! is shown as text, and links and images are dropped (their text kept), so a hostile string in a
//! declaration is never markup in a page.

use pulldown_cmark::{Event, Options, Parser, Tag, TagEnd};

pub fn to_html(markdown: &str) -> String {
    let events = Parser::new_ext(
        markdown,
        Options::ENABLE_TABLES | Options::ENABLE_STRIKETHROUGH,
    )
    .filter_map(|e| match e {
        Event::Html(s) | Event::InlineHtml(s) => Some(Event::Text(s)),
        Event::Start(Tag::Link { .. } | Tag::Image { .. })
        | Event::End(TagEnd::Link | TagEnd::Image) => None,
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
}
