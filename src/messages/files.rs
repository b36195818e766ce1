//! Texts about files and the command line's safety rules: what the operating system said (in the
//! reader's language, never the OS's English), files fmt will not replace, outputs that would overwrite
//! an input. Grouped here so the stage catalogues stay as they are.

use super::Text;

fn t(en: impl Into<String>, zh: impl Into<String>) -> Text {
    Text::new(en, zh)
}

/// Why a file could not be read or written, from the kind of the operating system's error.
pub fn io_reason(error: &std::io::Error) -> Text {
    use std::io::ErrorKind as K;
    match error.kind() {
        K::NotFound => t("no such file", "文件不存在"),
        K::PermissionDenied => t("permission denied", "没有权限"),
        K::IsADirectory => t("it is a folder", "这是一个文件夹"),
        K::NotADirectory => t(
            "a part of the path is not a folder",
            "路径中有一部分不是文件夹",
        ),
        K::AlreadyExists => t("it already exists", "文件已存在"),
        K::ReadOnlyFilesystem => t("the file system is read-only", "文件系统为只读"),
        K::StorageFull => t("the disk is full", "磁盘已满"),
        K::InvalidData => t(error.to_string(), error.to_string()),
        K::Interrupted => t("interrupted", "操作被中断"),
        K::BrokenPipe => t("the reader closed the pipe", "读取端已关闭管道"),
        _ => match error.raw_os_error() {
            Some(code) => t(
                format!("the operating system refused (error {code})"),
                format!("操作系统拒绝了该操作（错误号{code}）"),
            ),
            None => t("the operating system refused", "操作系统拒绝了该操作"),
        },
    }
}

pub fn fmt_read_only(path: &str) -> Text {
    t(
        format!(
            "error: {path} is read-only; bdl fmt does not rewrite a file you may not write (make it writable first: chmod u+w {path})"
        ),
        format!(
            "错误：{path} 是只读文件，bdl fmt 不改写只读文件（如需格式化，请先执行 chmod u+w {path}）"
        ),
    )
}

pub fn fmt_hard_linked(path: &str, links: u64) -> Text {
    t(
        format!(
            "error: {path} has {links} names (hard links); replacing it would split them, and rewriting it in place could leave half a file, so it is not formatted (format a copy: bdl fmt - < {path} > {path}.new)"
        ),
        format!(
            "错误：{path} 有{links}个文件名（硬链接）；替换它会使这些名字分开，原地改写又可能留下写了一半的文件，因此未格式化（可格式化一份副本：bdl fmt - < {path} > {path}.new）"
        ),
    )
}

pub fn cannot_keep_owner(path: &str) -> Text {
    t(
        format!(
            "error: {path} belongs to another user or group, and the rewritten file could not be given back to them; nothing written"
        ),
        format!("错误：{path} 属于其他用户或用户组，改写后的文件无法归还原所有者；未写入"),
    )
}

pub fn output_is_input(path: &str) -> Text {
    t(
        format!(
            "error: the output {path} is an input of this run; writing it would replace the declaration (choose another -o, or `-o -` for standard output)"
        ),
        format!(
            "错误：输出文件 {path} 正是本次读取的文件，写入会覆盖申报内容（请另选 -o，或用 `-o -` 输出到标准输出）"
        ),
    )
}

pub fn xlsx_to_terminal() -> Text {
    t(
        "error: --format xlsx writes a binary workbook, not text for the terminal; name the file with -o (for example -o tables.xlsx) or redirect standard output to a file",
        "错误：--format xlsx 生成的是二进制工作簿，不能输出到终端；请用 -o 指定文件（例如 -o tables.xlsx），或把标准输出重定向到文件",
    )
}

/// `check` of files that passed: ruff's "All checks passed!".
pub fn all_checks_passed(files: usize) -> Text {
    if files == 1 {
        t("All checks passed!", "全部检查通过！")
    } else {
        t(
            format!("All checks passed! ({files} files)"),
            format!("全部检查通过！（共{files}个文件）"),
        )
    }
}

