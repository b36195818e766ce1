//! `bdl lsp`: the language server over standard input and output, read through a bound
//! (`bdl::lsp::transport`): a message claiming more than 64 MiB ends the server with a message and
//! exit 1, never an allocation failure.

use std::process::ExitCode;

pub fn run() -> ExitCode {
    let (connection, io) = bdl::lsp::transport::stdio();
    let served = bdl::lsp::run(connection);
    // The server has dropped its connection: the writer ends; bad input that stopped the reader is
    // the first thing to say.
    match (io.finish(), served) {
        (Ok(()), Ok(())) => ExitCode::SUCCESS,
        (Err(e), _) => {
            let why = e.text().get(super::lang()).to_string();
            super::error(bdl::messages::language_server_failed(&why));
            ExitCode::from(1)
        }
        (_, Err(e)) => {
            super::error(bdl::messages::language_server_failed(&e.to_string()));
            ExitCode::from(1)
        }
    }
}
