//! `bdl lsp`: the language server over standard input and output.

use std::process::ExitCode;

pub fn run() -> ExitCode {
    let (connection, io) = lsp_server::Connection::stdio();
    let served = bdl::lsp::run(connection);
    // The reader and writer threads end when the client closes its side.
    let joined = io.join();
    match (served, joined) {
        (Ok(()), Ok(())) => ExitCode::SUCCESS,
        (Err(e), _) => {
            super::error(bdl::messages::language_server_failed(&e.to_string()));
            ExitCode::from(1)
        }
        (_, Err(e)) => {
            super::error(bdl::messages::language_server_failed(&e.to_string()));
            ExitCode::from(1)
        }
    }
}
