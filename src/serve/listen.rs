//! The socket side: a small synchronous HTTP server (tiny_http) with a few threads, each taking
//! requests, converting them to [`Request`], asking [`App::handle`] and sending the [`Response`] back.

use super::http::{MAX_BODY, Method, Request, Response};
use super::{App, Ui};
use std::io::Read;
use std::sync::Arc;

/// Threads answering requests: one slow page (a large folder) does not hold up the editor.
const WORKERS: usize = 4;

/// A server that is listening.
pub struct Listening {
    pub url: String,
    server: Arc<tiny_http::Server>,
    app: Arc<App>,
}

/// Binds `addr` (`127.0.0.1:8421`; port 0 picks a free one).
pub fn listen(app: App, addr: &str) -> Result<Listening, String> {
    let server = tiny_http::Server::http(addr).map_err(|e| e.to_string())?;
    let url = match server.server_addr().to_ip() {
        Some(a) => format!("http://{a}/"),
        None => format!("http://{addr}/"),
    };
    Ok(Listening {
        url,
        server: Arc::new(server),
        app: Arc::new(app),
    })
}

impl Listening {
    /// Answers requests until the process ends.
    pub fn serve(self) {
        let workers: Vec<_> = (0..WORKERS)
            .map(|_| {
                let server = Arc::clone(&self.server);
                let app = Arc::clone(&self.app);
                std::thread::spawn(move || {
                    while let Ok(request) = server.recv() {
                        answer(&app, request);
                    }
                })
            })
            .collect();
        for w in workers {
            let _ = w.join();
        }
    }
}

fn answer(app: &App, mut raw: tiny_http::Request) {
    let response = match convert(app, &mut raw) {
        Ok(req) => app.handle(&req),
        Err((path, refusal)) => super::routes::for_path(&path, refusal),
    };
    let mut out = tiny_http::Response::from_data(response.body).with_status_code(response.status);
    for (k, v) in &response.headers {
        if let Ok(h) = tiny_http::Header::from_bytes(k.as_bytes(), v.as_bytes()) {
            out.add_header(h);
        }
    }
    let _ = raw.respond(out);
}

/// Reads a request, refusing a body over [`MAX_BODY`] before reading it (the refusal comes with the
/// path asked for, which says whether it is given as a page or as JSON).
fn convert(app: &App, raw: &mut tiny_http::Request) -> Result<Request, (String, Response)> {
    let method = match raw.method() {
        tiny_http::Method::Get => Method::Get,
        tiny_http::Method::Head => Method::Head,
        tiny_http::Method::Post => Method::Post,
        _ => Method::Other,
    };
    let mut req = Request::new(method, raw.url());
    for h in raw.headers() {
        req = req.with_header(h.field.as_str().as_str(), h.value.as_str());
    }
    if raw.body_length().is_some_and(|n| n > MAX_BODY) {
        return Err((req.path, super::routes::refusal(app, 413, Ui::TooLarge)));
    }
    let mut body = Vec::new();
    if raw
        .as_reader()
        .take(MAX_BODY as u64 + 1)
        .read_to_end(&mut body)
        .is_err()
    {
        return Err((req.path, super::routes::refusal(app, 400, Ui::BadRequest)));
    }
    if body.len() > MAX_BODY {
        return Err((req.path, super::routes::refusal(app, 413, Ui::TooLarge)));
    }
    Ok(req.with_body(body))
}
