//! The texts of reports and the command line (files, folders, git, `explain`), in both languages.

use super::Text;
use super::shared::*;

// ── Reports and the command line ────────────────────────────────────────────────────────────────

/// The heading of a report's help, as the renderer prints it (`  help: `, eight columns wide; the
/// Chinese is as wide).
pub fn help_heading() -> Text {
    t("help: ", "提示：")
}

/// The breadcrumb under a report: `in: direction "信访岗位津贴"`.
pub fn breadcrumb(path: &[String]) -> Text {
    let path = path.join(" › ");
    t(format!("in: {path}"), format!("位置：{path}"))
}

/// `2 errors, 1 warning` (and notes when there are any).
pub fn summary(errors: usize, warnings: usize, notes: usize) -> Text {
    let plural = |n: usize, word: &str| {
        if n == 1 {
            format!("{n} {word}")
        } else {
            format!("{n} {word}s")
        }
    };
    let mut en = vec![plural(errors, "error"), plural(warnings, "warning")];
    let mut zh = vec![format!("{errors}个错误"), format!("{warnings}个警告")];
    if notes > 0 {
        en.push(plural(notes, "note"));
        zh.push(format!("{notes}条提示"));
    }
    t(en.join(", "), zh.join("，"))
}

/// `error: cannot read budget.bdl: No such file or directory`.
pub fn cannot_read(path: &str, why: &str) -> Text {
    t(
        format!("error: cannot read {path}: {why}"),
        format!("错误：无法读取 {path}：{why}"),
    )
}

pub fn cannot_write(path: &str, why: &str) -> Text {
    t(
        format!("error: cannot write {path}: {why}"),
        format!("错误：无法写入 {path}：{why}"),
    )
}

/// A folder run's last line: `built 12 files: 11 ok, 1 failed`.
pub fn folder_summary(built: bool, files: usize, ok: usize, failed: usize) -> Text {
    let verb = if built { "built" } else { "checked" };
    let plural = if files == 1 { "" } else { "s" };
    let zh_verb = if built { "生成" } else { "检查" };
    t(
        format!("{verb} {files} file{plural}: {ok} ok, {failed} failed"),
        format!("共{zh_verb}{files}个文件：{ok}个通过，{failed}个未通过"),
    )
}

/// One file of a folder build that was not written.
pub fn file_not_written(name: &str) -> Text {
    t(
        format!("{name}: nothing written"),
        format!("{name}：未写入"),
    )
}

pub fn cannot_roll_up(name: &str, why: &str) -> Text {
    t(
        format!("error: {name}: cannot be rolled up: {why}"),
        format!("错误：{name} 无法汇总：{why}"),
    )
}

pub fn output_takes_rollup_place(name: &str, rollup: &str) -> Text {
    t(
        format!(
            "error: {name}: its output would take the roll-up's place ({rollup}); rename the file"
        ),
        format!("错误：{name} 的输出会覆盖汇总表（{rollup}），请给该文件改名"),
    )
}

/// `what`: a roll-up line's name as the tables print it (资金总额, 一般公共预算拨款).
pub fn rollup_unknown(what: &str) -> Text {
    t(
        format!("{what} could not be derived"),
        format!("{what}未能算出"),
    )
}

/// `operation`: both operands (`100000000000000000000000000 + 0.001`); `code`: B3030 or B3032.
pub fn rollup_not_exact(what: &str, operation: &str, code: &str) -> Text {
    t(
        format!("{what}: {operation} has no exact result within 28 significant digits [{code}]"),
        format!("{what}：{operation} 的结果超出 28 位有效数字，无法精确计算［{code}］"),
    )
}

pub fn rollup_inexact(why: &str, path: &str) -> Text {
    t(
        format!("error: the roll-up cannot be computed exactly: {why}; {path} not written"),
        format!("错误：汇总数无法精确计算：{why}；未写入 {path}"),
    )
}

pub fn cannot_start_threads(jobs: usize, why: &str) -> Text {
    t(
        format!("error: cannot start {jobs} threads: {why}"),
        format!("错误：无法启动{jobs}个线程：{why}"),
    )
}

