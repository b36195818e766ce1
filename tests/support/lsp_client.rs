//! A scripted editor for the language server: the server runs in a thread on an in-memory connection;
//! the client sends requests and notifications, waits for each answer, keeps the notifications the
//! server sends, and at the end checks that every request was answered and the server stopped
//! cleanly. Shared by `tests/lsp.rs` and `benches/lsp_latency.rs` through `#[path]`.

#![allow(dead_code)]

use lsp_server::{Connection, Message, Notification, Request, RequestId};
use serde_json::{Value, json};
use std::collections::BTreeSet;
use std::thread::JoinHandle;
use std::time::Duration;

pub struct Client {
    connection: Connection,
    server: Option<JoinHandle<Result<(), bdl::lsp::Error>>>,
    next_id: i32,
    unanswered: BTreeSet<i32>,
    /// Notifications from the server, oldest first, not yet taken.
    pub notifications: Vec<Notification>,
    /// What `initialize` answered.
    pub initialized: Value,
}

const WAIT: Duration = Duration::from_secs(20);

impl Client {
    /// Starts a server and initialises it with these client capabilities and options.
    pub fn start(capabilities: Value, options: Value) -> Client {
        let (server_side, client_side) = Connection::memory();
        let server = std::thread::spawn(move || bdl::lsp::run(server_side));
        let mut client = Client {
            connection: client_side,
            server: Some(server),
            next_id: 0,
            unanswered: BTreeSet::new(),
            notifications: Vec::new(),
            initialized: Value::Null,
        };
        client.initialized = client.request(
            "initialize",
            json!({ "capabilities": capabilities, "initializationOptions": options }),
        );
        client.notify("initialized", json!({}));
        client
    }

    /// A server for an editor that counts UTF-16 (the default), in English, with pages under a
    /// fixed URL.
    pub fn english() -> Client {
        Client::start(
            json!({}),
            json!({ "locale": "en", "diagnosticPages": "https://example.org/bdl/diagnostics" }),
        )
    }

    pub fn request(&mut self, method: &str, params: Value) -> Value {
        self.next_id += 1;
        let id = self.next_id;
        self.unanswered.insert(id);
        let req = Request::new(RequestId::from(id), method.to_string(), params);
        self.connection.sender.send(Message::Request(req)).unwrap();
        loop {
            let message = self
                .connection
                .receiver
                .recv_timeout(WAIT)
                .unwrap_or_else(|_| panic!("no answer to {method}"));
            match message {
                Message::Response(r) if r.id == RequestId::from(id) => {
                    self.unanswered.remove(&id);
                    return match r.response_result {
                        Ok(v) => v,
                        Err(e) => json!({ "error": { "code": e.code, "message": e.message } }),
                    };
                }
                Message::Response(r) => panic!("an answer to a request not asked: {r:?}"),
                Message::Notification(n) => self.notifications.push(n),
                Message::Request(r) => {
                    panic!("the server asked the client {}: not expected", r.method)
                }
            }
        }
    }

    pub fn notify(&mut self, method: &str, params: Value) {
        let n = Notification::new(method.to_string(), params);
        self.connection
            .sender
            .send(Message::Notification(n))
            .unwrap();
    }

    /// Waits for the next notification of this method, and takes it.
    pub fn wait_for(&mut self, method: &str) -> Value {
        if let Some(i) = self.notifications.iter().position(|n| n.method == method) {
            return self.notifications.remove(i).params;
        }
        loop {
            match self.connection.receiver.recv_timeout(WAIT) {
                Ok(Message::Notification(n)) if n.method == method => return n.params,
                Ok(Message::Notification(n)) => self.notifications.push(n),
                Ok(other) => panic!("unexpected while waiting for {method}: {other:?}"),
                Err(_) => panic!("no {method} came"),
            }
        }
    }

    pub fn open(&mut self, uri: &str, text: &str) -> Value {
        self.notify(
            "textDocument/didOpen",
            json!({ "textDocument": { "uri": uri, "languageId": "bdl", "version": 1, "text": text } }),
        );
        self.wait_for("textDocument/publishDiagnostics")
    }

    pub fn change(&mut self, uri: &str, version: i32, text: &str) -> Value {
        self.notify(
            "textDocument/didChange",
            json!({ "textDocument": { "uri": uri, "version": version }, "contentChanges": [{ "text": text }] }),
        );
        self.wait_for("textDocument/publishDiagnostics")
    }

    /// `shutdown` and `exit`; the server must stop cleanly with nothing left unanswered.
    pub fn finish(mut self) {
        let answer = self.request("shutdown", Value::Null);
        assert_eq!(answer, Value::Null);
        self.notify("exit", Value::Null);
        let result = self.server.take().unwrap().join().unwrap();
        assert!(result.is_ok(), "the server stopped with {result:?}");
        assert!(
            self.unanswered.is_empty(),
            "unanswered: {:?}",
            self.unanswered
        );
    }
}

/// A text with a cursor marker `‸`: the text without it, and the marker's line and UTF-16 column.
pub fn cursor(marked: &str) -> (String, Value) {
    let at = marked.find('‸').expect("the fixture has a cursor marker ‸");
    let before = &marked[..at];
    let line = before.matches('\n').count();
    let column: usize = before
        .rsplit('\n')
        .next()
        .unwrap_or_default()
        .chars()
        .map(char::len_utf16)
        .sum();
    (
        marked.replacen('‸', "", 1),
        json!({ "line": line, "character": column }),
    )
}
