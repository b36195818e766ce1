//! lsp: the language server (`bdl lsp`). A thin mapping between the protocol and `ide`: the server
//! keeps each open document's text and its [`Analysis`](crate::ide::Analysis), redone on every change
//! (a declaration compiles in microseconds to milliseconds), and answers every request in order on
//! one thread.

mod convert;
mod handlers;
mod pages;
mod settings;
pub mod transport;

pub use settings::Settings;

use crate::ide::{self, Analysis, Encoding};
use crate::messages::Lang;
use lsp_server::{Connection, ErrorCode, Message, Notification, Request, Response};
use lsp_types as lsp;
use lsp_types::notification::Notification as _;
use std::collections::HashMap;

/// Why the server stopped other than by `shutdown` and `exit`.
#[derive(Debug, thiserror::Error)]
pub enum Error {
    #[error("protocol error: {0}")]
    Protocol(#[from] lsp_server::ProtocolError),
    #[error("the client went away")]
    Disconnected,
    #[error("malformed initialize parameters: {0}")]
    Initialize(#[from] serde_json::Error),
}

/// The state of a running server.
pub(crate) struct Server {
    connection: Connection,
    encoding: Encoding,
    lang: Lang,
    settings: Settings,
    /// Whether the client pulls diagnostics (`textDocument/diagnostic`); otherwise they are pushed.
    pulls_diagnostics: bool,
    /// Each open document's analysis, by URI.
    documents: HashMap<String, Analysis>,
}

/// Runs a server on `connection` until the client shuts it down: initialisation, then every message
/// in order.
pub fn run(connection: Connection) -> Result<(), Error> {
    let (id, params) = connection.initialize_start()?;
    let params: lsp::InitializeParams = serde_json::from_value(params)?;
    let settings = Settings::from_initialize(&params);
    let encoding = convert::negotiate(
        params
            .capabilities
            .general
            .as_ref()
            .and_then(|g| g.position_encodings.as_deref()),
    );
    let pulls_diagnostics = params
        .capabilities
        .text_document
        .as_ref()
        .is_some_and(|t| t.diagnostic.is_some());
    let result = lsp::InitializeResult {
        capabilities: handlers::capabilities(encoding),
        server_info: Some(lsp::ServerInfo {
            name: "bdl".to_string(),
            version: Some(env!("CARGO_PKG_VERSION").to_string()),
        }),
    };
    connection.initialize_finish(id, serde_json::to_value(result)?)?;
    let mut server = Server {
        lang: settings.lang,
        connection,
        encoding,
        settings,
        pulls_diagnostics,
        documents: HashMap::new(),
    };
    server.main_loop()
}

impl Server {
    fn main_loop(&mut self) -> Result<(), Error> {
        while let Ok(message) = self.connection.receiver.recv() {
            match message {
                Message::Request(req) => {
                    if self.connection.handle_shutdown(&req)? {
                        return Ok(());
                    }
                    let response = self.request(req);
                    self.send(response.into())?;
                }
                Message::Notification(n) => {
                    if n.method == lsp::notification::Exit::METHOD {
                        return Ok(());
                    }
                    self.notification(n)?;
                }
                Message::Response(_) => {}
            }
        }
        Err(Error::Disconnected)
    }

    fn send(&self, message: Message) -> Result<(), Error> {
        self.connection
            .sender
            .send(message)
            .map_err(|_| Error::Disconnected)
    }

    fn notify<N: lsp::notification::Notification>(&self, params: N::Params) -> Result<(), Error> {
        self.send(Notification::new(N::METHOD.to_string(), params).into())
    }

    fn request(&mut self, req: Request) -> Response {
        let id = req.id.clone();
        match handlers::request(self, req) {
            Ok(value) => Response::new_ok(id, value),
            Err((code, message)) => Response::new_err(id, code as i32, message),
        }
    }

    fn notification(&mut self, n: Notification) -> Result<(), Error> {
        use lsp::notification::{DidChangeTextDocument, DidCloseTextDocument, DidOpenTextDocument};
        match n.method.as_str() {
            DidOpenTextDocument::METHOD => {
                let Ok(p) = serde_json::from_value::<lsp::DidOpenTextDocumentParams>(n.params)
                else {
                    return Ok(());
                };
                let doc = p.text_document;
                self.update(doc.uri, doc.version, &doc.text)
            }
            DidChangeTextDocument::METHOD => {
                let Ok(p) = serde_json::from_value::<lsp::DidChangeTextDocumentParams>(n.params)
                else {
                    return Ok(());
                };
                // Full synchronisation: the last change holds the whole text.
                let Some(change) = p.content_changes.into_iter().last() else {
                    return Ok(());
                };
                self.update(p.text_document.uri, p.text_document.version, &change.text)
            }
            DidCloseTextDocument::METHOD => {
                let Ok(p) = serde_json::from_value::<lsp::DidCloseTextDocumentParams>(n.params)
                else {
                    return Ok(());
                };
                self.documents.remove(p.text_document.uri.as_str());
                if self.pulls_diagnostics {
                    return Ok(());
                }
                self.notify::<lsp::notification::PublishDiagnostics>(
                    lsp::PublishDiagnosticsParams::new(p.text_document.uri, Vec::new(), None),
                )
            }
            _ => Ok(()),
        }
    }

    /// Analyses a document's new text and, unless the client pulls them, publishes its diagnostics.
    pub(crate) fn update(&mut self, uri: lsp::Uri, version: i32, text: &str) -> Result<(), Error> {
        let analysis = ide::analyse(text);
        self.documents.insert(uri.as_str().to_string(), analysis);
        if self.pulls_diagnostics {
            return Ok(());
        }
        let diagnostics = self.diagnostics(&uri);
        self.notify::<lsp::notification::PublishDiagnostics>(lsp::PublishDiagnosticsParams::new(
            uri,
            diagnostics,
            Some(version),
        ))
    }

    fn analysis(&self, uri: &lsp::Uri) -> Option<&Analysis> {
        self.documents.get(uri.as_str())
    }

    /// The diagnostics of an open document, as the protocol wants them.
    pub(crate) fn diagnostics(&self, uri: &lsp::Uri) -> Vec<lsp::Diagnostic> {
        let Some(a) = self.analysis(uri) else {
            return Vec::new();
        };
        a.diagnostics
            .iter()
            .map(|d| {
                convert::diagnostic(
                    a,
                    uri,
                    d,
                    self.encoding,
                    self.lang,
                    self.settings.page(d.code),
                )
            })
            .collect()
    }
}

/// The error a request gets when its document is not open.
pub(crate) fn not_open(uri: &lsp::Uri) -> (ErrorCode, String) {
    (
        ErrorCode::InvalidParams,
        format!("{} is not open", uri.as_str()),
    )
}
