//! The requests the server answers, each a translation of an `ide` function's plain result.

use super::convert::{self, position, range};
use super::{Server, not_open};
use crate::ide::{self, Analysis, completion, symbols::SymbolKind, tokens::TokenKind};
use lsp_server::{ErrorCode, Request};
use lsp_types as lsp;
use serde::de::DeserializeOwned;
use serde_json::Value;

type Answer = Result<Value, (ErrorCode, String)>;

/// The semantic token types, in the legend's order.
const TOKEN_TYPES: &[(TokenKind, lsp::SemanticTokenType)] = &[
    (TokenKind::Keyword, lsp::SemanticTokenType::KEYWORD),
    (TokenKind::String, lsp::SemanticTokenType::STRING),
    (TokenKind::Number, lsp::SemanticTokenType::NUMBER),
    (TokenKind::Unit, lsp::SemanticTokenType::TYPE),
    (TokenKind::Category, lsp::SemanticTokenType::ENUM_MEMBER),
    (TokenKind::Operator, lsp::SemanticTokenType::OPERATOR),
    (TokenKind::Comment, lsp::SemanticTokenType::COMMENT),
];

pub fn capabilities(enc: ide::Encoding) -> lsp::ServerCapabilities {
    lsp::ServerCapabilities {
        position_encoding: Some(convert::encoding_kind(enc)),
        text_document_sync: Some(lsp::TextDocumentSyncCapability::Kind(
            lsp::TextDocumentSyncKind::FULL,
        )),
        hover_provider: Some(lsp::HoverProviderCapability::Simple(true)),
        completion_provider: Some(lsp::CompletionOptions {
            // ASCII only: what an input method commits never opens the list.
            trigger_characters: Some(vec![" ".into(), "\"".into(), "/".into(), "<".into()]),
            ..Default::default()
        }),
        definition_provider: Some(lsp::OneOf::Left(true)),
        references_provider: Some(lsp::OneOf::Left(true)),
        document_symbol_provider: Some(lsp::OneOf::Left(true)),
        document_formatting_provider: Some(lsp::OneOf::Left(true)),
        code_action_provider: Some(lsp::CodeActionProviderCapability::Options(
            lsp::CodeActionOptions {
                code_action_kinds: Some(vec![lsp::CodeActionKind::QUICKFIX]),
                ..Default::default()
            },
        )),
        inlay_hint_provider: Some(lsp::OneOf::Left(true)),
        semantic_tokens_provider: Some(
            lsp::SemanticTokensServerCapabilities::SemanticTokensOptions(
                lsp::SemanticTokensOptions {
                    legend: lsp::SemanticTokensLegend {
                        token_types: TOKEN_TYPES.iter().map(|(_, t)| t.clone()).collect(),
                        token_modifiers: Vec::new(),
                    },
                    full: Some(lsp::SemanticTokensFullOptions::Bool(true)),
                    range: None,
                    ..Default::default()
                },
            ),
        ),
        diagnostic_provider: Some(lsp::DiagnosticServerCapabilities::Options(
            lsp::DiagnosticOptions {
                identifier: Some("bdl".to_string()),
                inter_file_dependencies: false,
                workspace_diagnostics: false,
                ..Default::default()
            },
        )),
        ..Default::default()
    }
}

fn params<P: DeserializeOwned>(req: Request) -> Result<P, (ErrorCode, String)> {
    serde_json::from_value(req.params).map_err(|e| (ErrorCode::InvalidParams, e.to_string()))
}

fn ok<T: serde::Serialize>(value: T) -> Answer {
    serde_json::to_value(value).map_err(|e| (ErrorCode::InternalError, e.to_string()))
}

pub fn request(server: &mut Server, req: Request) -> Answer {
    use lsp::request::*;
    match req.method.as_str() {
        HoverRequest::METHOD => hover(server, params(req)?),
        Completion::METHOD => complete(server, params(req)?),
        GotoDefinition::METHOD => definition(server, params(req)?),
        References::METHOD => references(server, params(req)?),
        DocumentSymbolRequest::METHOD => document_symbols(server, params(req)?),
        Formatting::METHOD => format(server, params(req)?),
        CodeActionRequest::METHOD => code_actions(server, params(req)?),
        InlayHintRequest::METHOD => inlay_hints(server, params(req)?),
        SemanticTokensFullRequest::METHOD => semantic_tokens(server, params(req)?),
        DocumentDiagnosticRequest::METHOD => pull_diagnostics(server, params(req)?),
        method => Err((
            ErrorCode::MethodNotFound,
            format!("bdl does not handle {method}"),
        )),
    }
}

fn open<'a>(server: &'a Server, uri: &lsp::Uri) -> Result<&'a Analysis, (ErrorCode, String)> {
    server.analysis(uri).ok_or_else(|| not_open(uri))
}

