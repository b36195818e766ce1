//! The one diagnostic type inside the compiler. It is converted to miette only at the edge (`report`).
//! Every text of a diagnostic is held in English and in Chinese (from `messages`); the edge picks one.

use crate::messages::Text;
use crate::source::Span;
use serde::Serialize;

pub use crate::codes::Code;

#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Serialize)]
#[serde(rename_all = "lowercase")]
pub enum Severity {
    Error,
    Warning,
    Note,
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Label {
    pub span: Span,
    pub text: Text,
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Diagnostic {
    pub code: Code,
    pub severity: Severity,
    pub message: Text,
    /// The primary place and what it says there.
    pub span: Span,
    pub label: Text,
    /// Other places that explain the problem (the facts a figure came from, the other declaration).
    pub labels: Vec<Label>,
    /// How to fix it, concretely.
    pub help: Option<Text>,
    /// Where in the budget (`direction "信访岗位津贴" › cost "一线信访岗位"`).
    pub path: Vec<String>,
}

impl Diagnostic {
    /// A diagnostic with the code's default severity.
    pub fn new(code: Code, message: Text, span: Span, label: Text) -> Self {
        Diagnostic {
            code,
            severity: code.severity(),
            message,
            span,
            label,
            labels: Vec::new(),
            help: None,
            path: Vec::new(),
        }
    }

    pub fn with_help(mut self, help: Text) -> Self {
        self.help = Some(help);
        self
    }

    pub fn with_label(mut self, span: Span, text: Text) -> Self {
        self.labels.push(Label { span, text });
        self
    }

    pub fn with_path(mut self, path: &[String]) -> Self {
        self.path = path.to_vec();
        self
    }

    pub fn with_severity(mut self, severity: Severity) -> Self {
        self.severity = severity;
        self
    }

    pub fn is_error(&self) -> bool {
        self.severity == Severity::Error
    }
}

/// Diagnostics in the order people read them: by place, then by code.
pub fn sort(diagnostics: &mut [Diagnostic]) {
    diagnostics.sort_by_key(|a| (a.span.start, a.code));
}
