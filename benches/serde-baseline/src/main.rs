//! `serde-baseline DIR`: walks DIR, reads every `.json` file and parses it into a default
//! `serde_json::Value`, one file after the other, as `bdl check -j 1 DIR` does with `.bdl` files.
//! Prints the number of files and bytes; exit code 1 if any file is unreadable or not JSON.

use std::process::ExitCode;

fn main() -> ExitCode {
    let Some(dir) = std::env::args().nth(1) else {
        eprintln!("usage: serde-baseline DIR");
        return ExitCode::from(2);
    };
    let (mut files, mut bytes, mut failed) = (0usize, 0usize, 0usize);
    for entry in walkdir::WalkDir::new(&dir).sort_by_file_name() {
        let Ok(entry) = entry else {
            failed += 1;
            continue;
        };
        if !entry.file_type().is_file() || entry.path().extension().is_none_or(|e| e != "json") {
            continue;
        }
        match std::fs::read(entry.path()).map(|b| (b.len(), serde_json::from_slice::<serde_json::Value>(&b))) {
            Ok((n, Ok(value))) => {
                std::hint::black_box(value);
                files += 1;
                bytes += n;
            }
            _ => failed += 1,
        }
    }
    println!("{files} files, {bytes} bytes");
    if failed > 0 {
        eprintln!("{failed} files unreadable or not JSON");
        return ExitCode::from(1);
    }
    ExitCode::SUCCESS
}
