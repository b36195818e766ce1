//! The `bdl` command line: a thin layer over the library (see `cli/`).

mod cli;

fn main() -> std::process::ExitCode {
    quiet_on_a_closed_pipe();
    cli::run()
}

/// `bdl check DIR | head -1`: when the reader goes away, bdl should stop quietly, as `cat` does.
/// Rust ignores SIGPIPE, so a write to a closed pipe returns an error, and `println!` (and clap's help,
/// clap_complete's scripts, miette's reports) turn that error into a panic — an abort in release.
/// Restoring the default action before anything is written (as rustc and ripgrep do) ends the process
/// at the first such write, from whichever library makes it, with the shell's usual 141; wrapping
/// every writer instead would leave the libraries' own writes uncovered. Sockets are not affected:
/// the standard library sends with MSG_NOSIGNAL (SO_NOSIGPIPE on macOS), so `bdl serve` still sees a
/// closed connection as an error, and child processes get the default action anyway.
#[cfg(unix)]
fn quiet_on_a_closed_pipe() {
    // SAFETY: called first thing in main, before any thread exists; `signal` with SIG_DFL only
    // changes this process's disposition of SIGPIPE.
    unsafe {
        libc::signal(libc::SIGPIPE, libc::SIG_DFL);
    }
}

/// Elsewhere there is no SIGPIPE; a closed pipe there is an ordinary write error.
#[cfg(not(unix))]
fn quiet_on_a_closed_pipe() {}
