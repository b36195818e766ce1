//! The texts of `bdl serve`'s pages, in both languages. Each has a name (`Ui::Save`); the pages print
//! them on the server, and the editor's script receives the ones it shows by name.

use super::Text;

macro_rules! ui {
    ($( $name:ident = ($en:literal, $zh:literal), )*) => {
        /// A text of the web pages.
        #[derive(Debug, Clone, Copy, PartialEq, Eq)]
        pub enum Ui { $( $name, )* }

        impl Ui {
            pub const ALL: &[Ui] = &[ $( Ui::$name, )* ];

            pub fn text(self) -> Text {
                match self { $( Ui::$name => Text::new($en, $zh), )* }
            }

            /// The name the editor's script knows it by.
            pub fn key(self) -> &'static str {
                match self { $( Ui::$name => stringify!($name), )* }
            }
        }
    };
}

ui! {
    Product = ("bdl — performance-target declarations", "bdl 预算绩效目标"),
    NavFolder = ("Folder", "一览"),
    NavReview = ("Review", "审阅"),
    NavExplain = ("Diagnostics", "诊断说明"),
    ReadOnlyBadge = ("read-only", "只读"),
    FolderTitle = ("Declarations in this folder", "本目录的绩效目标申报"),
    FolderEmpty = ("No .bdl file in this folder.", "本目录下没有 .bdl 文件。"),
    ColFile = ("File", "文件"),
    ColYear = ("Year", "年度"),
    ColFiler = ("Filer", "填报单位"),
    ColDepartment = ("Department", "部门"),
    ColTotal = ("Total (万元)", "资金总额（万元）"),
    ColProject = ("Project spending (万元)", "项目支出（万元）"),
    ColDirections = ("Directions", "支出方向"),
    ColScore = ("Self-evaluation score", "自评得分"),
    ColGrade = ("Grade", "自评等级"),
    ColErrors = ("Errors", "错误"),
    ColWarnings = ("Warnings", "警告"),
    ColActions = ("", "操作"),
    RollupTitle = ("Roll-up of the declarations without errors", "汇总（无错误的申报）"),
    RollupDepartments = ("Declarations", "申报数"),
    RollupEvaluated = ("With a year-end self-evaluation", "含年终自评的申报数"),
    YearsTitle = ("Years side by side (万元: the total, else the project spending)", "各年对比（万元：资金总额；无资金总额的为项目支出）"),
    YearsProjectFigure = ("project spending", "项目支出"),
    YearsClash = ("several declarations for this year", "同一年有多份申报"),
    FolderRoot = ("(this folder)", "（本目录）"),
    WalkProblems = ("Could not read", "无法读取"),
    Open = ("open", "查看"),
    Edit = ("edit", "编辑"),
    HasErrors = ("has errors", "有错误"),
    Diagnostics = ("Diagnostics", "诊断"),
    NoDiagnostics = ("No problems.", "没有发现问题。"),
    Line = ("line", "行"),
    Downloads = ("Download", "下载"),
    TablesNotPrinted = ("The tables are not printed while the file has errors.", "文件有错误，暂不生成表格。"),
    TablesTitle = ("Official tables", "正式表格"),
    EditorTitle = ("Edit", "编辑"),
    Format = ("Format", "格式化"),
    Save = ("Save", "保存"),
    Saved = ("Saved.", "已保存。"),
    SavedWithErrors = ("Saved — the file still has errors (work in progress).", "已保存——文件仍有错误（未完成稿）。"),
    Unsaved = ("Unsaved changes", "有未保存的修改"),
    Checking = ("checking…", "检查中…"),
    Checked = ("checked", "已检查"),
    Conflict = ("Not saved: the file was changed on disk since it was loaded.", "未保存：文件在载入后已在磁盘上被修改。"),
    Reload = ("Reload from disk (drops your changes)", "从磁盘重新载入（放弃本页修改）"),
    ShowDifference = ("Show the difference", "查看差异"),
    DifferenceTitle = ("Disk → this page", "磁盘上的版本 → 本页内容"),
    FormatFailed = ("Cannot format while the file has syntax errors.", "文件有语法错误，无法格式化。"),
    SaveFailed = ("Not saved", "保存失败"),
    CheckFailed = ("Not checked", "未能检查"),
    ReloadFailed = ("Not reloaded", "未能重新载入"),
    NoAnswer = ("the server did not answer (is bdl serve still running?)", "服务器没有应答（bdl serve 是否仍在运行？）"),
    CommittedToGit = ("Committed to git.", "已提交到 git。"),
    Preview = ("Preview", "预览"),
    ReadOnlyEditor = ("This server is read-only: changes cannot be saved.", "服务器为只读模式：修改不能保存。"),
    ReviewTitle = ("Review: year over year", "审阅：年度变动"),
    ReviewOld = ("Earlier", "上年（旧）"),
    ReviewNew = ("Later", "本年（新）"),
    ReviewRevision = ("git revision (optional)", "git 版本（可选）"),
    ReviewCompare = ("Compare", "比较"),
    ReviewSame = ("The two budgets are the same.", "两份预算相同。"),
    ReviewCannot = ("Cannot compare", "无法比较"),
    ExplainTitle = ("Diagnostic codes", "诊断代码"),
    ErrorTitle = ("Error", "出错了"),
    NotFound = ("Not found.", "找不到该页面或文件。"),
    PathRefused = ("This path is outside the served folder.", "该路径不在服务目录之内。"),
    ReadOnlyRefused = ("The server is read-only.", "服务器为只读模式。"),
    OriginRefused = ("Refused: the request did not come from this server's own page.", "已拒绝：请求不是来自本服务的页面。"),
    HostRefused = ("Refused: unknown host name.", "已拒绝：未知的主机名。"),
    TooLarge = ("The request is too large.", "请求内容过大。"),
    BadRequest = ("The request could not be read.", "无法读取请求。"),
    MethodRefused = ("This method is not allowed here.", "此处不允许该请求方法。"),
    CannotRead = ("Cannot read the file", "无法读取文件"),
    UnknownCode = ("Unknown diagnostic code.", "未知的诊断代码。"),
}

