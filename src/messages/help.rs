//! The command line's help in Chinese (`bdl --lang zh --help`): the English is the doc comments of
//! `src/cli/mod.rs`, which clap prints; this is the same text as a finance office would write it,
//! keyed by command and argument (`build.output`), with the headings of clap's help page.

/// Headings of the help page: usage, commands, arguments, options.
pub const HELP_HEADINGS_ZH: [&str; 4] = ["用法：", "命令", "参数", "选项"];

/// The Chinese of `bdl --help` and of every command's help, by `command` or `command.argument` (the
/// top level is `bdl`).
pub const HELP_ZH: &[(&str, &str)] = &[
    (
        "bdl",
        "将预算绩效目标申报（部门整体、专项资金汇总、专项资金支出方向绩效目标表）编译为正式表格",
    ),
    ("bdl.color", "何时为诊断信息着色"),
    (
        "bdl.lang",
        "诊断和提示信息的语言（默认取 LC_ALL、LC_MESSAGES 或 LANG：以 zh 开头为中文，其他为英文）",
    ),
    (
        "bdl.allow",
        "本次运行不报告某个警告或提示（如 `--allow B4030`，可重复或用逗号分隔）；错误不能忽略。申报文件中可写一行 `# bdl: allow B4030`",
    ),
    ("bdl.quiet", "只输出诊断和错误：不输出“通过”和汇总行"),
    ("bdl.verbose", "另外说明每个文件的结果和写入的每个文件"),
    ("bdl.help", "显示帮助"),
    ("bdl.version", "显示版本"),
    ("check", "检查申报文件并报告全部问题；有错误时退出码为 1"),
    (
        "check.files",
        "要检查的文件（`-` 表示标准输入）或文件夹：文件夹下的每个 `.bdl` 文件并行检查，按路径顺序输出诊断",
    ),
    ("check.deny", "把警告当作错误"),
    ("check.format", "诊断的输出格式"),
    (
        "check.jobs",
        "检查文件夹时的线程数（默认取 RAYON_NUM_THREADS，否则使用全部核心）",
    ),
    ("build", "把申报文件编译为表格"),
    (
        "build.file",
        "申报文件（`-` 表示标准输入）或文件夹：文件夹下的每个 `.bdl` 文件并行生成到输出文件夹（保持目录结构），并附汇总表",
    ),
    ("build.format", "输出格式"),
    (
        "build.output",
        "写入该文件而不是标准输出（有错误时不写入；`-` 表示标准输出）；生成文件夹时为输出文件夹（必填）",
    ),
    ("build.deny", "把警告当作错误"),
    (
        "build.jobs",
        "生成文件夹时的线程数（默认取 RAYON_NUM_THREADS，否则使用全部核心）",
    ),
    (
        "fmt",
        "把申报文件改写为规范格式（见 docs/formatting.md）；文件夹表示其下每个 `.bdl` 文件。只有证明含义不变后才写入",
    ),
    (
        "fmt.paths",
        "文件或文件夹（`-` 表示读标准输入、写标准输出）",
    ),
    ("fmt.check", "不写入；列出需要改写的文件，如有则退出码为 1"),
    (
        "fmt.diff",
        "不写入；以统一差异格式显示改动，如有则退出码为 1",
    ),
    (
        "diff",
        "按预算比较两份申报（逐年对比）；相同退出码为 0，不同为 1",
    ),
    (
        "diff.old",
        "较早的申报：文件、`-`，或从 git 读取的 `REV:path`（如 `HEAD~1:budget.bdl`）",
    ),
    ("diff.new", "较新的申报，写法同上"),
    ("diff.format", "输出格式"),
    (
        "explain",
        "说明一个诊断代码（例如 `bdl explain B3010`）；不给代码时列出全部代码",
    ),
    ("explain.code", "诊断代码，例如 B3010"),
    (
        "completions",
        "输出命令行补全脚本（例如 `bdl completions bash > /etc/bash_completion.d/bdl`）",
    ),
    ("completions.shell", "所用的 shell"),
    (
        "serve",
        "以网页提供 DIR 下的申报（见 docs/serve.md）：目录一览、各申报的正式表格、边输入边检查的编辑器、两年对比审阅、每个诊断代码的说明。页面为中文，`--lang en` 为英文",
    ),
    ("serve.dir", "提供的文件夹（默认：当前文件夹）"),
    ("serve.port", "端口（0 表示自动选择空闲端口；会打印地址）"),
    (
        "serve.host",
        "在 127.0.0.1 以外的地址上监听（能访问该地址的人都能读取，未加 --read-only 时还能修改：会打印警告）",
    ),
    (
        "serve.read_only",
        "拒绝一切写入：页面只能查看和检查，不能保存",
    ),
    (
        "serve.git_commit",
        "每次保存都在 DIR 所在的 git 仓库中提交，提交说明为中文",
    ),
    (
        "serve.allow_hosts",
        "除 127.0.0.1 和 localhost 外允许的主机名（反向代理转发的名称）；可重复",
    ),
    (
        "import",
        "把单位的工作簿（.xlsx、.xls）或 Word 文档（.docx）转换为 bdl 源文件（见 docs/import.md），报告未放入的每个单元格。全部放入且源文件编译通过时退出码为 0，有遗漏或错误时为 1（仍会写入），文件无法读取时为 2",
    ),
    ("import.file", "工作簿或文档"),
    (
        "import.output",
        "要写入的源文件（`OUT.bdl`），或文件夹（每份申报一个源文件）；不给时输出单个源文件到标准输出",
    ),
    (
        "import.report",
        "另把报告（源文件、诊断、未放入的单元格）以 JSON 写入该文件",
    ),
    (
        "lsp",
        "在标准输入输出上运行语言服务器，供编辑器使用（见 docs/editor.md）",
    ),
    ("help", "显示本帮助，或所给子命令的帮助"),
    ("help.subcommand", "要显示帮助的子命令"),
];

