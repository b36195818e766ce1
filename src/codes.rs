//! Diagnostic codes. A code is defined once, next to the code that raises it, with the `rules!` macro:
//! its code (`B3001`), default severity, title in English and in Chinese, and its page
//! (`docs/diagnostics/CODE.md`, embedded for `bdl explain`). `registry` lists them all. Codes are
//! stable: B1xxx syntax, B2xxx names and structure, B3xxx money, B4xxx indicators, B5xxx texts and
//! periods, B9xxx internal errors.

use crate::diagnostic::Severity;
use crate::messages::Lang;
use std::cmp::Ordering;
use std::hash::{Hash, Hasher};

/// Everything about one diagnostic code.
#[derive(Debug)]
pub struct Rule {
    pub code: &'static str,
    pub severity: Severity,
    pub title: &'static str,
    pub title_zh: &'static str,
    /// The page in Markdown (`docs/diagnostics/CODE.md`).
    pub page: &'static str,
}

/// A diagnostic code: a handle on its [`Rule`]. Codes compare, sort and hash by their text.
#[derive(Clone, Copy)]
pub struct Code(&'static Rule);

impl Code {
    pub const fn new(rule: &'static Rule) -> Code {
        Code(rule)
    }

    pub fn as_str(self) -> &'static str {
        self.0.code
    }

    pub fn severity(self) -> Severity {
        self.0.severity
    }

    /// The one-line title in English (the page's heading).
    pub fn title(self) -> &'static str {
        self.0.title
    }

    pub fn title_in(self, lang: Lang) -> &'static str {
        match lang {
            Lang::En => self.0.title,
            Lang::Zh => self.0.title_zh,
        }
    }

    /// The code's documentation page, in Markdown.
    pub fn page(self) -> &'static str {
        self.0.page
    }
}

impl PartialEq for Code {
    fn eq(&self, other: &Code) -> bool {
        self.0.code == other.0.code
    }
}

impl Eq for Code {}

impl Hash for Code {
    fn hash<H: Hasher>(&self, state: &mut H) {
        self.0.code.hash(state);
    }
}

impl PartialOrd for Code {
    fn partial_cmp(&self, other: &Code) -> Option<Ordering> {
        Some(self.cmp(other))
    }
}

impl Ord for Code {
    fn cmp(&self, other: &Code) -> Ordering {
        self.0.code.cmp(other.0.code)
    }
}

impl std::fmt::Debug for Code {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(self.0.code)
    }
}

/// Defines the codes a module raises, each as a constant, and `RULES`, the module's list for the
/// registry:
///
/// ```ignore
/// crate::codes::rules! {
///     LINE_SUM_MISMATCH = "B3001", Error, "a line differs from the sum of its parts", "某项金额与其组成部分之和不符";
/// }
/// ```
macro_rules! rules {
    ($( $name:ident = $code:literal, $severity:ident, $title:literal, $title_zh:literal; )*) => {
        $(
            pub const $name: $crate::codes::Code = $crate::codes::Code::new(&$crate::codes::Rule {
                code: $code,
                severity: $crate::diagnostic::Severity::$severity,
                title: $title,
                title_zh: $title_zh,
                page: include_str!(concat!(env!("CARGO_MANIFEST_DIR"), "/docs/diagnostics/", $code, ".md")),
            });
        )*
        /// The codes this module raises.
        pub const RULES: &[$crate::codes::Code] = &[$($name),*];
    };
}
pub(crate) use rules;
