//! The server's own small view of HTTP: a request as the routes read it and a response as they build
//! it. The socket layer (`listen`) converts to and from these, so every route is tested in-process.

use std::fmt::Write;

/// The largest request body read (a declaration is at most `syntax::limits::MAX_BYTES`; the JSON
/// around it and its escapes may double it).
pub const MAX_BODY: usize = 2 * crate::syntax::limits::MAX_BYTES + 64 * 1024;

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Method {
    Get,
    Head,
    Post,
    Other,
}

#[derive(Debug, Clone)]
pub struct Request {
    pub method: Method,
    /// The decoded path, without the query (`/edit/预算/a.bdl`).
    pub path: String,
    /// The decoded query pairs, in order.
    pub query: Vec<(String, String)>,
    /// Header names in lower case.
    pub headers: Vec<(String, String)>,
    pub body: Vec<u8>,
}

impl Request {
    /// A request from a method and a raw target (`/review?old=a.bdl&new=b.bdl`, percent-encoded).
    pub fn new(method: Method, target: &str) -> Request {
        let (path, query) = target.split_once('?').unwrap_or((target, ""));
        Request {
            method,
            path: percent_decode(path, false),
            query: parse_query(query),
            headers: Vec::new(),
            body: Vec::new(),
        }
    }

    pub fn with_header(mut self, name: &str, value: &str) -> Request {
        self.headers
            .push((name.to_ascii_lowercase(), value.to_string()));
        self
    }

    pub fn with_body(mut self, body: impl Into<Vec<u8>>) -> Request {
        self.body = body.into();
        self
    }

    pub fn header(&self, name: &str) -> Option<&str> {
        self.headers
            .iter()
            .find(|(k, _)| k.eq_ignore_ascii_case(name))
            .map(|(_, v)| v.as_str())
    }

    pub fn query(&self, name: &str) -> Option<&str> {
        self.query
            .iter()
            .find(|(k, _)| k == name)
            .map(|(_, v)| v.as_str())
    }
}

#[derive(Debug, Clone)]
pub struct Response {
    pub status: u16,
    pub headers: Vec<(String, String)>,
    pub body: Vec<u8>,
    /// When the answer is a refusal, what it says: a caller of the API gets it as JSON instead of
    /// the page (see `routes::for_path`).
    pub refusal: Option<String>,
}

/// What every response carries: nothing is cached (a page always shows the disk as it is now), no
/// content sniffing, no framing by other sites, and only the server's own scripts run.
const SECURITY_HEADERS: &[(&str, &str)] = &[
    ("Cache-Control", "no-store"),
    ("X-Content-Type-Options", "nosniff"),
    ("Referrer-Policy", "no-referrer"),
    ("X-Frame-Options", "SAMEORIGIN"),
    (
        "Content-Security-Policy",
        "default-src 'none'; script-src 'self'; style-src 'self' 'unsafe-inline'; img-src 'self' data:; \
         connect-src 'self'; frame-src 'self'; font-src 'self'; form-action 'self'; base-uri 'none'; \
         frame-ancestors 'self'",
    ),
];

impl Response {
    pub fn new(status: u16, content_type: &str, body: impl Into<Vec<u8>>) -> Response {
        let mut headers: Vec<(String, String)> = vec![("Content-Type".into(), content_type.into())];
        headers.extend(
            SECURITY_HEADERS
                .iter()
                .map(|(k, v)| (k.to_string(), v.to_string())),
        );
        Response {
            status,
            headers,
            body: body.into(),
            refusal: None,
        }
    }

    pub fn html(status: u16, body: String) -> Response {
        Response::new(status, "text/html; charset=utf-8", body)
    }

    pub fn json(status: u16, body: &serde_json::Value) -> Response {
        Response::new(status, "application/json; charset=utf-8", body.to_string())
    }

    /// Marks the answer as a refusal saying `message`.
    pub fn refusing(mut self, message: &str) -> Response {
        self.refusal = Some(message.to_string());
        self
    }

    pub fn with_header(mut self, name: &str, value: &str) -> Response {
        self.headers.push((name.to_string(), value.to_string()));
        self
    }

    pub fn header(&self, name: &str) -> Option<&str> {
        self.headers
            .iter()
            .find(|(k, _)| k.eq_ignore_ascii_case(name))
            .map(|(_, v)| v.as_str())
    }

    pub fn text(&self) -> String {
        String::from_utf8_lossy(&self.body).into_owned()
    }
}

/// Decodes `%XX` escapes (and `+` as a space in queries); invalid escapes are kept as written, and
/// bytes that do not form UTF-8 become U+FFFD (such a path then names no file).
pub fn percent_decode(s: &str, plus_is_space: bool) -> String {
    let bytes = s.as_bytes();
    let mut out = Vec::with_capacity(bytes.len());
    let mut i = 0;
    while let Some(&b) = bytes.get(i) {
        let hex = |j: usize| bytes.get(j).and_then(|c| (*c as char).to_digit(16));
        match b {
            b'%' => match (hex(i + 1), hex(i + 2)) {
                (Some(h), Some(l)) => {
                    out.push((h * 16 + l) as u8);
                    i += 3;
                    continue;
                }
                _ => out.push(b'%'),
            },
            b'+' if plus_is_space => out.push(b' '),
            _ => out.push(b),
        }
        i += 1;
    }
    String::from_utf8_lossy(&out).into_owned()
}

/// Encodes a path or query value for a URL: everything but unreserved characters and (for paths) `/`.
pub fn percent_encode(s: &str, keep_slash: bool) -> String {
    let mut out = String::with_capacity(s.len());
    for b in s.bytes() {
        if b.is_ascii_alphanumeric() || b"-._~".contains(&b) || (keep_slash && b == b'/') {
            out.push(b as char);
        } else {
            let _ = write!(out, "%{b:02X}");
        }
    }
    out
}

pub fn parse_query(q: &str) -> Vec<(String, String)> {
    q.split('&')
        .filter(|p| !p.is_empty())
        .map(|p| {
            let (k, v) = p.split_once('=').unwrap_or((p, ""));
            (percent_decode(k, true), percent_decode(v, true))
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn decoding_and_encoding_round_trip_chinese_paths() {
        let p = "预算/石峰 2021.bdl";
        let e = percent_encode(p, true);
        assert!(e.is_ascii() && e.contains('/'));
        assert_eq!(percent_decode(&e, false), p);
        assert_eq!(percent_decode("%zz%4", false), "%zz%4");
        assert_eq!(
            parse_query("old=a+b.bdl&new=HEAD%3Ax.bdl"),
            [
                ("old".to_string(), "a b.bdl".to_string()),
                ("new".to_string(), "HEAD:x.bdl".to_string())
            ]
        );
    }
}