/// A usage error in Chinese (clap writes them in English): the first line, after `错误：`.
pub enum UsageZh<'a> {
    /// The arguments not given, as clap names them (`<FILES>...`).
    Missing(&'a [String]),
    UnknownCommand(&'a str),
    UnknownArgument(&'a str),
    /// A value, the argument it was given to, and the values it takes.
    InvalidValue(&'a str, &'a str, &'a [String]),
    /// Two arguments that cannot be given together.
    Conflict(&'a str, &'a str),
}

/// The Chinese of a usage error, with a suggestion (`check` for `chek`) when there is one.
pub fn usage_error_zh(e: &UsageZh<'_>, suggestion: Option<&str>) -> String {
    let mut out = match e {
        UsageZh::Missing(args) => format!("错误：缺少必需的参数：\n  {}\n", args.join("\n  ")),
        UsageZh::UnknownCommand(name) => format!("错误：没有子命令 '{name}'\n"),
        UsageZh::UnknownArgument(arg) => format!("错误：无法识别的参数 '{arg}'\n"),
        UsageZh::InvalidValue(value, arg, valid) => {
            let mut s = format!("错误：'{value}' 不是 '{arg}' 的有效值\n");
            if !valid.is_empty() {
                s.push_str(&format!("  [可选：{}]\n", valid.join("、")));
            }
            s
        }
        UsageZh::Conflict(a, b) => format!("错误：参数 '{a}' 不能与 '{b}' 同时使用\n"),
    };
    if let Some(s) = suggestion {
        out.push_str(&format!("\n  提示：是否想用 '{s}'？\n"));
    }
    out
}

/// The line after a usage error.
pub const USAGE_MORE_HELP_ZH: &str = "更多信息请运行 '--help'。";

/// The Chinese help of `key`, if there is one.
pub fn help_zh(key: &str) -> Option<&'static str> {
    HELP_ZH.iter().find(|(k, _)| *k == key).map(|(_, v)| *v)
}
