//! `bdl serve [DIR]`: the web page for the declarations under DIR, on 127.0.0.1 unless `--host` says
//! otherwise (and then with a warning). The server itself is the library's (`bdl::serve`).

use bdl::messages::{self as msg, Lang};
use bdl::serve::{App, Config};
use std::path::PathBuf;
use std::process::ExitCode;

pub struct Options {
    pub dir: PathBuf,
    pub host: Option<String>,
    pub port: u16,
    pub read_only: bool,
    pub git_commit: bool,
    pub allow_hosts: Vec<String>,
    pub lang: Lang,
}

pub fn run(o: Options) -> ExitCode {
    let lang = o.lang;
    let print = |t: msg::Text| eprintln!("{}", t.get(lang));
    let host = o.host.clone().unwrap_or_else(|| "127.0.0.1".to_string());
    let loopback = matches!(host.as_str(), "127.0.0.1" | "localhost" | "::1");
    let mut allowed_hosts = o.allow_hosts.clone();
    if !loopback {
        allowed_hosts.push(host.trim_matches(['[', ']']).to_string());
    }
    // The names a page may be opened by, for the warning; a wildcard address is no name to open.
    let answered: Vec<String> = ["127.0.0.1", "localhost", "::1"]
        .into_iter()
        .map(String::from)
        .chain(
            allowed_hosts
                .iter()
                .filter(|h| !matches!(h.as_str(), "0.0.0.0" | "::"))
                .cloned(),
        )
        .collect();
    let config = Config {
        root: o.dir.clone(),
        read_only: o.read_only,
        lang,
        git_commit: o.git_commit,
        allowed_hosts,
        chinese_pages: Some(super::pages_zh::page),
        token: bdl::serve::new_token(),
    };
    let app = match App::new(config) {
        Ok(a) => a,
        Err(e) => {
            print(msg::cannot_read(&super::shown(&o.dir), &e.to_string()));
            return ExitCode::from(2);
        }
    };
    let addr = if host.contains(':') && !host.starts_with('[') {
        format!("[{host}]:{}", o.port)
    } else {
        format!("{host}:{}", o.port)
    };
    let listening = match bdl::serve::listen(app, &addr) {
        Ok(l) => l,
        Err(e) => {
            print(msg::serve_cannot_start(&addr, &e));
            return ExitCode::from(2);
        }
    };
    if !loopback {
        print(msg::serve_exposed(&host, !o.read_only));
        print(msg::serve_exposed_hosts(&answered));
    }
    // The address goes to standard output (scripts and tests read it); the rest to standard error.
    println!("{}", listening.url);
    print(msg::serve_listening(&listening.url, &super::shown(&o.dir)));
    listening.serve();
    ExitCode::SUCCESS
}
