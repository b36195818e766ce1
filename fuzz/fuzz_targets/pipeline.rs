//! Any bytes through the whole pipeline: decode → parse → lower → check → render diagnostics → emit,
//! and the formatter (with its self-proof) and the diff of the model with itself.
//! Nothing may panic, hang or run out of memory, whatever the input.
#![no_main]

use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    let Ok(src) = bdl::syntax::encoding::decode(data) else {
        return;
    };
    let compiled = bdl::compile(&src);
    let _ = bdl::report::render(&compiled.diagnostics, "fuzz.bdl", &src, false, bdl::messages::Lang::Zh);
    let _ = bdl::report::json(&compiled.diagnostics, "fuzz.bdl", &src, bdl::messages::Lang::En);
    if let Some(decl) = &compiled.declaration {
        // The CLI emits only error-free models; the emitters must not panic on any model all the same.
        let _ = bdl::emit::markdown::render(decl);
        let _ = bdl::emit::json::render(decl);
        let _ = bdl::emit::html::render(decl);
        // A declaration compared with itself is the same budget.
        assert!(bdl::diff::diff(decl, decl).is_same());
    }
    // The formatter either refuses (syntax errors) or proves its result; it never panics.
    let _ = bdl::fmt::format(&src);
});
