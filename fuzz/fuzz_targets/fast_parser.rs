//! The hand-written parser against pest, which defines the language: on any text, wherever the fast
//! parser answers, pest accepts the text and builds the same syntax tree.
#![no_main]

use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    let Ok(src) = std::str::from_utf8(data) else {
        return;
    };
    if let Some(tree) = bdl::syntax::fast::parse(src) {
        assert_eq!(Some(tree), bdl::syntax::parser::parse_file(src).ok());
    }
});