pub fn folder_needs_output(dir: &str) -> Text {
    t(
        format!("error: building a folder needs an output folder: bdl build {dir} -o OUTDIR"),
        format!("错误：生成整个文件夹时需要指定输出文件夹：bdl build {dir} -o OUTDIR"),
    )
}

pub fn output_is_a_file(path: &str) -> Text {
    t(
        format!("error: {path} is a file; a folder build writes into a folder"),
        format!("错误：{path} 是文件；生成整个文件夹时要写入一个文件夹"),
    )
}

pub fn nothing_written() -> Text {
    t(
        "nothing written: fix the errors above first",
        "未写入任何内容：请先改正上面的错误",
    )
}

pub fn cannot_make_workbook(why: &str) -> Text {
    t(
        format!("error: cannot make the workbook: {why}"),
        format!("错误：无法生成工作簿：{why}"),
    )
}

/// `fmt --diff` on a file whose text is formatted but whose line ends are CR or CRLF.
pub fn only_line_ends_change(name: &str) -> Text {
    t(
        format!("{name}: only the line ends change (to LF)"),
        format!("{name}：仅换行符需要改为 LF"),
    )
}

/// `fmt -v` on a file already in its canonical form.
pub fn already_formatted(name: &str) -> Text {
    t(
        format!("{name}: already formatted"),
        format!("{name}：已是规范格式，未改动"),
    )
}

/// `name: not formatted`, after its diagnostics.
pub fn not_formatted(name: &str) -> Text {
    t(
        format!("{name}: not formatted"),
        format!("{name}：未格式化"),
    )
}

pub fn would_reformat(files: usize) -> Text {
    let word = if files == 1 { "file" } else { "files" };
    t(
        format!("{files} {word} would be reformatted"),
        format!("有{files}个文件需要重新格式化"),
    )
}

pub fn diff_one_stdin() -> Text {
    t(
        "error: only one of OLD and NEW can be `-` (standard input)",
        "错误：OLD 和 NEW 只能有一个是 `-`（标准输入）",
    )
}

pub fn does_not_compile(name: &str) -> Text {
    t(
        format!("error: {name} does not compile; fix it before comparing"),
        format!("错误：{name} 有错误，无法编译；请先改正再比较"),
    )
}

pub fn no_such_file() -> Text {
    t("no such file", "文件不存在")
}

pub fn git_not_run(why: &str) -> Text {
    t(
        format!("cannot run git ({why}); is it installed?"),
        format!("无法运行 git（{why}）；是否已安装 git？"),
    )
}

pub fn git_show_failed(spec: &str) -> Text {
    t(
        format!("git show {spec} failed"),
        format!("git show {spec} 执行失败"),
    )
}

/// `bdl explain B0000`: no such code; the close codes (code and title) if any, and the ranges.
pub fn unknown_code(code: &str, close: &[(&str, &str)]) -> Text {
    let mut en = format!("error: there is no diagnostic code `{code}`\n");
    let mut zh = format!("错误：没有诊断代码 `{code}`\n");
    if !close.is_empty() {
        en.push_str("  did you mean:\n");
        zh.push_str("  是否应为以下代码：\n");
        for (c, title) in close {
            let line = format!("    {c}  {title}\n");
            en.push_str(&line);
            zh.push_str(&line);
        }
    }
    en.push_str(
        "  codes are B1xxx syntax, B2xxx names and structure, B3xxx money, B4xxx indicators, \
         B5xxx texts and periods, B9xxx internal errors\n",
    );
    zh.push_str(
        "  诊断代码分为：B1xxx 语法、B2xxx 名称与结构、B3xxx 金额、B4xxx 绩效指标、\
         B5xxx 文字与期限、B9xxx 内部错误\n",
    );
    en.push_str("  `bdl explain` with no code lists them all\n");
    zh.push_str("  不带代码运行 `bdl explain` 可列出全部诊断代码\n");
    t(en, zh)
}