fn hover(server: &Server, p: lsp::HoverParams) -> Answer {
    let doc = &p.text_document_position_params;
    let a = open(server, &doc.text_document.uri)?;
    let at = convert::offset(a, doc.position, server.encoding);
    let Some(h) = ide::hover::hover(a, at, server.lang) else {
        return Ok(Value::Null);
    };
    ok(lsp::Hover {
        contents: lsp::HoverContents::Markup(lsp::MarkupContent {
            kind: lsp::MarkupKind::Markdown,
            value: h.markdown,
        }),
        range: Some(range(a, h.span, server.encoding)),
    })
}

fn complete(server: &Server, p: lsp::CompletionParams) -> Answer {
    let doc = &p.text_document_position;
    let a = open(server, &doc.text_document.uri)?;
    let at = convert::offset(a, doc.position, server.encoding);
    let options = completion::Options {
        pinyin_initials: server.settings.pinyin_initials,
        // A client's quick suggestions come as "invoked" too (VS Code): never asked for explicitly.
        explicit: false,
    };
    let items: Vec<lsp::CompletionItem> = completion::complete(a, at, options)
        .into_iter()
        .enumerate()
        .map(|(i, item)| lsp::CompletionItem {
            label: item.label,
            kind: Some(match item.kind {
                completion::ItemKind::Keyword => lsp::CompletionItemKind::KEYWORD,
                completion::ItemKind::Category => lsp::CompletionItemKind::ENUM_MEMBER,
                completion::ItemKind::Unit => lsp::CompletionItemKind::UNIT,
                completion::ItemKind::Value => lsp::CompletionItemKind::VALUE,
                completion::ItemKind::Name => lsp::CompletionItemKind::REFERENCE,
                completion::ItemKind::Operator => lsp::CompletionItemKind::OPERATOR,
            }),
            detail: item.detail.map(|d| d.get(server.lang).to_string()),
            filter_text: Some(item.filter),
            // Keep the order given: it is the framework's, or the commonest first.
            sort_text: Some(format!("{i:04}")),
            text_edit: Some(lsp::CompletionTextEdit::Edit(lsp::TextEdit::new(
                range(a, item.replace, server.encoding),
                item.insert,
            ))),
            ..Default::default()
        })
        .collect();
    ok(lsp::CompletionResponse::List(lsp::CompletionList {
        is_incomplete: false,
        items,
    }))
}

fn definition(server: &Server, p: lsp::GotoDefinitionParams) -> Answer {
    let doc = &p.text_document_position_params;
    let a = open(server, &doc.text_document.uri)?;
    let at = convert::offset(a, doc.position, server.encoding);
    match ide::navigation::definition(a, at) {
        Some(span) => ok(lsp::GotoDefinitionResponse::Scalar(lsp::Location::new(
            doc.text_document.uri.clone(),
            range(a, span, server.encoding),
        ))),
        None => Ok(Value::Null),
    }
}

fn references(server: &Server, p: lsp::ReferenceParams) -> Answer {
    let doc = &p.text_document_position;
    let a = open(server, &doc.text_document.uri)?;
    let at = convert::offset(a, doc.position, server.encoding);
    let spans = ide::navigation::references(a, at, p.context.include_declaration);
    ok(spans
        .into_iter()
        .map(|s| lsp::Location::new(doc.text_document.uri.clone(), range(a, s, server.encoding)))
        .collect::<Vec<_>>())
}

#[allow(deprecated)] // `DocumentSymbol::deprecated` must be written to build one.
fn symbol(a: &Analysis, s: ide::symbols::Symbol, enc: ide::Encoding) -> lsp::DocumentSymbol {
    lsp::DocumentSymbol {
        name: s.name,
        detail: s.detail,
        kind: match s.kind {
            SymbolKind::Group => lsp::SymbolKind::NAMESPACE,
            SymbolKind::Fact => lsp::SymbolKind::PROPERTY,
            SymbolKind::Line => lsp::SymbolKind::FIELD,
            SymbolKind::Direction => lsp::SymbolKind::MODULE,
            SymbolKind::Project => lsp::SymbolKind::PACKAGE,
            SymbolKind::Cost => lsp::SymbolKind::NUMBER,
            SymbolKind::Indicator => lsp::SymbolKind::ENUM_MEMBER,
            SymbolKind::Task => lsp::SymbolKind::EVENT,
            SymbolKind::YearEnd => lsp::SymbolKind::CONSTANT,
        },
        tags: None,
        deprecated: None,
        range: range(a, s.span, enc),
        selection_range: range(a, s.selection, enc),
        children: Some(s.children.into_iter().map(|c| symbol(a, c, enc)).collect()),
    }
}

