//! `bdl check FILE…`

use std::path::PathBuf;
use std::process::ExitCode;

pub fn run(files: &[PathBuf], color: bool, deny_warnings: bool) -> ExitCode {
    let mut failed = false;
    for f in files {
        match super::compile::run_one(f, color, deny_warnings) {
            Ok((_, ok)) => failed |= !ok,
            Err(code) => return code,
        }
    }
    if failed {
        ExitCode::from(1)
    } else {
        ExitCode::SUCCESS
    }
}