/// The line printed when the server starts.
pub fn serve_listening(url: &str, dir: &str) -> Text {
    Text::new(
        format!("bdl serve: serving {dir} at {url} (Ctrl-C stops)"),
        format!("bdl serve：正在提供 {dir}，请在浏览器中打开 {url}（Ctrl-C 停止）"),
    )
}

/// The warning for `--host` with an address other than the loopback; `writable` unless `--read-only`.
pub fn serve_exposed(host: &str, writable: bool) -> Text {
    let (en, zh) = if writable {
        (
            "read and change the declarations (add --read-only to prevent changes)",
            "读取并修改这些申报（加 --read-only 可禁止修改）",
        )
    } else {
        ("read the declarations", "读取这些申报")
    };
    Text::new(
        format!(
            "warning: listening on {host}: anyone who can reach this address can {en}; bdl has no logins (docs/serve.md: behind a reverse proxy)"
        ),
        format!(
            "警告：正在监听 {host}：能访问该地址的人都能{zh}；bdl 没有登录功能（见 docs/serve.md：反向代理）"
        ),
    )
}

/// The warning added when a server not on loopback is asked for by a name it does not answer to:
/// the `Host` check refuses any name but `names` (loopback, `--host`, `--allow-host`).
pub fn serve_exposed_hosts(names: &[String]) -> Text {
    let (en, zh) = (names.join(", "), names.join("、"));
    Text::new(
        format!(
            "warning: pages are answered only when opened as {en}; opened by another address or name of this machine they get 403 (unknown host name): add --allow-host with each address or name people open (for example --allow-host 192.168.1.20)"
        ),
        format!(
            "警告：只有以 {zh} 打开时才应答；用本机的其他地址或名称打开会得到 403（未知的主机名）：请为大家打开时用的每个地址或名称加 --allow-host（如 --allow-host 192.168.1.20）"
        ),
    )
}

/// The error when the server cannot start.
pub fn serve_cannot_start(addr: &str, why: &str) -> Text {
    Text::new(
        format!("error: cannot listen on {addr}: {why}"),
        format!("错误：无法在 {addr} 上监听：{why}"),
    )
}
