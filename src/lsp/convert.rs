//! Between `ide`'s byte spans and plain types and the protocol's positions and types, in the
//! encoding agreed at initialisation.

use crate::diagnostic::{Diagnostic, Severity};
use crate::ide::{self, Analysis, Encoding};
use crate::messages::{self as msg, Lang};
use crate::source::Span;
use lsp_types as lsp;

pub fn position(a: &Analysis, offset: usize, enc: Encoding) -> lsp::Position {
    let p = a.index.position(&a.src, offset, enc);
    lsp::Position::new(saturate(p.line), saturate(p.column))
}

pub fn range(a: &Analysis, span: Span, enc: Encoding) -> lsp::Range {
    lsp::Range::new(position(a, span.start, enc), position(a, span.end, enc))
}

pub fn offset(a: &Analysis, p: lsp::Position, enc: Encoding) -> usize {
    a.index.offset(
        &a.src,
        ide::Position {
            line: p.line as usize,
            column: p.character as usize,
        },
        enc,
    )
}

pub fn span(a: &Analysis, r: lsp::Range, enc: Encoding) -> Span {
    let (x, y) = (offset(a, r.start, enc), offset(a, r.end, enc));
    Span::new(x.min(y), x.max(y))
}

fn saturate(n: usize) -> u32 {
    u32::try_from(n).unwrap_or(u32::MAX)
}

pub fn encoding_kind(enc: Encoding) -> lsp::PositionEncodingKind {
    match enc {
        Encoding::Utf8 => lsp::PositionEncodingKind::UTF8,
        Encoding::Utf16 => lsp::PositionEncodingKind::UTF16,
        Encoding::Utf32 => lsp::PositionEncodingKind::UTF32,
    }
}

/// The client's first preference among the encodings it offers (all three are supported); UTF-16
/// when it offers none, as the protocol says.
pub fn negotiate(offered: Option<&[lsp::PositionEncodingKind]>) -> Encoding {
    offered
        .unwrap_or_default()
        .iter()
        .find_map(|k| match k.as_str() {
            "utf-8" => Some(Encoding::Utf8),
            "utf-16" => Some(Encoding::Utf16),
            "utf-32" => Some(Encoding::Utf32),
            _ => None,
        })
        .unwrap_or_default()
}

/// A diagnostic as `bdl check` reports it: code with its page, severity, message and help in `lang`,
/// the other places it names as related information.
pub fn diagnostic(
    a: &Analysis,
    uri: &lsp::Uri,
    d: &Diagnostic,
    enc: Encoding,
    lang: Lang,
    page: Option<lsp::Uri>,
) -> lsp::Diagnostic {
    let mut message = d.message.get(lang).to_string();
    if let Some(help) = &d.help {
        message.push('\n');
        message.push_str(msg::help_heading().get(lang));
        message.push_str(help.get(lang));
    }
    if !d.path.is_empty() {
        message.push('\n');
        message.push_str(msg::breadcrumb(&d.path).get(lang));
    }
    let related: Vec<lsp::DiagnosticRelatedInformation> = d
        .labels
        .iter()
        .map(|l| lsp::DiagnosticRelatedInformation {
            location: lsp::Location::new(uri.clone(), range(a, l.span, enc)),
            message: l.text.get(lang).to_string(),
        })
        .collect();
    lsp::Diagnostic {
        range: range(a, d.span, enc),
        severity: Some(match d.severity {
            Severity::Error => lsp::DiagnosticSeverity::ERROR,
            Severity::Warning => lsp::DiagnosticSeverity::WARNING,
            Severity::Note => lsp::DiagnosticSeverity::INFORMATION,
        }),
        code: Some(lsp::NumberOrString::String(d.code.as_str().to_string())),
        code_description: page.map(|href| lsp::CodeDescription { href }),
        source: Some("bdl".to_string()),
        message,
        related_information: (!related.is_empty()).then_some(related),
        tags: None,
        data: None,
    }
}

pub fn edit(a: &Analysis, e: &ide::Edit, enc: Encoding) -> lsp::TextEdit {
    lsp::TextEdit::new(range(a, e.span, enc), e.text.clone())
}
