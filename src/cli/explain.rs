//! `bdl explain CODE`

use bdl::codes::Code;
use bdl::report;
use std::process::ExitCode;

pub fn run(code: &str) -> ExitCode {
    match Code::parse(code) {
        Some(c) => {
            println!(
                "{} ({}): {}",
                c.as_str(),
                report::severity_word(c.severity()),
                c.title()
            );
            ExitCode::SUCCESS
        }
        None => {
            eprintln!("error: there is no diagnostic code `{code}`; codes look like B3010");
            ExitCode::from(2)
        }
    }
}
