//! `bdl serve`: the office's own web page for the declarations under one folder — the folder at a
//! glance, each declaration as its printed tables, an editor that checks as one types, the review of
//! a year's changes, and every diagnostic's page. The server is thin: every page and every answer is
//! the front door (`compile_bytes`) and the stages' own output (`emit`, `diff`, `fmt`, `batch`); this
//! module only routes, confines paths, guards writes and escapes.
//!
//! `http` is the server's view of a request; `listen` is the only code that touches sockets, so every
//! route is tested in-process through [`App::handle`].

mod api;
pub mod http;
mod listen;
mod markdown;
mod pages;
pub mod paths;
mod routes;
pub mod save;

pub use http::{Method, Request, Response};
pub use listen::{Listening, listen};

use crate::messages::{Lang, Ui};
use std::path::PathBuf;

/// How the server runs.
#[derive(Debug, Clone)]
pub struct Config {
    /// The folder served.
    pub root: PathBuf,
    /// No write of any kind: saving is refused and the editor says so.
    pub read_only: bool,
    /// The language of the pages.
    pub lang: Lang,
    /// Commit each save in the git repository around the folder.
    pub git_commit: bool,
    /// Host names accepted in the `Host` header besides the loopback ones (the name a reverse proxy
    /// forwards; the address given to `--host`). Other names are refused, so a page elsewhere cannot
    /// reach this server by pointing its own name at 127.0.0.1.
    pub allowed_hosts: Vec<String>,
    /// The diagnostic pages in Chinese, when the caller has them (the command line embeds
    /// docs/diagnostics/zh/); the explain pages use them when the pages are in Chinese.
    pub chinese_pages: Option<fn(&str) -> Option<&'static str>>,
    /// The per-run secret every write carries (in the `X-Bdl-Token` header); pages embed it.
    pub token: String,
}

/// The served folder and its settings: answers requests.
#[derive(Debug)]
pub struct App {
    root: paths::Root,
    config: Config,
}

impl App {
    pub fn new(config: Config) -> std::io::Result<App> {
        Ok(App {
            root: paths::Root::new(&config.root)?,
            config,
        })
    }

    /// The answer to one request.
    pub fn handle(&self, req: &Request) -> Response {
        routes::handle(self, req)
    }

    fn text(&self, ui: Ui) -> String {
        ui.text().get(self.config.lang).to_string()
    }
}

/// A fresh secret for this run: 128 bits from the standard library's randomly keyed hasher, mixed
/// with the time and the process id.
pub fn new_token() -> String {
    use std::hash::{BuildHasher, Hasher};
    let part = |salt: u64| {
        let mut h = std::collections::hash_map::RandomState::new().build_hasher();
        h.write_u64(salt);
        h.write_u128(
            std::time::SystemTime::now()
                .duration_since(std::time::UNIX_EPOCH)
                .map_or(0, |d| d.as_nanos()),
        );
        h.write_u32(std::process::id());
        h.finish()
    };
    format!("{:016x}{:016x}", part(1), part(2))
}