/// One line of a folder build's log: an output of an earlier run removed because its source failed.
pub fn stale_output_removed(path: &str) -> Text {
    t(
        format!("{path}: removed (left from an earlier run; its source failed this time)"),
        format!("{path}：已删除（上次生成的旧文件；本次对应的源文件未通过）"),
    )
}

pub fn rollup_incomplete(missing: usize) -> Text {
    t(
        format!(
            "warning: the roll-up is incomplete: {missing} declaration(s) failed and are not counted"
        ),
        format!("警告：汇总表不完整：有{missing}份申报未通过，未计入汇总"),
    )
}

pub fn rollup_mixed_years(years: &str) -> Text {
    t(
        format!("warning: the roll-up sums declarations of different budget years ({years})"),
        format!("警告：汇总表合计了不同预算年度的申报（{years}）"),
    )
}

// ── -v: what a run did ───────────────────────────────────────────────────────────────────────────

pub fn wrote(path: &str) -> Text {
    t(format!("wrote {path}"), format!("已写入 {path}"))
}

pub fn reformatted(path: &str) -> Text {
    t(format!("reformatted {path}"), format!("已格式化 {path}"))
}

pub fn file_passed(name: &str) -> Text {
    t(format!("{name}: ok"), format!("{name}：通过"))
}

// ── explain ──────────────────────────────────────────────────────────────────────────────────────

/// A severity in the Chinese list of codes.
pub const fn severity_zh(s: crate::diagnostic::Severity) -> &'static str {
    match s {
        crate::diagnostic::Severity::Error => "错误",
        crate::diagnostic::Severity::Warning => "警告",
        crate::diagnostic::Severity::Note => "提示",
    }
}

pub fn explain_list_footer() -> Text {
    t(
        "`bdl explain CODE` prints a code's page (docs/diagnostics/CODE.md).",
        "`bdl explain 代码` 显示该代码的说明页（docs/diagnostics/zh/代码.md）。",
    )
}

#[cfg(test)]
pub(crate) fn samples() -> Vec<(&'static str, Text)> {
    vec![
        (
            "io_reason",
            io_reason(&std::io::Error::from(std::io::ErrorKind::NotFound)),
        ),
        ("fmt_read_only", fmt_read_only("a.bdl")),
        ("fmt_hard_linked", fmt_hard_linked("a.bdl", 2)),
        ("cannot_keep_owner", cannot_keep_owner("a.bdl")),
        ("output_is_input", output_is_input("a.bdl")),
        ("xlsx_to_terminal", xlsx_to_terminal()),
        ("all_checks_passed", all_checks_passed(1)),
        ("stale_output_removed", stale_output_removed("out/a.md")),
        ("rollup_incomplete", rollup_incomplete(1)),
        ("rollup_mixed_years", rollup_mixed_years("2024, 2025")),
        ("wrote", wrote("a.md")),
        ("reformatted", reformatted("a.bdl")),
        ("file_passed", file_passed("a.bdl")),
        ("explain_list_footer", explain_list_footer()),
    ]
}

#[cfg(test)]
mod tests {
    #[test]
    fn every_entry_is_listed_and_bilingual() {
        let listed: Vec<&str> = super::samples().iter().map(|(id, _)| *id).collect();
        let defined: Vec<&str> = include_str!("files.rs")
            .lines()
            .filter_map(|l| l.strip_prefix("pub fn "))
            .filter_map(|l| l.split(['(', '<']).next())
            .collect();
        assert_eq!(listed, defined);
        for (id, text) in super::samples() {
            assert!(!text.en.is_empty() && text.en != text.zh, "{id}");
            assert!(
                text.zh
                    .chars()
                    .any(|c| ('\u{4E00}'..='\u{9FFF}').contains(&c)),
                "{id}"
            );
        }
    }
}
