//! Reading a file as it was in a git revision: `git show REV:path`, run in the current directory (so
//! `path` is relative to the repository root, or to the current directory when written `REV:./path`).

use std::process::Command;

/// The text of `spec` (`REV:path`), or git's own message when it cannot be read.
pub fn show(spec: &str) -> Result<String, String> {
    let output = Command::new("git")
        .args(["show", "--no-textconv", spec])
        .output()
        .map_err(|e| format!("cannot run git ({e}); is it installed?"))?;
    if !output.status.success() {
        let msg = String::from_utf8_lossy(&output.stderr);
        let msg = msg.trim();
        return Err(if msg.is_empty() {
            format!("git show {spec} failed")
        } else {
            format!("git: {msg}")
        });
    }
    String::from_utf8(output.stdout).map_err(|_| {
        "the file is not UTF-8 text; save it as UTF-8 (iconv -f GB18030 -t UTF-8 FILE)".to_string()
    })
}
