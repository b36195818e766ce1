//! Which page or answer a request gets, and the guards in front of them: the host name, the method,
//! and for every request that changes or computes anything (`POST`) the same-origin check and the
//! run's token.

use super::http::{Method, Request, Response};
use super::paths::Refused;
use super::{App, Ui, api, pages};
use std::path::PathBuf;

pub fn handle(app: &App, req: &Request) -> Response {
    let mut response = for_path(&req.path, guarded(app, req));
    if req.method == Method::Head {
        response.body.clear();
    }
    response
}

fn guarded(app: &App, req: &Request) -> Response {
    if !host_allowed(app, req) {
        return refusal(app, 403, Ui::HostRefused);
    }
    let path = req.path.as_str();
    match req.method {
        Method::Get | Method::Head => {}
        Method::Post if path.starts_with("/api/") => {
            if !same_origin(app, req) {
                return refusal(app, 403, Ui::OriginRefused);
            }
        }
        _ => return refusal(app, 405, Ui::MethodRefused).with_header("Allow", "GET, HEAD"),
    }
    route(app, req, path)
}

/// A refusal of an API request (`/api/…`) as JSON, `{"error": message}`, which the editor's script
/// shows; elsewhere the page. The status and the other headers (`Allow`) stay.
pub fn for_path(path: &str, response: Response) -> Response {
    match &response.refusal {
        Some(message) if path.starts_with("/api/") => {
            let json = Response::json(response.status, &serde_json::json!({ "error": message }));
            let extra: Vec<(String, String)> = response
                .headers
                .iter()
                .filter(|(k, _)| json.header(k).is_none())
                .cloned()
                .collect();
            let mut json = json;
            json.headers.extend(extra);
            json
        }
        _ => response,
    }
}

fn route(app: &App, req: &Request, path: &str) -> Response {
    let post = req.method == Method::Post;
    if path == "/" && !post {
        return pages::folder::page(app);
    }
    if let Some(rest) = path.strip_prefix("/view/").filter(|_| !post) {
        return with_file(app, rest, |file| pages::declaration::page(app, rest, &file));
    }
    if let Some(rest) = path.strip_prefix("/edit/").filter(|_| !post) {
        return with_file(app, rest, |file| pages::editor::page(app, rest, &file));
    }
    if let Some(rest) = path.strip_prefix("/tables/").filter(|_| !post) {
        return with_file(app, rest, |file| {
            pages::declaration::tables(app, rest, &file)
        });
    }
    if let Some(rest) = path.strip_prefix("/download/").filter(|_| !post) {
        return with_file(app, rest, |file| {
            pages::declaration::download(app, rest, &file, req.query("format").unwrap_or("md"))
        });
    }
    if path == "/review" && !post {
        return pages::review::page(app, req);
    }
    if path == "/explain" && !post {
        return pages::explain::list(app);
    }
    if let Some(code) = path.strip_prefix("/explain/").filter(|_| !post) {
        return pages::explain::page(app, code, req.query("lang"));
    }
    if let Some(name) = path.strip_prefix("/assets/").filter(|_| !post) {
        return pages::assets::get(app, name);
    }
    if let Some(rest) = path.strip_prefix("/api/source/").filter(|_| !post) {
        return with_file(app, rest, |file| api::source(app, &file));
    }
    match (path, post) {
        ("/api/check", true) => api::check(app, req),
        ("/api/complete", true) => api::complete(app, req),
        ("/api/format", true) => api::format(app, req),
        ("/api/save", true) => api::save(app, req),
        _ => refusal(app, 404, Ui::NotFound),
    }
}

/// Runs `f` on the file a request names, or refuses: 403 for a path out of the folder, 404 for none.
pub fn with_file(app: &App, relative: &str, f: impl FnOnce(PathBuf) -> Response) -> Response {
    match app.root.resolve(relative) {
        Ok(file) => f(file),
        Err(Refused::NotFound) => refusal(app, 404, Ui::NotFound),
        Err(Refused::NotInside | Refused::LinkOut) => refusal(app, 403, Ui::PathRefused),
    }
}

/// A refusal as a short page (JSON for the API, by [`for_path`]), in the server's language.
pub fn refusal(app: &App, status: u16, why: Ui) -> Response {
    pages::layout::error(app, status, &app.text(why))
}

/// The host name of the request (the `Host` header without its port).
fn host_name(host: &str) -> &str {
    if let Some(rest) = host.strip_prefix('[') {
        return rest.split(']').next().unwrap_or(rest);
    }
    host.rsplit_once(':').map_or(host, |(h, _)| h)
}

/// Loopback names, the `--host` address and `--allow-host` names; anything else may be a page
/// elsewhere that pointed its own name at this machine.
fn host_allowed(app: &App, req: &Request) -> bool {
    let Some(host) = req.header("host") else {
        return false;
    };
    let name = host_name(host).to_ascii_lowercase();
    ["127.0.0.1", "localhost", "::1"].contains(&name.as_str())
        || app
            .config
            .allowed_hosts
            .iter()
            .any(|h| h.eq_ignore_ascii_case(&name))
}

/// A write (or any `POST`) must come from this server's own page: it carries the run's token, and the
/// browser's `Origin` (when sent) is this host, and `Sec-Fetch-Site` (when sent) says same-origin.
fn same_origin(app: &App, req: &Request) -> bool {
    if req.header("x-bdl-token") != Some(app.config.token.as_str()) {
        return false;
    }
    if let Some(site) = req.header("sec-fetch-site")
        && !matches!(site, "same-origin" | "none")
    {
        return false;
    }
    match (req.header("origin"), req.header("host")) {
        (None, _) => true,
        (Some(origin), Some(host)) => {
            let origin = origin
                .strip_prefix("http://")
                .or_else(|| origin.strip_prefix("https://"));
            origin.is_some_and(|o| o.eq_ignore_ascii_case(host))
        }
        (Some(_), None) => false,
    }
}
