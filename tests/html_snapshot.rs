//! The HTML page for the example, reviewed in git; and declaration text never becomes markup.

// Tests, benches and examples may unwrap, panic and index: a failure there is a failed check, not a crash.
#![allow(
    clippy::unwrap_used,
    clippy::expect_used,
    clippy::panic,
    clippy::indexing_slicing,
    clippy::string_slice
)]

use bdl::emit::html;

const EXAMPLE: &str = "examples/shifeng-xinfang-2021.bdl";

fn page(src: &str) -> String {
    let compiled = bdl::compile(src);
    assert!(!compiled.has_errors(), "{:?}", compiled.diagnostics);
    html::render(&compiled.declaration.expect("a declaration"))
}

#[test]
fn example_page() {
    let src = std::fs::read_to_string(EXAMPLE).expect("the example");
    insta::assert_snapshot!(page(&src));
}

#[test]
fn page_is_self_contained() {
    let src = std::fs::read_to_string(EXAMPLE).expect("the example");
    let page = page(&src);
    for needle in [
        "<script", "<link", "src=", "url(", "@import", "http:", "https:",
    ] {
        assert!(!page.contains(needle), "the page holds no {needle}");
    }
    // Checker warnings (the example has two) are not printed on the tables.
    assert!(!page.contains("B5001") && !page.contains("worded differently"));
}

#[test]
fn declaration_text_is_escaped() {
    let src = std::fs::read_to_string(EXAMPLE)
        .expect("the example")
        .replace("\"信访局本级\"", "\"<script>alert(1)</script>\"")
        .replace("\"区信访局\"", "\"<img src=x onerror=alert(2)> & 'q'\"");
    let page = page(&src);
    assert!(!page.contains("<script") && !page.contains("<img"));
    assert!(page.contains("&lt;script&gt;alert(1)&lt;/script&gt;"));
    assert!(page.contains("&lt;img src=x onerror=alert(2)&gt; &amp; &#39;q&#39;"));
}