fn document_symbols(server: &Server, p: lsp::DocumentSymbolParams) -> Answer {
    let a = open(server, &p.text_document.uri)?;
    let symbols: Vec<lsp::DocumentSymbol> = ide::symbols::symbols(a, server.lang)
        .into_iter()
        .map(|s| symbol(a, s, server.encoding))
        .collect();
    ok(lsp::DocumentSymbolResponse::Nested(symbols))
}

fn format(server: &Server, p: lsp::DocumentFormattingParams) -> Answer {
    let a = open(server, &p.text_document.uri)?;
    match ide::format::format(&a.src) {
        Ok(edits) => ok(edits
            .iter()
            .map(|e| convert::edit(a, e, server.encoding))
            .collect::<Vec<_>>()),
        // Refused, and said why: the file does not parse (or, a bug, the result is unproven).
        Err(diagnostics) => {
            let errors = diagnostics.iter().filter(|d| d.is_error()).count();
            let message = crate::messages::format_refused(errors);
            let _ = server.notify::<lsp::notification::ShowMessage>(lsp::ShowMessageParams {
                typ: lsp::MessageType::WARNING,
                message: message.get(server.lang).to_string(),
            });
            Ok(Value::Null)
        }
    }
}

fn code_actions(server: &Server, p: lsp::CodeActionParams) -> Answer {
    let uri = &p.text_document.uri;
    let a = open(server, uri)?;
    let span = convert::span(a, p.range, server.encoding);
    let actions: Vec<lsp::CodeActionOrCommand> = ide::actions::fixes(a, span)
        .into_iter()
        .map(|f| {
            let diagnostics = a.diagnostics.get(f.diagnostic).map(|d| {
                vec![convert::diagnostic(
                    a,
                    uri,
                    d,
                    server.encoding,
                    server.lang,
                    server.settings.page(d.code),
                )]
            });
            let edits = f
                .edits
                .iter()
                .map(|e| convert::edit(a, e, server.encoding))
                .collect();
            lsp::CodeActionOrCommand::CodeAction(lsp::CodeAction {
                title: f.title.get(server.lang).to_string(),
                kind: Some(lsp::CodeActionKind::QUICKFIX),
                diagnostics,
                edit: Some(lsp::WorkspaceEdit {
                    changes: Some([(uri.clone(), edits)].into_iter().collect()),
                    ..Default::default()
                }),
                is_preferred: Some(f.preferred),
                ..Default::default()
            })
        })
        .collect();
    ok(actions)
}

fn inlay_hints(server: &Server, p: lsp::InlayHintParams) -> Answer {
    let a = open(server, &p.text_document.uri)?;
    let span = convert::span(a, p.range, server.encoding);
    let hints: Vec<lsp::InlayHint> = ide::inlay::hints(a)
        .into_iter()
        .filter(|h| span.start <= h.offset && h.offset <= span.end)
        .map(|h| lsp::InlayHint {
            position: position(a, h.offset, server.encoding),
            label: lsp::InlayHintLabel::String(h.label),
            kind: None,
            text_edits: None,
            tooltip: h
                .how
                .map(|t| lsp::InlayHintTooltip::String(t.get(server.lang).to_string())),
            padding_left: Some(true),
            padding_right: None,
            data: None,
        })
        .collect();
    ok(hints)
}

fn semantic_tokens(server: &Server, p: lsp::SemanticTokensParams) -> Answer {
    let a = open(server, &p.text_document.uri)?;
    let mut data = Vec::new();
    let (mut line, mut column) = (0u32, 0u32);
    for t in ide::tokens::tokens(a) {
        let r = range(a, t.span, server.encoding);
        if r.start.line != r.end.line {
            continue;
        }
        let Some(kind) = TOKEN_TYPES.iter().position(|(k, _)| *k == t.kind) else {
            continue;
        };
        let delta_line = r.start.line - line;
        let delta_start = if delta_line == 0 {
            r.start.character - column
        } else {
            r.start.character
        };
        data.push(lsp::SemanticToken {
            delta_line,
            delta_start,
            length: r.end.character - r.start.character,
            token_type: u32::try_from(kind).unwrap_or(0),
            token_modifiers_bitset: 0,
        });
        line = r.start.line;
        column = r.start.character;
    }
    ok(lsp::SemanticTokensResult::Tokens(lsp::SemanticTokens {
        result_id: None,
        data,
    }))
}

fn pull_diagnostics(server: &Server, p: lsp::DocumentDiagnosticParams) -> Answer {
    open(server, &p.text_document.uri)?;
    ok(lsp::DocumentDiagnosticReportResult::Report(
        lsp::DocumentDiagnosticReport::Full(lsp::RelatedFullDocumentDiagnosticReport {
            related_documents: None,
            full_document_diagnostic_report: lsp::FullDocumentDiagnosticReport {
                result_id: None,
                items: server.diagnostics(&p.text_document.uri),
            },
        }),
    ))
}
