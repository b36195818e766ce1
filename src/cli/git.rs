//! Reading a file as it was in a git revision: `git show REV:path`, run in the current directory (so
//! `path` is relative to the repository root, or to the current directory when written `REV:./path`).

use bdl::messages as msg;
use std::process::Command;

/// The bytes of `spec` (`REV:path`), decoded later by the front door like any file; or git's own
/// message when it cannot be read.
pub fn show(spec: &str) -> Result<Vec<u8>, String> {
    let output = Command::new("git")
        .args(["show", "--no-textconv", spec])
        .output()
        .map_err(|e| text(msg::git_not_run(&e.to_string())))?;
    if !output.status.success() {
        let msg = String::from_utf8_lossy(&output.stderr);
        let msg = msg.trim();
        return Err(if msg.is_empty() {
            text(msg::git_show_failed(spec))
        } else {
            format!("git: {msg}")
        });
    }
    Ok(output.stdout)
}

fn text(t: msg::Text) -> String {
    t.get(super::lang()).to_string()
}
