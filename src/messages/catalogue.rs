//! The catalogue: one function per text a person reads, building the English and the Chinese from the
//! same arguments. Call sites never format user text themselves; they call these.
//!
//! The Chinese is written as a finance office writes (资金总额、支出方向、测算依据、二级指标), with
//! full-width punctuation; figures, units, keywords and code (`rate 612/month`, `>=`) stay as written.
//! Names are quoted “…” in Chinese prose and "…" in English and in code.

use super::Text;
use crate::domain::Breakdown;

fn t(en: impl Into<String>, zh: impl Into<String>) -> Text {
    Text::new(en, zh)
}

/// `“名称”`: a name in Chinese prose.
fn q(name: &str) -> String {
    format!("“{name}”")
}

/// `a, b, c` / `a、b、c`.
fn list_en(items: &[&str]) -> String {
    items.join(", ")
}

fn list_zh(items: &[&str]) -> String {
    items.join("、")
}

/// `"a", "b"` / `“a”、“b”`.
fn quoted_list(items: &[String]) -> (String, String) {
    let en: Vec<String> = items.iter().map(|k| format!("\"{k}\"")).collect();
    let zh: Vec<String> = items.iter().map(|k| q(k)).collect();
    (en.join(", "), zh.join("、"))
}

/// A breakdown's keyword (`income`, `spending`) in Chinese: 收入, 支出.
fn side_zh(what: &str) -> &str {
    match what {
        "income" => "收入",
        "spending" => "支出",
        other => other,
    }
}

/// A framework's name in Chinese prose: the profile name as written, or 自定义 for a document's own tree.
fn framework_zh(name: &str) -> String {
    if name == "custom" {
        "自定义指标体系".to_string()
    } else {
        format!("{}指标体系", q(name))
    }
}

// ── Shared labels ───────────────────────────────────────────────────────────────────────────────

pub fn label_here() -> Text {
    t("here", "此处")
}

pub fn label_not_found() -> Text {
    t("not found", "未找到")
}

pub fn label_given_again() -> Text {
    t("given again here", "此处再次填写")
}

pub fn label_first_given() -> Text {
    t("first given here", "首次填写于此")
}

pub fn label_again_here() -> Text {
    t("again here", "再次出现于此")
}

pub fn label_first_here() -> Text {
    t("first here", "首次出现于此")
}

pub fn label_no_amount() -> Text {
    t("no amount", "没有金额")
}

pub fn label_too_long() -> Text {
    t("too long", "过长")
}

pub fn label_per_what() -> Text {
    t("per what?", "按月还是按年？")
}

/// `declared 36.8万元`.
pub fn label_declared(figure: &str) -> Text {
    t(format!("declared {figure}"), format!("申报数{figure}"))
}

/// A figure shown as a label (`36.72万元`): the same in both languages.
pub fn figure(figure: &str) -> Text {
    t(figure, figure)
}

/// The difference of two figures, or that it could not be computed.
pub fn difference_too_large() -> Text {
    t("too large to compute", "数额过大，无法计算")
}

/// `did you mean "X"?`
pub fn did_you_mean_name(name: &str) -> Text {
    t(
        format!("did you mean \"{name}\"?"),
        format!("是否应为{}？", q(name)),
    )
}

// ── Syntax ──────────────────────────────────────────────────────────────────────────────────────

/// What the parser expected, in a clerk's words.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Expected {
    EndOfFile,
    QuotedText,
    Number,
    Amount,
    Word,
    MoneyUnit,
    Statement,
    DirectionLine,
    Derivation,
    Block,
    Value,
    Comparison,
    ValueUnit,
    IndicatorOption,
    Basis,
    Count,
    Price,
    Per,
    Months,
    Category,
    /// A keyword such as `by`, `for`, `of`.
    Keyword(&'static str),
}

impl Expected {
    pub fn text(self) -> Text {
        use Expected::*;
        match self {
            EndOfFile => t("the end of the file", "文件结尾"),
            QuotedText => t("a quoted text (\"…\")", "带引号的文字（\"…\"）"),
            Number => t("a number", "数字"),
            Amount => t("an amount (36.72)", "金额（36.72）"),
            Word => t("a word", "词语"),
            MoneyUnit => t("a money unit (万元 or 元)", "金额单位（万元或元）"),
            Statement => t(
                "a statement (year, income, direction, indicator …)",
                "一行语句（year、income、direction、indicator……）",
            ),
            DirectionLine => t(
                "a direction line (special, period, goal, annual, amount, cost, indicator …)",
                "支出方向中的一行（special、period、goal、annual、amount、cost、indicator……）",
            ),
            Derivation => t(
                "`= directions` or `= \"line\" + \"line\"`",
                "`= directions` 或 `= \"line\" + \"line\"`",
            ),
            Block => t("a block in `{ … }`", "`{ … }` 中的内容"),
            Value => t(
                "an indicator value (= 50人, ≥95%, 良好)",
                "指标值（= 50人、≥95%、良好）",
            ),
            Comparison => t("a comparison (= ≥ ≤ > <)", "比较符号（= ≥ ≤ > <）"),
            ValueUnit => t("a unit (人, %, 万元)", "计量单位（人、%、万元）"),
            IndicatorOption => t(
                "note, standard, weight, explain, scoring or sense",
                "note、standard、weight、explain、scoring 或 sense",
            ),
            Basis => t(
                "a cost basis (< people 50 rate 612/month >)",
                "测算依据（< people 50 rate 612/month >）",
            ),
            Count => t("`people N` or `qty N 单位`", "`people N` 或 `qty N 单位`"),
            Price => t(
                "`rate N/month`, `rate N/year` or `price N`",
                "`rate N/month`、`rate N/year` 或 `price N`",
            ),
            Per => t("`/month` or `/year`", "`/month` 或 `/year`"),
            Months => t("`months N`", "`months N`"),
            Category => t(
                "a category line (category \"一级指标\" \"二级指标\" …)",
                "指标分类行（category \"一级指标\" \"二级指标\" ……）",
            ),
            Keyword(k) => t(format!("`{k}`"), format!("`{k}`")),
        }
    }
}

/// What the parser found where it stopped.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Found {
    EndOfFile,
    EndOfLine,
    /// The start of the offending token.
    Token(String),
}

impl Found {
    fn text(&self) -> Text {
        match self {
            Found::EndOfFile => t("the end of the file", "文件结尾"),
            Found::EndOfLine => t("the end of the line", "行尾"),
            // A space between Chinese and code.
            Found::Token(s) => t(format!("`{s}`"), format!(" `{s}`")),
        }
    }
}

/// `expected a number or a word, found `x``; `wanted` in the order to show.
pub fn syntax_expected(wanted: &[Expected], found: &Found) -> Text {
    let found = found.text();
    if wanted.is_empty() {
        return t(
            format!("unexpected {}", found.en),
            format!("此处不应出现{}", found.zh),
        );
    }
    let texts: Vec<Text> = wanted.iter().map(|w| w.text()).collect();
    let en: Vec<&str> = texts.iter().map(|x| x.en.as_str()).collect();
    let zh: Vec<&str> = texts.iter().map(|x| x.zh.as_str()).collect();
    let join = |items: &[&str], comma: &str, or: &str| match items {
        [] => String::new(),
        [one] => (*one).to_string(),
        [init @ .., last] => format!("{}{or}{last}", init.join(comma)),
    };
    // Several expectations may each hold a list of their own: in Chinese they are set apart by `；`.
    let zh = match zh.as_slice() {
        // A space between Chinese and code.
        [one] if one.starts_with('`') => format!("此处应为 {one}，实际是{}", found.zh),
        [one] => format!("此处应为{one}，实际是{}", found.zh),
        more => format!(
            "此处应为以下之一：{}（实际是{}）",
            more.join("；"),
            found.zh
        ),
    };
    t(
        format!("expected {}, found {}", join(&en, ", ", " or "), found.en),
        zh,
    )
}

pub fn label_not_expected() -> Text {
    t("not expected here", "此处不应出现")
}

/// A grammar rule's own message (a bug in bdl's grammar, not in the file).
pub fn syntax_internal(message: &str) -> Text {
    t(message, format!("语法分析内部错误：{message}"))
}

pub fn help_report_bug() -> Text {
    t(
        "report this to the bdl developers",
        "请将此问题报告给 bdl 开发人员",
    )
}

pub fn help_texts_in_quotes(example: &str) -> Text {
    t(
        format!("texts are written in ASCII double quotes, for example: {example}"),
        format!("文字须用半角双引号 \" 括起，例如：{example}"),
    )
}

pub fn help_line_reads_like(example: &str) -> Text {
    t(
        format!("the line should read like: {example}"),
        format!("这一行应写成：{example}"),
    )
}

pub fn help_line_starts_with_keyword() -> Text {
    t(
        "each line starts with a keyword such as year, filer, income, spending, duty, plan, indicator or direction; see docs/language.md",
        "每行以关键字开头，如 year、filer、income、spending、duty、plan、indicator 或 direction；详见 docs/language.md",
    )
}

pub fn not_text(byte: usize) -> Text {
    t(
        format!(
            "the file is not text: byte {byte} is not UTF-8 and the file is not GBK or UTF-16 either"
        ),
        format!("该文件不是文本文件：第{byte}个字节不是 UTF-8 编码，文件也不是 GBK 或 UTF-16 编码"),
    )
}

pub fn label_not_text() -> Text {
    t("not text", "不是文本")
}

pub fn help_not_text() -> Text {
    t(
        "a bdl declaration is a plain UTF-8 text file; check that the right file was given",
        "bdl 申报文件是 UTF-8 编码的纯文本文件，请检查是否选错了文件",
    )
}

/// `name`: the encoding found (`GB18030 (GBK)`); `first`: the file's first line, decoded.
pub fn not_utf8(name: &str, first: &str) -> Text {
    t(
        format!("the file is saved as {name}, not UTF-8 (its first line reads: {first})"),
        format!("该文件以 {name} 编码保存，不是 UTF-8 编码（首行内容为：{first}）"),
    )
}

pub fn label_not_utf8() -> Text {
    t("not UTF-8", "不是 UTF-8 编码")
}

pub fn help_convert_to_utf8(iconv: &str) -> Text {
    let command = format!("`iconv -f {iconv} -t UTF-8 FILE > FILE.utf8 && mv FILE.utf8 FILE`");
    t(
        format!(
            "convert it once and keep it in UTF-8: {command}, or choose “UTF-8” when saving in the editor"
        ),
        format!(
            "请转换一次，此后一直以 UTF-8 编码保存：{command}；也可以在编辑器保存时选择“UTF-8”"
        ),
    )
}

pub fn file_too_large(bytes: usize, limit_mib: usize) -> Text {
    t(
        format!("the file has {bytes} bytes; bdl reads files of up to {limit_mib} MiB"),
        format!("该文件有{bytes}字节，bdl 最多读取{limit_mib} MiB 的文件"),
    )
}

pub fn label_too_large() -> Text {
    t("too large", "文件过大")
}

pub fn help_split_file() -> Text {
    t(
        "split the declaration into one file per department or project",
        "请将申报内容拆分为每个部门或项目一个文件",
    )
}

pub fn nested_too_deep(limit: usize) -> Text {
    t(
        format!("blocks are nested more than {limit} deep"),
        format!("代码块嵌套超过{limit}层"),
    )
}

pub fn label_too_deep() -> Text {
    t("too deep", "嵌套过深")
}

pub fn help_flatten() -> Text {
    t(
        "sub-directions rarely go deeper than three levels: flatten the structure",
        "子方向一般不超过三层，请减少嵌套层级",
    )
}

pub fn invisible_character(code_point: u32) -> Text {
    t(
        format!("an invisible character U+{code_point:04X} is in the text"),
        format!("文字中有一个不可见字符 U+{code_point:04X}"),
    )
}

pub fn label_invisible_character() -> Text {
    t("invisible character here", "此处有不可见字符")
}

pub fn help_delete_invisible() -> Text {
    t(
        "delete it: it changes how the text is displayed (or hides nothing at all) and reviewers cannot see it",
        "请删除该字符：它会改变文字的显示方式（或什么也不显示），审核人员也看不到它",
    )
}

pub fn unterminated_text() -> Text {
    t(
        "this text in quotes is not closed",
        "引号中的文字没有结束引号",
    )
}

pub fn label_no_closing_quote() -> Text {
    t("no closing `\"` on this line", "本行没有结束的 `\"`")
}

/// The text ends with `”`: `fixed` is the line as it should read.
pub fn help_fullwidth_closing_quote(fixed: &str) -> Text {
    t(
        format!(
            "the text ends with a full-width quotation mark, which counts as text; type the ASCII `\"` instead. The line should read: {fixed}"
        ),
        format!("文字以全角引号结尾，全角引号算作文字内容；请改用半角 `\"`。这一行应为：{fixed}"),
    )
}

pub fn help_add_closing_quote(fixed: &str) -> Text {
    t(
        format!(
            "add `\"` at the end of the text; a text cannot run over two lines. The line should read: {fixed}"
        ),
        format!("请在文字末尾加上 `\"`，文字不能跨行。这一行应为：{fixed}"),
    )
}

/// A full-width character `c` typed for `ascii` (a space when `ascii` is blank).
pub fn full_width(c: char, ascii: &str) -> Text {
    let (en, zh) = if ascii.trim().is_empty() {
        ("a space".to_string(), "空格".to_string())
    } else {
        (format!("`{ascii}`"), format!("半角的 `{ascii}`"))
    };
    t(
        format!("full-width `{c}` where {en} is meant"),
        format!("此处应为{zh}，却输入了全角的 `{c}`"),
    )
}

pub fn label_full_width() -> Text {
    t("full-width character", "全角字符")
}

pub fn help_half_width(fixed: &str) -> Text {
    t(
        format!(
            "type bdl's punctuation in half-width (English) mode; Chinese punctuation belongs inside \"…\". The line should read: {fixed}"
        ),
        format!(
            "bdl 的符号请在半角（英文）状态下输入，中文标点只能写在 \"…\" 之内。这一行应为：{fixed}"
        ),
    )
}

pub fn thousands_separator(written: &str) -> Text {
    t(
        format!("the number {written} is written with thousands separators"),
        format!("数字{written}使用了千位分隔符"),
    )
}

pub fn label_no_separators() -> Text {
    t("separators are not allowed", "不能使用分隔符")
}

pub fn help_plain_number(plain: &str) -> Text {
    t(
        format!("write {plain}: numbers in bdl are written plainly"),
        format!("请写成{plain}：bdl 中的数字不加分隔符"),
    )
}

pub fn rate_without_period() -> Text {
    t(
        "this rate does not say per month or per year",
        "这个单价没有注明按月还是按年",
    )
}

pub fn help_rate_period_example() -> Text {
    t(
        "write `rate 612/month` (元 per person per month) or `rate 800/year`; a one-off price is `price 20`",
        "请写成 `rate 612/month`（每人每月的元数）或 `rate 800/year`；一次性的单价写作 `price 20`",
    )
}

pub fn rate_number_without_period(number: &str) -> Text {
    t(
        format!("`rate {number}` does not say per month or per year"),
        format!("`rate {number}` 没有注明按月还是按年"),
    )
}

pub fn help_rate_number_period(number: &str) -> Text {
    t(
        format!(
            "write `rate {number}/month` (元 per person per month) or `rate {number}/year`; a one-off price is `price {number}`"
        ),
        format!(
            "请写成 `rate {number}/month`（每人每月的元数）或 `rate {number}/year`；一次性的单价写作 `price {number}`"
        ),
    )
}

pub fn unknown_keyword(word: &str) -> Text {
    t(
        format!("`{word}` is not a bdl keyword"),
        format!("`{word}` 不是 bdl 的关键字"),
    )
}

pub fn label_unknown_keyword() -> Text {
    t("unknown keyword", "无法识别的关键字")
}

/// `did you mean `indicator`?` (a keyword or other code word).
pub fn did_you_mean_code(code: &str) -> Text {
    t(
        format!("did you mean `{code}`?"),
        format!("是否应为 `{code}`？"),
    )
}

/// The statement keywords (from `syntax::keywords`): those of the document, then those only inside a
/// direction.
pub fn help_keywords(document: &[&str], direction: &[&str]) -> Text {
    t(
        format!(
            "a line starts with a keyword: {} (and inside a direction: {})",
            document.join(", "),
            direction.join(", ")
        ),
        format!(
            "每行以关键字开头：{}（支出方向内还有：{}）",
            document.join("、"),
            direction.join("、")
        ),
    )
}

pub fn unopened_block() -> Text {
    t("this `}` closes no block", "这个 `}` 没有对应的 `{`")
}

pub fn label_nothing_to_close() -> Text {
    t("nothing to close", "没有可结束的代码块")
}

pub fn help_unopened_block() -> Text {
    t(
        "delete this `}`, or add the `{` it should close at the end of the line that opens the block",
        "请删除这个 `}`，或在代码块开头那一行的末尾补上对应的 `{`",
    )
}

/// `word`: the unit as written (`万`); `suggestion`: the money unit meant.
pub fn unknown_money_unit(word: &str) -> Text {
    t(
        format!("`{word}` is not a money unit"),
        format!("`{word}` 不是金额单位"),
    )
}

pub fn label_not_a_money_unit() -> Text {
    t("neither 万元 nor 元", "不是“万元”或“元”")
}

pub fn help_money_unit(suggestion: &str) -> Text {
    t(
        format!("did you mean `{suggestion}`? bdl's money units are 万元 and 元"),
        format!("是否应为 `{suggestion}`？金额单位只能是“万元”或“元”"),
    )
}

pub fn too_complex() -> Text {
    t(
        "the file is too complex to parse: the parser gave up here after too much work",
        "文件结构过于复杂，解析到这里时工作量超出上限，已停止",
    )
}

pub fn label_parsing_stopped() -> Text {
    t("parsing stopped here", "在这里停止解析")
}

pub fn help_too_complex() -> Text {
    t(
        "look for unclosed blocks, very long lines or long runs of symbols near here; a real declaration never needs this much work",
        "请检查这附近是否有未结束的代码块、过长的行或成串的符号；正常的申报文件不会需要这么大的解析量",
    )
}

pub fn unclosed_block() -> Text {
    t("this block is never closed", "这个代码块没有结束")
}

pub fn label_opened_here() -> Text {
    t("opened here", "从这里开始")
}

/// `opener`: the start of the line that opens the block.
pub fn help_close_block(opener: &str) -> Text {
    t(
        format!("add a line with `}}` where the block of `{opener}` ends"),
        format!("请在 `{opener}` 的代码块结束处加一行 `}}`"),
    )
}

// ── Formatter ───────────────────────────────────────────────────────────────────────────────────

// The properties every formatting result must have (`fmt::Property` names them).

pub fn property_parses() -> Text {
    t("the formatted text parses", "格式化结果能够正确解析")
}

pub fn property_idempotent() -> Text {
    t(
        "formatting the formatted text changes nothing",
        "再次格式化不会改变结果",
    )
}

pub fn property_same_model() -> Text {
    t(
        "the formatted text means the same (same model and diagnostics)",
        "格式化前后含义相同（模型和诊断信息一致）",
    )
}

pub fn property_same_comments() -> Text {
    t(
        "every comment is kept, on the same line of code",
        "每条注释都保留在原来的代码行上",
    )
}

pub fn property_same_literals() -> Text {
    t(
        "every number, string and word keeps its spelling",
        "每个数字、文字和词语的写法都不变",
    )
}

/// `property` is one of the `property_…` texts above.
pub fn format_unverified(property: &Text) -> Text {
    t(
        format!(
            "internal error: the formatted text fails the check that {}; nothing was written",
            property.en
        ),
        format!(
            "内部错误：格式化结果未通过“{}”这项校验，未写入任何内容",
            property.zh
        ),
    )
}

pub fn label_this_file() -> Text {
    t("this file", "本文件")
}

pub fn help_format_bug() -> Text {
    t(
        "this is a bug in bdl fmt: please report it with the file; the file is unchanged",
        "这是 bdl fmt 的缺陷，请连同该文件一起报告；原文件未作改动",
    )
}

// ── Header, numbers, names ──────────────────────────────────────────────────────────────────────

/// `what`: which figure (`amount`, `count`, `price`, `months`); `text`: as written.
pub fn negative_number(what: NegativeWhat, text: &str) -> Text {
    let (en, zh) = match what {
        NegativeWhat::Amount => ("amount", "金额"),
        NegativeWhat::Count => ("count", "数量"),
        NegativeWhat::Price => ("price", "单价（标准）"),
        NegativeWhat::Months => ("number of months", "月数"),
    };
    t(
        format!("the {en} {text} is negative"),
        format!("{zh}{text}是负数"),
    )
}

/// Which figure is negative.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum NegativeWhat {
    Amount,
    Count,
    Price,
    Months,
}

pub fn label_negative() -> Text {
    t("negative", "负数")
}

pub fn help_negative() -> Text {
    t(
        "budget amounts, counts, prices and months are never negative: write the figure without the minus sign, or correct it",
        "预算金额、人数数量、单价和月数都不能为负数：请去掉负号或更正数字",
    )
}

pub fn number_too_long() -> Text {
    t(
        "this number has too many digits to be exact",
        "这个数字位数过多，无法精确计算",
    )
}

pub fn label_more_than_28_digits() -> Text {
    t("more than 28 digits", "超过28位")
}

pub fn help_number_too_long() -> Text {
    t(
        "write at most 28 digits; a number this long is almost certainly a typing mistake",
        "最多写28位数字；这么长的数字几乎可以肯定是输入错误",
    )
}

pub fn amount_overflows() -> Text {
    t(
        "this amount is too large to compute exactly",
        "金额过大，无法精确计算",
    )
}

/// `operation`: the two operands and the operation (`500000000000000000000000000 × 612`).
pub fn label_overflows(operation: &str) -> Text {
    t(
        format!("overflows: {operation}"),
        format!("超出计算范围：{operation}"),
    )
}

/// `operation`: the two operands and the operation (`100000000000000000000000000 + 0.001`).
pub fn not_exact(operation: &str) -> Text {
    t(
        format!("{operation} has no exact result within 28 significant digits"),
        format!("{operation} 的结果超出 28 位有效数字，无法精确计算"),
    )
}

pub fn label_not_exact(operation: &str) -> Text {
    t(
        format!("would be rounded: {operation}"),
        format!("将被舍入：{operation}"),
    )
}

pub fn help_not_exact() -> Text {
    t(
        "bdl never rounds a figure silently: check the figures (a fraction too fine or a sum of very different sizes is almost always a typing mistake), or write the amount itself",
        "bdl 不会悄悄舍入金额：请核对数字（过细的小数或数量级相差悬殊的求和几乎都是输入错误），或直接填写金额",
    )
}

pub fn help_amount_overflows() -> Text {
    t(
        "check the figures: an amount this large is almost certainly a typing mistake",
        "请核对数字：这么大的金额几乎可以肯定是输入错误",
    )
}

pub fn no_framework() -> Text {
    t(
        "the document has indicators but names no framework",
        "文件中有绩效指标，但没有指明指标体系",
    )
}

pub fn label_which_framework() -> Text {
    t("which 指标体系?", "采用哪个指标体系？")
}

pub fn help_name_framework() -> Text {
    t(
        "add a header line such as `framework hunan` (or mof-2015, mof-2021, or a `framework { … }` tree)",
        "请在文件开头加一行，例如 `framework hunan`（或 mof-2015、mof-2021，或用 `framework { … }` 自定义指标体系）",
    )
}

pub fn unknown_direction(name: &str) -> Text {
    t(
        format!("no direction or project is named \"{name}\""),
        format!("没有名为{}的支出方向或项目", q(name)),
    )
}

pub fn help_unknown_direction_suggest(suggestion: &str) -> Text {
    t(
        format!(
            "did you mean \"{suggestion}\"? A reference names a direction or project exactly as written after `direction`"
        ),
        format!(
            "是否应为{}？引用支出方向或项目时，名称须与 `direction` 后所写的完全一致",
            q(suggestion)
        ),
    )
}

pub fn help_no_directions() -> Text {
    t(
        "the document has no directions; add one with `direction \"名称\" …`",
        "文件中还没有支出方向，请用 `direction \"名称\" …` 添加",
    )
}

pub fn help_directions_are(known: &[String]) -> Text {
    let (en, zh) = quoted_list(known);
    t(
        format!("the directions are: {en}"),
        format!("现有的支出方向：{zh}"),
    )
}

pub fn header_twice(key: &str) -> Text {
    t(
        format!("`{key}` is given twice"),
        format!("`{key}` 填写了两次"),
    )
}

pub fn help_keep_one_line(key: &str) -> Text {
    t(
        format!("keep one `{key}` line"),
        format!("请只保留一行 `{key}`"),
    )
}

pub fn not_a_budget_year(text: &str) -> Text {
    t(
        format!("{text} is not a budget year"),
        format!("{text} 不是有效的预算年度"),
    )
}

pub fn label_not_a_year() -> Text {
    t("not a year", "不是年份")
}

pub fn help_write_year() -> Text {
    t(
        "write the four-digit budget year, for example `year 2021`",
        "请填写四位数的预算年度，例如 `year 2021`",
    )
}

pub fn precision_out_of_range() -> Text {
    t(
        "the precision must be between 0 and 8 decimals",
        "小数位数须在0到8位之间",
    )
}

pub fn label_out_of_range() -> Text {
    t("out of range", "超出范围")
}

pub fn help_precision() -> Text {
    t(
        "write `precision 4` for 万元 exact to 1 元, or `precision 2` for the common print precision",
        "以万元为单位并精确到1元，请写 `precision 4`；按常用的打印精度，请写 `precision 2`",
    )
}

pub fn no_budget_year() -> Text {
    t("the document has no budget year", "文件中没有预算年度")
}

pub fn label_titles_need_year() -> Text {
    t("the tables' titles need it", "表格标题需要预算年度")
}

pub fn help_add_year() -> Text {
    t(
        "add `year 2021` (the budget year) at the top of the file",
        "请在文件开头加上 `year 2021`（预算年度）",
    )
}

pub fn unknown_framework(name: &str) -> Text {
    t(
        format!("there is no framework profile named `{name}`"),
        format!("没有名为 `{name}` 的指标体系"),
    )
}

pub fn label_unknown_profile() -> Text {
    t("unknown profile", "无法识别的指标体系")
}

pub fn help_unknown_framework(suggestion: Option<&str>) -> Text {
    match suggestion {
        Some(s) => t(
            format!(
                "did you mean `framework {s}`? The profiles are hunan, mof-2015 and mof-2021, or declare a tree with `framework {{ category \"一级指标\" \"二级指标\" … }}`"
            ),
            format!(
                "是否应为 `framework {s}`？可选的指标体系有 hunan、mof-2015 和 mof-2021，也可以用 `framework {{ category \"一级指标\" \"二级指标\" … }}` 自定义"
            ),
        ),
        None => t(
            "the profiles are hunan, mof-2015 and mof-2021; or declare a tree with `framework { category \"一级指标\" \"二级指标\" … }`",
            "可选的指标体系有 hunan、mof-2015 和 mof-2021；也可以用 `framework { category \"一级指标\" \"二级指标\" … }` 自定义",
        ),
    }
}

pub fn framework_name_twice(name: &str) -> Text {
    t(
        format!("\"{name}\" appears twice in the framework"),
        format!("{}在指标体系中出现了两次", q(name)),
    )
}

pub fn help_framework_names_unique() -> Text {
    t(
        "each 一级指标 and 二级指标 of a framework must have its own name",
        "指标体系中一级指标、二级指标的名称都不能重复",
    )
}

// ── Income and spending lines ───────────────────────────────────────────────────────────────────

/// `what`: `income` or `spending`.
pub fn line_declared_twice(what: Breakdown, name: &str) -> Text {
    let what = what.keyword();
    t(
        format!("the {what} line \"{name}\" is declared twice"),
        format!("{}项{}申报了两次", side_zh(what), q(name)),
    )
}

pub fn label_declared_again() -> Text {
    t("declared again here", "此处再次申报")
}

pub fn label_first_declared() -> Text {
    t("first declared here", "首次申报于此")
}

pub fn help_line_names_unique() -> Text {
    t(
        "give each line its own name, or merge the two lines into one",
        "请为每一项取不同的名称，或将两项合并为一项",
    )
}

pub fn line_without_amount(what: Breakdown, name: &str) -> Text {
    let what = what.keyword();
    t(
        format!("the {what} line \"{name}\" has no amount"),
        format!("{}项{}没有金额", side_zh(what), q(name)),
    )
}

pub fn help_line_without_amount(what: Breakdown, name: &str) -> Text {
    let what = what.keyword();
    t(
        format!(
            "write the amount after the name (`{what} \"{name}\" 12.5`), or derive it (`= directions`, `= \"A\" + \"B\"`, or 其中 lines in `{{ … }}`)"
        ),
        format!(
            "请在名称后填写金额（`{what} \"{name}\" 12.5`），或写明如何计算（`= directions`、`= \"A\" + \"B\"`，或在 `{{ … }}` 中列出其中项）"
        ),
    )
}

/// `chain`: `项目支出 → 专项业务费 → 项目支出`.
pub fn derived_from_itself(name: &str, chain: &str) -> Text {
    t(
        format!("\"{name}\" is derived from itself: {chain}"),
        format!("{}的金额循环引用了自身：{chain}", q(name)),
    )
}

pub fn label_refers_back() -> Text {
    t("refers back to a line being derived", "引用了正在计算的项")
}

pub fn help_derived_from_itself() -> Text {
    t(
        "a line can be the sum of other lines, but not of itself through them; declare one of the amounts",
        "一项可以是其他项之和，但不能经由它们绕回自身；请直接填写其中一项的金额",
    )
}

pub fn no_such_line(what: Breakdown, name: &str) -> Text {
    let what = what.keyword();
    t(
        format!("there is no {what} line named \"{name}\""),
        format!("没有名为{}的{}项", q(name), side_zh(what)),
    )
}

pub fn help_name_a_line(what: Breakdown) -> Text {
    let what = what.keyword();
    t(
        format!("name one of the {what} lines of this breakdown"),
        format!("请填写本表已有的{}项名称", side_zh(what)),
    )
}

/// `did you mean `spending "项目支出"`?` in a reference.
pub fn help_line_reference_suggest(what: Breakdown, suggestion: &str) -> Text {
    let what = what.keyword();
    did_you_mean_code(&format!("{what} \"{suggestion}\""))
}

pub fn help_no_lines(what: Breakdown) -> Text {
    let what = what.keyword();
    t(
        format!("the document declares no {what} lines"),
        format!("文件中没有申报{}项", side_zh(what)),
    )
}

pub fn help_lines_are(what: Breakdown, known: &[String]) -> Text {
    let what = what.keyword();
    let (en, zh) = quoted_list(known);
    t(
        format!("the {what} lines are: {en}"),
        format!("现有的{}项：{zh}", side_zh(what)),
    )
}

// ── Directions ──────────────────────────────────────────────────────────────────────────────────

pub fn direction_named_twice(name: &str) -> Text {
    t(
        format!("two directions are named \"{name}\""),
        format!("有两个支出方向都叫{}", q(name)),
    )
}

pub fn label_named_again() -> Text {
    t("named again here", "此处再次使用该名称")
}

pub fn label_first_named() -> Text {
    t("first named here", "首次使用于此")
}

pub fn help_direction_names_unique() -> Text {
    t(
        "give each direction or project its own name; references and the summary table tell them apart by name",
        "请为每个支出方向或项目取不同的名称；引用和汇总表都按名称区分它们",
    )
}

pub fn period_unreadable(period: &str) -> Text {
    t(
        format!("the period \"{period}\" is kept as written"),
        format!("实施期{}无法识别，按原文保留", q(period)),
    )
}

pub fn label_period_unreadable() -> Text {
    t("not read as dates or a length", "无法识别为日期或期限")
}

pub fn help_period_forms() -> Text {
    t(
        "write it as 1年, 36个月, 2021-2025年, 2024.07-2025.06, 2024年3月-2025年2月, 2024-01-01至2024-12-31 or 长期 so bdl can check it against the budget year",
        "请写成 1年、36个月、2021-2025年、2024.07-2025.06、2024年3月-2025年2月、2024-01-01至2024-12-31 或 长期 等形式，以便与预算年度核对",
    )
}

pub fn cost_labelled_twice(label: &str) -> Text {
    t(
        format!("two costs are labelled \"{label}\""),
        format!("有两个成本项都叫{}", q(label)),
    )
}

pub fn label_labelled_again() -> Text {
    t("labelled again here", "此处再次使用该名称")
}

pub fn label_first_labelled() -> Text {
    t("first labelled here", "首次使用于此")
}

pub fn help_cost_labels_unique() -> Text {
    t(
        "give each cost line of a direction its own label",
        "同一支出方向下的各成本项请使用不同的名称",
    )
}

pub fn direction_without_amount(name: &str) -> Text {
    t(
        format!("\"{name}\" has no amount"),
        format!("{}没有金额", q(name)),
    )
}

pub fn label_no_amount_no_basis() -> Text {
    t("no amount and no cost basis", "既没有金额，也没有测算依据")
}

pub fn help_direction_without_amount() -> Text {
    t(
        "give the amount (`amount 36.72`), a cost basis (`< people 50 rate 612/month >` or `cost \"项\" < qty 40 台 price 1500 >`), or sub-directions",
        "请填写金额（`amount 36.72`）、测算依据（`< people 50 rate 612/month >` 或 `cost \"项\" < qty 40 台 price 1500 >`）或子方向",
    )
}

pub fn direction_fact_twice(key: &str) -> Text {
    t(
        format!("`{key}` is given twice in this direction"),
        format!("本支出方向中 `{key}` 填写了两次"),
    )
}

// ── Indicators ──────────────────────────────────────────────────────────────────────────────────

pub fn indicator_option_twice(key: &str) -> Text {
    t(
        format!("`{key}` is given twice for this indicator"),
        format!("本指标的 `{key}` 填写了两次"),
    )
}

pub fn help_keep_one(key: &str) -> Text {
    t(format!("keep one `{key}`"), format!("请只保留一个 `{key}`"))
}

pub fn unknown_sense(value: &str) -> Text {
    t(
        format!("`sense {value}` is neither 正向 nor 反向"),
        format!("`sense {value}` 既不是正向，也不是反向"),
    )
}

pub fn label_unknown_sense() -> Text {
    t("unknown 指标方向", "无法识别的指标方向")
}

pub fn help_sense() -> Text {
    t(
        "write `sense 正向` (more is better) or `sense 反向` (less is better), or leave it out to follow the operator",
        "请写 `sense 正向`（越大越好）或 `sense 反向`（越小越好）；也可以不写，按比较符号确定",
    )
}

pub fn unknown_level2(name: &str, framework: &str) -> Text {
    t(
        format!("\"{name}\" is not a 二级指标 of the {framework} framework"),
        format!("{}不是{}中的二级指标", q(name), framework_zh(framework)),
    )
}

pub fn label_unknown_level2() -> Text {
    t("unknown 二级指标", "无法识别的二级指标")
}

/// A 一级指标 written where the 二级指标 goes; `under`: its 二级指标.
pub fn help_level1_as_level2(name: &str, under: &[&str]) -> Text {
    t(
        format!(
            "{name} is a 一级指标; name the 二级指标 under it: {}",
            list_en(under)
        ),
        format!("{name}是一级指标，请填写其下的二级指标：{}", list_zh(under)),
    )
}

pub fn help_level2_are(suggestion: Option<&str>, framework: &str, categories: &[&str]) -> Text {
    let (en, zh) = (list_en(categories), list_zh(categories));
    let fw = framework_zh(framework);
    match suggestion {
        Some(s) => t(
            format!("did you mean `{s}`? The {framework} framework's 二级指标 are: {en}"),
            format!("是否应为 `{s}`？{fw}的二级指标有：{zh}"),
        ),
        None => t(
            format!("the {framework} framework's 二级指标 are: {en}"),
            format!("{fw}的二级指标有：{zh}"),
        ),
    }
}

pub fn unknown_level1(name: &str, framework: &str) -> Text {
    t(
        format!("\"{name}\" is not a 一级指标 of the {framework} framework"),
        format!("{}不是{}中的一级指标", q(name), framework_zh(framework)),
    )
}

pub fn label_unknown_level1() -> Text {
    t("unknown 一级指标", "无法识别的一级指标")
}

pub fn help_level1_are(suggestion: Option<&str>, framework: &str, tiers: &[&str]) -> Text {
    let (en, zh) = (list_en(tiers), list_zh(tiers));
    match suggestion {
        Some(s) => t(
            format!("did you mean `{s}`? The 一级指标 are: {en}"),
            format!("是否应为 `{s}`？一级指标有：{zh}"),
        ),
        None => t(
            format!("the {framework} framework's 一级指标 are: {en}"),
            format!("{}的一级指标有：{zh}", framework_zh(framework)),
        ),
    }
}

pub fn wrong_level1(name: &str, right: &str, written: &str) -> Text {
    t(
        format!("\"{name}\" belongs under {right}, not under {written}"),
        format!("{}应归入{right}，而不是{written}", q(name)),
    )
}

pub fn label_should_be(right: &str) -> Text {
    t(format!("should be {right}"), format!("应为{right}"))
}

pub fn label_level2_of(tier: &str) -> Text {
    t(
        format!("a 二级指标 of {tier}"),
        format!("{tier}下的二级指标"),
    )
}

pub fn help_wrong_level1(right: &str) -> Text {
    t(
        format!("write `{right}` here, or leave the 一级指标 out: the framework knows it"),
        format!("请在此处写 `{right}`，或者不写一级指标：指标体系会自动归类"),
    )
}

/// `what`: the reference keyword (`people`, `qty`, `amount`).
pub fn reference_needs_direction(what: &str) -> Text {
    t(
        format!("`{what}` outside a direction must say which direction it counts"),
        format!("在支出方向之外使用 `{what}`，须注明统计的是哪个支出方向"),
    )
}

pub fn label_which_direction() -> Text {
    t("of which direction?", "哪个支出方向？")
}

pub fn help_reference_of(what: &str, example: &str) -> Text {
    t(
        format!("write `{what} of \"{example}\"`"),
        format!("请写成 `{what} of \"{example}\"`"),
    )
}

pub fn counts_no_people(name: &str) -> Text {
    t(
        format!("\"{name}\" counts no people"),
        format!("{}不是按人数测算的", q(name)),
    )
}

pub fn label_no_people_basis() -> Text {
    t("no `people` basis to count", "没有可统计的 `people` 依据")
}

pub fn label_direction_has_no_people() -> Text {
    t(
        "this direction has no `people N` basis",
        "该支出方向没有 `people N` 测算依据",
    )
}

pub fn help_counts_no_people() -> Text {
    t(
        "give the direction a basis such as `< people 50 rate 612/month >`, or write the number itself (`= 50人`)",
        "请为该支出方向写上测算依据，如 `< people 50 rate 612/month >`，或直接写出人数（`= 50人`）",
    )
}

pub fn has_no_qty(name: &str) -> Text {
    t(
        format!("\"{name}\" has no `qty` basis"),
        format!("{}没有 `qty` 测算依据", q(name)),
    )
}

pub fn label_nothing_to_count() -> Text {
    t("nothing to count", "没有可统计的数量")
}

pub fn help_has_no_qty() -> Text {
    t(
        "give the direction a basis such as `< qty 40 台 price 1500 >`, or write the number itself",
        "请为该支出方向写上测算依据，如 `< qty 40 台 price 1500 >`，或直接写出数量",
    )
}

pub fn counts_in_two_units(name: &str, unit: &str, other: &str) -> Text {
    t(
        format!("\"{name}\" counts in {unit} and in {other}: they cannot be added"),
        format!("{}的数量分别以“{unit}”和“{other}”计，不能相加", q(name)),
    )
}

pub fn label_another_unit() -> Text {
    t("another unit", "另一种单位")
}

pub fn label_adds_them_up() -> Text {
    t("adds them up", "此处将它们相加")
}

pub fn help_counts_in_two_units() -> Text {
    t(
        "refer to one count only by writing the number, or split the direction",
        "请直接写出数字，只引用其中一种数量；或将该支出方向拆分",
    )
}

pub fn no_total() -> Text {
    t(
        "the document has no total to refer to",
        "文件中没有可引用的资金总额",
    )
}

pub fn label_no_total() -> Text {
    t("no 资金总额", "没有资金总额")
}

pub fn help_no_total() -> Text {
    t(
        "declare `total …` or income / spending lines",
        "请填写 `total …`，或申报收入、支出各项",
    )
}

// ── Checks: references ──────────────────────────────────────────────────────────────────────────

/// `written`: the reference as written (`people of "巡逻"`); `counts_in`: its unit.
pub fn reference_unit_mismatch(name: &str, unit: &str, written: &str, counts_in: &str) -> Text {
    t(
        format!("\"{name}\" is written in {unit}, but `{written}` counts in {counts_in}"),
        format!(
            "{}以“{unit}”填写，但 `{written}` 以“{counts_in}”计",
            q(name)
        ),
    )
}

pub fn label_unit_does_not_fit() -> Text {
    t("unit does not fit", "单位不符")
}

pub fn label_counts_in(unit: &str) -> Text {
    t(format!("counts in {unit}"), format!("以“{unit}”计"))
}

/// `number`: the derived number.
pub fn help_reference_unit(unit: &str, number: &str, written: &str) -> Text {
    t(
        format!(
            "write the number in {unit} (`{number}{unit} from {written}`), or leave the number out (`= {written}`)"
        ),
        format!("请以“{unit}”填写（`{number}{unit} from {written}`），或不写数字（`= {written}`）"),
    )
}

/// `says`: the number and unit written; `derived`: what the reference computes, with its unit.
pub fn quantity_contradicts(name: &str, says: &str, written: &str, derived: &str) -> Text {
    t(
        format!("\"{name}\" says {says}, but `{written}` is {derived}"),
        format!(
            "{}填写的是{says}，但 `{written}` 为{derived}，两者不符",
            q(name)
        ),
    )
}

pub fn label_derived(derived: &str) -> Text {
    t(format!("{derived} derived"), format!("推算为{derived}"))
}

pub fn help_quantity_contradicts(derived: &str, how: &Text) -> Text {
    t(
        format!(
            "write {derived}, or correct the facts it comes from ({})",
            how.en
        ),
        format!("请改为{derived}，或更正其来源数据（{}）", how.zh),
    )
}

pub fn label_counted_here() -> Text {
    t("counted here", "计入于此")
}

// ── Checks: goals and periods ───────────────────────────────────────────────────────────────────

/// `what`: 实施期绩效目标 or 年度绩效目标; `diff`: the changed characters marked `[old→new]`.
pub fn goal_worded_differently(what: &str, name: &str, diff: &str) -> Text {
    t(
        format!("the {what} of \"{name}\" is worded differently in the summary table: {diff}"),
        format!("{}的{what}在汇总表中的表述与本表不同：{diff}", q(name)),
    )
}

pub fn label_in_summary_table() -> Text {
    t("printed in the summary table", "汇总表中的表述")
}

pub fn label_in_own_table() -> Text {
    t(
        "printed in the direction's own table",
        "支出方向绩效目标表中的表述",
    )
}

pub fn help_goal_worded_differently(summary_kw: &str, own_kw: &str) -> Text {
    t(
        format!(
            "if both tables should say the same, delete the `{summary_kw}` line and keep `{own_kw}`"
        ),
        format!("如两张表应表述一致，请删除 `{summary_kw}` 一行，保留 `{own_kw}`"),
    )
}

pub fn period_excludes_year(period: &str, name: &str, year: i32) -> Text {
    t(
        format!("the period \"{period}\" of \"{name}\" does not include the budget year {year}"),
        format!("{}的实施期{}不包含预算年度（{year}年）", q(name), q(period)),
    )
}

pub fn label_outside_year() -> Text {
    t("outside the budget year", "不在预算年度内")
}

pub fn label_budget_year() -> Text {
    t("the budget year", "预算年度")
}

pub fn help_period_excludes_year() -> Text {
    t(
        "correct the period or the year; a period copied from last year's file is the usual cause",
        "请更正实施期或预算年度；常见原因是沿用了上年文件中的实施期",
    )
}

// ── Checks: amounts and totals ──────────────────────────────────────────────────────────────────

pub fn amount_differs_from_basis(
    name: &str,
    declared: &str,
    derived: &str,
    difference: &Text,
) -> Text {
    t(
        format!(
            "\"{name}\" is declared as {declared} but its cost basis computes {derived} (a difference of {})",
            difference.en
        ),
        format!(
            "{}声明的金额与测算依据不符：申报{declared}，按测算依据计算为{derived}，相差{}",
            q(name),
            difference.zh
        ),
    )
}

/// `exact`: the derived amount as a number (`1.878`); `how`: how the basis computes it.
pub fn help_amount_differs_from_basis(exact: &str, how: &Text) -> Text {
    t(
        format!("write `amount {exact}`, or correct the basis: {}", how.en),
        format!("请将金额改为 `amount {exact}`，或更正测算依据：{}", how.zh),
    )
}

/// `name`: the line or direction; `None` for 资金总额.
pub fn sub_yuan(name: Option<&str>, figure: &str) -> Text {
    match name {
        Some(n) => t(
            format!("\"{n}\" {figure} is not a whole number of 元"),
            format!("{}的金额{figure}不是整元数", q(n)),
        ),
        None => t(
            format!("资金总额 {figure} is not a whole number of 元"),
            format!("资金总额{figure}不是整元数"),
        ),
    }
}

pub fn label_fraction_of_yuan() -> Text {
    t("a fraction of 1 元", "含不足1元的零头")
}

pub fn help_sub_yuan_wan() -> Text {
    t(
        "amounts in 万元 are exact to 1 元 with 4 decimals; round the figure or check its basis",
        "以万元为单位时，保留4位小数即精确到1元；请取整，或核对其测算依据",
    )
}

pub fn help_sub_yuan_yuan() -> Text {
    t(
        "budget amounts are whole 元; round the figure or check its basis",
        "预算金额应为整元；请取整，或核对其测算依据",
    )
}

pub fn line_differs_from_parts(
    what: Breakdown,
    name: &str,
    declared: &str,
    derived: &str,
    difference: &Text,
) -> Text {
    let what = what.keyword();
    t(
        format!(
            "{what} \"{name}\" is declared as {declared} but its parts add up to {derived} (a difference of {})",
            difference.en
        ),
        format!(
            "{}项{}申报{declared}，但各组成部分合计为{derived}，相差{}",
            side_zh(what),
            q(name),
            difference.zh
        ),
    )
}

/// `exact`: the sum of the parts as a number; `how`: the parts.
pub fn help_line_differs_from_parts(exact: &str, how: &Text) -> Text {
    t(
        format!("write {exact} here, or correct the parts ({})", how.en),
        format!("请将此处改为{exact}，或更正各组成部分（{}）", how.zh),
    )
}

pub fn label_a_part() -> Text {
    t("a part", "组成部分")
}

pub fn sub_lines_differ(name: &str, children: &str, amount: &str) -> Text {
    t(
        format!("the 其中 lines of \"{name}\" add up to {children}, not {amount}"),
        format!("{}的其中项合计为{children}，而不是{amount}", q(name)),
    )
}

pub fn label_this_line_is(amount: &str) -> Text {
    t(format!("this line is {amount}"), format!("本项为{amount}"))
}

pub fn help_sub_lines_differ() -> Text {
    t(
        "correct the 其中 lines so that they add up to the line above them",
        "请更正其中项，使其合计等于上一级的金额",
    )
}

/// A figure that matches only when rounded to the `decimals` it is printed with.
pub fn printed_precision(name: &str, decimals: u32, exact: &str) -> Text {
    let en = if decimals == 1 {
        "1 decimal".to_string()
    } else {
        format!("{decimals} decimals")
    };
    t(
        format!("\"{name}\" is printed with {en}; the exact figure is {exact}"),
        format!("{}按{decimals}位小数填写，精确值为{exact}", q(name)),
    )
}

pub fn label_agrees_at(decimals: u32) -> Text {
    let en = if decimals == 1 {
        "1 decimal".to_string()
    } else {
        format!("{decimals} decimals")
    };
    t(format!("agrees at {en}"), format!("按{decimals}位小数一致"))
}

/// `exact`: the exact figure as a number.
pub fn help_printed_precision(exact: &str) -> Text {
    t(
        format!(
            "write {exact} to keep the exact figure, or leave it: it matches at the printed precision"
        ),
        format!("如需保留精确值，请改为{exact}；也可以不改：按所填精度是一致的"),
    )
}

pub fn breakdowns_differ(income: &str, spending: &str, difference: &Text) -> Text {
    t(
        format!(
            "the income breakdown adds up to {income} but the spending breakdown to {spending} (a difference of {})",
            difference.en
        ),
        format!(
            "按收入性质分合计为{income}，按支出性质分合计为{spending}，两者相差{}",
            difference.zh
        ),
    )
}

pub fn label_spending_adds_up(figure: &str) -> Text {
    t(
        format!("spending adds up to {figure}"),
        format!("支出合计{figure}"),
    )
}

pub fn label_income_adds_up(figure: &str) -> Text {
    t(
        format!("income adds up to {figure}"),
        format!("收入合计{figure}"),
    )
}

pub fn help_breakdowns_differ() -> Text {
    t(
        "按收入性质分 and 按支出性质分 are two splits of the same 资金总额: correct the line that is wrong",
        "按收入性质分和按支出性质分是同一资金总额的两种划分，请更正有误的项",
    )
}

pub fn total_differs(declared: &str, what: Breakdown, sum: &str, difference: &Text) -> Text {
    let what = what.keyword();
    t(
        format!(
            "资金总额 is declared as {declared} but the {what} lines add up to {sum} (a difference of {})",
            difference.en
        ),
        format!(
            "资金总额申报{declared}，但{}各项合计为{sum}，相差{}",
            side_zh(what),
            difference.zh
        ),
    )
}

pub fn help_total_differs(exact: &str, what: Breakdown) -> Text {
    let what = what.keyword();
    t(
        format!("write `total {exact}`, or correct the {what} lines"),
        format!(
            "请将资金总额改为 `total {exact}`，或更正{}各项",
            side_zh(what)
        ),
    )
}

pub fn funds_differ(name: &str, sum: &str, amount: &str, difference: &Text) -> Text {
    t(
        format!(
            "the funds of \"{name}\" add up to {sum} but its amount is {amount} (a difference of {})",
            difference.en
        ),
        format!(
            "{}的各项资金来源合计为{sum}，但其金额为{amount}，相差{}",
            q(name),
            difference.zh
        ),
    )
}

pub fn label_funds_add_up(figure: &str) -> Text {
    t(
        format!("funds add up to {figure}"),
        format!("资金来源合计{figure}"),
    )
}

pub fn label_amount(figure: &str) -> Text {
    t(format!("amount {figure}"), format!("金额{figure}"))
}

pub fn help_funds_differ() -> Text {
    t(
        "年度资金总额 is the sum of its sources: correct a source or the amount",
        "年度资金总额应等于各项资金来源之和，请更正资金来源或金额",
    )
}

// ── Checks: cost caps ───────────────────────────────────────────────────────────────────────────

/// What a cost cap caps: a direction's amount.
pub fn capped_direction(name: &str) -> Text {
    t(
        format!("the amount of \"{name}\""),
        format!("{}的金额", q(name)),
    )
}

/// What a department's cost cap caps when it has directions.
pub fn capped_project_spending() -> Text {
    t(
        "项目支出 (the sum of the directions)",
        "项目支出（各支出方向合计）",
    )
}

/// What a department's cost cap caps otherwise.
pub fn capped_total() -> Text {
    t("资金总额", "资金总额")
}

/// `cap`: `≤40万元`; `what`: what it caps ([`capped_direction`] …); `amount`: that amount.
pub fn cost_cap_above(cap: &str, what: &Text, amount: &str) -> Text {
    t(
        format!("the cost cap {cap} is above {}, {amount}", what.en),
        format!("成本指标{cap}高于{}{amount}", what.zh),
    )
}

pub fn label_above_by(figure: &str) -> Text {
    t(
        format!("above the amount by {figure}"),
        format!("超出金额{figure}"),
    )
}

/// `cap_at`: the operator and the amount (`≤36.72万元`).
pub fn help_cost_cap_above(cap_at: &str) -> Text {
    t(
        format!("write `<= amount` (or {cap_at}) so the cap follows the budget"),
        format!("请写成 `<= amount`（或 {cap_at}），使成本上限随预算金额变化"),
    )
}

pub fn cost_cap_below(cap: &str, what: &Text, amount: &str) -> Text {
    t(
        format!("the cost cap {cap} is below {}, {amount}", what.en),
        format!("成本指标{cap}低于{}{amount}", what.zh),
    )
}

pub fn label_below_by(figure: &str) -> Text {
    t(
        format!("below the amount by {figure}"),
        format!("比金额低{figure}"),
    )
}

pub fn help_cost_cap_below() -> Text {
    t(
        "tables usually cap the cost at the amount itself (`<= amount`); keep a lower cap only if it is meant",
        "成本指标一般以金额本身为上限（`<= amount`）；如确需更低的上限，可以保留",
    )
}

pub fn strict_cap_equal(cap: &str, amount: &str) -> Text {
    t(
        format!("the cost cap {cap} excludes the amount itself, {amount}"),
        format!("成本指标{cap}把金额本身{amount}排除在外"),
    )
}

pub fn label_strictly_below() -> Text {
    t("strictly below the whole budget", "要求严格低于全部预算")
}

pub fn help_strict_cap() -> Text {
    t(
        "write `≤` (<=): spending the whole budget should meet the target",
        "请改用 `≤`（<=）：预算全部支出时也应算作达到目标",
    )
}

// ── Checks: indicator values ────────────────────────────────────────────────────────────────────

/// `below_90`, `not_at_least`: what is unusual about it.
pub fn satisfaction_low(name: &str, below_90: bool, not_at_least: bool) -> Text {
    let (en, zh) = match (below_90, not_at_least) {
        (true, true) => (
            "is below 90% and not a `≥` target",
            "低于90%，且不是 `≥` 目标",
        ),
        (true, false) => ("is below 90%", "低于90%"),
        _ => ("is not a `≥` target", "不是 `≥` 目标"),
    };
    t(
        format!("the satisfaction target \"{name}\" {en}"),
        format!("满意度指标{}{zh}", q(name)),
    )
}

pub fn label_unusual_satisfaction() -> Text {
    t("unusual 满意度", "满意度指标值异常")
}

pub fn help_satisfaction() -> Text {
    t(
        "satisfaction targets are almost always `>= 90%` or `>= 95%`",
        "满意度指标值一般为 `>= 90%` 或 `>= 95%`",
    )
}

pub fn percent_above_100(name: &str, number: &str) -> Text {
    t(
        format!("\"{name}\" targets {number}%, above 100%"),
        format!("{}的指标值为{number}%，超过100%", q(name)),
    )
}

pub fn label_above_100() -> Text {
    t("above 100%", "超过100%")
}

pub fn help_percent_above_100() -> Text {
    t(
        "legal for some rates (完成及时率 ≥100%), but check it is not a typing mistake",
        "有些比率可以超过100%（如完成及时率 ≥100%），但请确认不是输入错误",
    )
}

pub fn indicator_twice(name: &str) -> Text {
    t(
        format!("the indicator \"{name}\" appears twice in one table"),
        format!("同一张表中指标{}出现了两次", q(name)),
    )
}

pub fn help_indicator_names_unique() -> Text {
    t(
        "name each indicator of a table differently, or merge the two rows",
        "同一张表中的指标请使用不同的名称，或将两行合并",
    )
}

/// `indicator`: the indicator's name, when the placeholder is its value (`None` for the name itself).
pub fn placeholder(indicator: Option<&str>, text: &str) -> Text {
    match indicator {
        Some(name) => t(
            format!("the value of the indicator \"{name}\" is placeholder text \"{text}\""),
            format!("指标{}的指标值是占位文字{}", q(name), q(text)),
        ),
        None => t(
            format!("the indicator's name is placeholder text \"{text}\""),
            format!("指标名称是占位文字{}", q(text)),
        ),
    }
}

pub fn label_placeholder() -> Text {
    t("placeholder", "占位文字")
}

pub fn help_placeholder() -> Text {
    t(
        "write the real name or target; reviewers reject tables left with XX, * or -",
        "请填写实际的指标名称或指标值；留有 XX、* 或 - 的表审核时会被退回",
    )
}

pub fn name_too_long(chars: usize, limit: usize) -> Text {
    t(
        format!("the indicator name has {chars} characters; the systems take at most {limit}"),
        format!("指标名称有{chars}个字，预算系统最多接受{limit}个字"),
    )
}

pub fn help_name_too_long() -> Text {
    t(
        "shorten the name; put the detail in `note` or `explain`",
        "请精简指标名称，详细内容写入 `note` 或 `explain`",
    )
}

pub fn value_too_long(indicator: &str, chars: usize, limit: usize) -> Text {
    t(
        format!(
            "the value of the indicator \"{indicator}\" has {chars} characters; the systems take at most {limit}"
        ),
        format!(
            "指标{}的指标值有{chars}个字，预算系统最多接受{limit}个字",
            q(indicator)
        ),
    )
}

pub fn help_value_too_long() -> Text {
    t(
        "shorten the value; put the detail in `note` or `explain`",
        "请精简指标值，详细内容写入 `note` 或 `explain`",
    )
}

// ── Checks: completeness ────────────────────────────────────────────────────────────────────────

/// Whose table: a direction's (`Some(name)`) or the department's.
fn whose(direction: Option<&str>) -> (String, String) {
    match direction {
        Some(n) => (format!("\"{n}\""), q(n)),
        None => (
            "the department table".to_string(),
            "部门整体绩效目标表".to_string(),
        ),
    }
}

pub fn categories_empty(direction: Option<&str>, categories: &[&str]) -> Text {
    let (en, zh) = whose(direction);
    t(
        format!("{en} has no 年度 indicator under {}", list_en(categories)),
        format!("{zh}缺少以下二级指标的年度指标：{}", list_zh(categories)),
    )
}

pub fn label_categories_empty() -> Text {
    t("categories left empty", "二级指标空缺")
}

pub fn help_categories_empty(first: &str) -> Text {
    t(
        format!(
            "add an indicator for each, for example `indicator {first} \"…\" …`, or accept the gap if the form allows it"
        ),
        format!("请逐项补充指标，例如 `indicator {first} \"…\" …`；如表样允许空缺，也可以不填"),
    )
}

pub fn no_satisfaction(direction: Option<&str>, category: &str) -> Text {
    let (en, zh) = whose(direction);
    t(
        format!("{en} has no satisfaction indicator ({category})"),
        format!("{zh}缺少满意度指标（{category}）"),
    )
}

pub fn label_no_satisfaction() -> Text {
    t("no 满意度", "缺少满意度指标")
}

pub fn help_no_satisfaction(category: &str) -> Text {
    t(
        format!("add one, usually `indicator {category} \"服务对象满意度\" >= 90%`"),
        format!("请补充一项，通常为 `indicator {category} \"服务对象满意度\" >= 90%`"),
    )
}

/// `missing`: the goals missing, as (name, keyword): (实施期绩效目标, goal), (年度绩效目标, annual).
pub fn goals_missing(name: &str, missing: &[(&str, &str)]) -> Text {
    let names: Vec<&str> = missing.iter().map(|m| m.0).collect();
    t(
        format!("\"{name}\" has no {}", names.join(" and no ")),
        format!("{}没有填写{}", q(name), names.join("和")),
    )
}

pub fn label_goals_missing() -> Text {
    t("goals missing", "缺少绩效目标")
}

pub fn help_goals_missing(missing: &[(&str, &str)]) -> Text {
    let lines: Vec<String> = missing.iter().map(|m| format!("`{} \"…\"`", m.1)).collect();
    t(
        format!("add {} inside the direction's block", lines.join(" and ")),
        format!("请在该支出方向的 {{ … }} 中加上 {}", lines.join(" 和 ")),
    )
}

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

pub fn folder_format_unsupported(format: &str) -> Text {
    t(
        format!(
            "error: a folder is built as md or json; build each file with --format {format} on its own"
        ),
        format!("错误：整个文件夹只能生成 md 或 json；--format {format} 请逐个文件生成"),
    )
}

pub fn folder_diagnostic_format_unsupported() -> Text {
    t(
        "error: a folder is checked with human-readable reports; give the files themselves for --format short or json (for example: bdl check --format json dir/*.bdl)",
        "错误：检查整个文件夹时只输出可读的报告；如需 --format short 或 json，请直接列出文件（例如：bdl check --format json dir/*.bdl）",
    )
}

pub fn nothing_written() -> Text {
    t(
        "nothing written: fix the errors above first",
        "未写入任何内容：请先改正上面的错误",
    )
}

pub fn xlsx_needs_output() -> Text {
    t(
        "error: --format xlsx writes a binary workbook, not text for the terminal; name the file to write with -o, for example -o tables.xlsx",
        "错误：--format xlsx 生成的是二进制工作簿，不能输出到终端；请用 -o 指定要写入的文件，例如 -o tables.xlsx",
    )
}

pub fn cannot_make_workbook(why: &str) -> Text {
    t(
        format!("error: cannot make the workbook: {why}"),
        format!("错误：无法生成工作簿：{why}"),
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

/// A file in another encoding, read by a command that takes text whole: `[B1004] message` and help.
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

#[cfg(test)]
pub(crate) mod samples {
    //! Every entry of the catalogue, called with sample arguments, for the test that each has both
    //! languages (and the test that this list names every entry).
    use super::*;

    pub fn all() -> Vec<(&'static str, Text)> {
        let d = t("0.008万元", "0.008万元");
        let names = vec!["甲".to_string(), "乙".to_string()];
        let what = capped_direction("巡逻");
        vec![
            ("label_here", label_here()),
            ("label_not_found", label_not_found()),
            ("label_given_again", label_given_again()),
            ("label_first_given", label_first_given()),
            ("label_again_here", label_again_here()),
            ("label_first_here", label_first_here()),
            ("label_no_amount", label_no_amount()),
            ("label_too_long", label_too_long()),
            ("label_per_what", label_per_what()),
            ("label_declared", label_declared("1.87万元")),
            ("figure", figure("1.87万元")),
            ("difference_too_large", difference_too_large()),
            ("did_you_mean_name", did_you_mean_name("巡逻")),
            (
                "syntax_expected",
                syntax_expected(
                    &[Expected::Number, Expected::Keyword("by")],
                    &Found::EndOfLine,
                ),
            ),
            ("label_not_expected", label_not_expected()),
            ("syntax_internal", syntax_internal("x")),
            ("help_report_bug", help_report_bug()),
            ("help_texts_in_quotes", help_texts_in_quotes("year 2021")),
            ("help_line_reads_like", help_line_reads_like("year 2021")),
            (
                "help_line_starts_with_keyword",
                help_line_starts_with_keyword(),
            ),
            ("not_text", not_text(3)),
            ("label_not_text", label_not_text()),
            ("help_not_text", help_not_text()),
            ("not_utf8", not_utf8("UTF-16LE", "filer")),
            ("label_not_utf8", label_not_utf8()),
            ("help_convert_to_utf8", help_convert_to_utf8("GB18030")),
            ("file_too_large", file_too_large(9, 8)),
            ("label_too_large", label_too_large()),
            ("help_split_file", help_split_file()),
            ("nested_too_deep", nested_too_deep(32)),
            ("label_too_deep", label_too_deep()),
            ("help_flatten", help_flatten()),
            ("invisible_character", invisible_character(0x202E)),
            ("label_invisible_character", label_invisible_character()),
            ("help_delete_invisible", help_delete_invisible()),
            ("unterminated_text", unterminated_text()),
            ("label_no_closing_quote", label_no_closing_quote()),
            (
                "help_fullwidth_closing_quote",
                help_fullwidth_closing_quote("goal \"x\""),
            ),
            (
                "help_add_closing_quote",
                help_add_closing_quote("goal \"x\""),
            ),
            ("full_width", full_width('＜', "<")),
            ("label_full_width", label_full_width()),
            ("help_half_width", help_half_width("year 2021")),
            ("thousands_separator", thousands_separator("1,000")),
            ("label_no_separators", label_no_separators()),
            ("help_plain_number", help_plain_number("1000")),
            ("rate_without_period", rate_without_period()),
            ("help_rate_period_example", help_rate_period_example()),
            (
                "rate_number_without_period",
                rate_number_without_period("612"),
            ),
            ("help_rate_number_period", help_rate_number_period("612")),
            ("unknown_keyword", unknown_keyword("indicater")),
            ("label_unknown_keyword", label_unknown_keyword()),
            ("did_you_mean_code", did_you_mean_code("indicator")),
            (
                "help_keywords",
                help_keywords(&["year", "filer"], &["special"]),
            ),
            ("unopened_block", unopened_block()),
            ("label_nothing_to_close", label_nothing_to_close()),
            ("help_unopened_block", help_unopened_block()),
            ("unknown_money_unit", unknown_money_unit("万")),
            ("label_not_a_money_unit", label_not_a_money_unit()),
            ("help_money_unit", help_money_unit("万元")),
            (
                "negative_number",
                negative_number(NegativeWhat::Count, "-50"),
            ),
            ("label_negative", label_negative()),
            ("help_negative", help_negative()),
            ("folder_summary", folder_summary(true, 12, 11, 1)),
            (
                "folder_diagnostic_format_unsupported",
                folder_diagnostic_format_unsupported(),
            ),
            ("file_not_written", file_not_written("a/b.bdl")),
            ("cannot_roll_up", cannot_roll_up("a/b.bdl", "overflow")),
            (
                "output_takes_rollup_place",
                output_takes_rollup_place("_rollup.bdl", "_rollup.json"),
            ),
            (
                "rollup_inexact",
                rollup_inexact("overflow", "out/_rollup.json"),
            ),
            ("cannot_start_threads", cannot_start_threads(2, "limit")),
            ("folder_needs_output", folder_needs_output("budgets")),
            ("output_is_a_file", output_is_a_file("out.json")),
            (
                "folder_format_unsupported",
                folder_format_unsupported("html"),
            ),
            ("too_complex", too_complex()),
            ("label_parsing_stopped", label_parsing_stopped()),
            ("help_too_complex", help_too_complex()),
            ("unclosed_block", unclosed_block()),
            ("label_opened_here", label_opened_here()),
            ("help_close_block", help_close_block("direction \"x\" {")),
            ("property_parses", property_parses()),
            ("property_idempotent", property_idempotent()),
            ("property_same_model", property_same_model()),
            ("property_same_comments", property_same_comments()),
            ("property_same_literals", property_same_literals()),
            ("format_unverified", format_unverified(&property_parses())),
            ("label_this_file", label_this_file()),
            ("help_format_bug", help_format_bug()),
            ("number_too_long", number_too_long()),
            ("label_more_than_28_digits", label_more_than_28_digits()),
            ("help_number_too_long", help_number_too_long()),
            ("amount_overflows", amount_overflows()),
            ("label_overflows", label_overflows("1 × 2")),
            ("not_exact", not_exact("1 ÷ 3")),
            ("label_not_exact", label_not_exact("1 ÷ 3")),
            ("help_not_exact", help_not_exact()),
            ("help_amount_overflows", help_amount_overflows()),
            ("no_framework", no_framework()),
            ("label_which_framework", label_which_framework()),
            ("help_name_framework", help_name_framework()),
            ("unknown_direction", unknown_direction("巡逻")),
            (
                "help_unknown_direction_suggest",
                help_unknown_direction_suggest("巡逻"),
            ),
            ("help_no_directions", help_no_directions()),
            ("help_directions_are", help_directions_are(&names)),
            ("header_twice", header_twice("year")),
            ("help_keep_one_line", help_keep_one_line("year")),
            ("not_a_budget_year", not_a_budget_year("20210")),
            ("label_not_a_year", label_not_a_year()),
            ("help_write_year", help_write_year()),
            ("precision_out_of_range", precision_out_of_range()),
            ("label_out_of_range", label_out_of_range()),
            ("help_precision", help_precision()),
            ("no_budget_year", no_budget_year()),
            ("label_titles_need_year", label_titles_need_year()),
            ("help_add_year", help_add_year()),
            ("unknown_framework", unknown_framework("hunnan")),
            ("label_unknown_profile", label_unknown_profile()),
            (
                "help_unknown_framework",
                help_unknown_framework(Some("hunan")),
            ),
            ("framework_name_twice", framework_name_twice("产出指标")),
            ("help_framework_names_unique", help_framework_names_unique()),
            (
                "line_declared_twice",
                line_declared_twice(Breakdown::Income, "拨款"),
            ),
            ("label_declared_again", label_declared_again()),
            ("label_first_declared", label_first_declared()),
            ("help_line_names_unique", help_line_names_unique()),
            (
                "line_without_amount",
                line_without_amount(Breakdown::Spending, "x"),
            ),
            (
                "help_line_without_amount",
                help_line_without_amount(Breakdown::Spending, "x"),
            ),
            ("derived_from_itself", derived_from_itself("a", "a → b → a")),
            ("label_refers_back", label_refers_back()),
            ("help_derived_from_itself", help_derived_from_itself()),
            ("no_such_line", no_such_line(Breakdown::Income, "x")),
            ("help_name_a_line", help_name_a_line(Breakdown::Income)),
            (
                "help_line_reference_suggest",
                help_line_reference_suggest(Breakdown::Spending, "项目支出"),
            ),
            ("help_no_lines", help_no_lines(Breakdown::Income)),
            ("help_lines_are", help_lines_are(Breakdown::Income, &names)),
            ("direction_named_twice", direction_named_twice("巡逻")),
            ("label_named_again", label_named_again()),
            ("label_first_named", label_first_named()),
            ("help_direction_names_unique", help_direction_names_unique()),
            ("period_unreadable", period_unreadable("若干年")),
            ("label_period_unreadable", label_period_unreadable()),
            ("help_period_forms", help_period_forms()),
            ("cost_labelled_twice", cost_labelled_twice("岗位")),
            ("label_labelled_again", label_labelled_again()),
            ("label_first_labelled", label_first_labelled()),
            ("help_cost_labels_unique", help_cost_labels_unique()),
            ("direction_without_amount", direction_without_amount("巡逻")),
            ("label_no_amount_no_basis", label_no_amount_no_basis()),
            (
                "help_direction_without_amount",
                help_direction_without_amount(),
            ),
            ("direction_fact_twice", direction_fact_twice("period")),
            ("indicator_option_twice", indicator_option_twice("note")),
            ("help_keep_one", help_keep_one("note")),
            ("unknown_sense", unknown_sense("正")),
            ("label_unknown_sense", label_unknown_sense()),
            ("help_sense", help_sense()),
            ("unknown_level2", unknown_level2("产出数目", "custom")),
            ("label_unknown_level2", label_unknown_level2()),
            (
                "help_level1_as_level2",
                help_level1_as_level2("产出指标", &["产出数量", "产出质量"]),
            ),
            (
                "help_level2_are",
                help_level2_are(None, "hunan", &["产出数量", "产出质量"]),
            ),
            ("unknown_level1", unknown_level1("产出", "hunan")),
            ("label_unknown_level1", label_unknown_level1()),
            (
                "help_level1_are",
                help_level1_are(Some("产出指标"), "hunan", &["产出指标", "效益指标"]),
            ),
            (
                "wrong_level1",
                wrong_level1("产出数量", "产出指标", "效益指标"),
            ),
            ("label_should_be", label_should_be("产出指标")),
            ("label_level2_of", label_level2_of("产出指标")),
            ("help_wrong_level1", help_wrong_level1("产出指标")),
            (
                "reference_needs_direction",
                reference_needs_direction("people"),
            ),
            ("label_which_direction", label_which_direction()),
            ("help_reference_of", help_reference_of("people", "巡逻")),
            ("counts_no_people", counts_no_people("巡逻")),
            ("label_no_people_basis", label_no_people_basis()),
            (
                "label_direction_has_no_people",
                label_direction_has_no_people(),
            ),
            ("help_counts_no_people", help_counts_no_people()),
            ("has_no_qty", has_no_qty("巡逻")),
            ("label_nothing_to_count", label_nothing_to_count()),
            ("help_has_no_qty", help_has_no_qty()),
            (
                "counts_in_two_units",
                counts_in_two_units("巡逻", "台", "辆"),
            ),
            ("label_another_unit", label_another_unit()),
            ("label_adds_them_up", label_adds_them_up()),
            ("help_counts_in_two_units", help_counts_in_two_units()),
            ("no_total", no_total()),
            ("label_no_total", label_no_total()),
            ("help_no_total", help_no_total()),
            (
                "reference_unit_mismatch",
                reference_unit_mismatch("人数", "台", "people", "人"),
            ),
            ("label_unit_does_not_fit", label_unit_does_not_fit()),
            ("label_counts_in", label_counts_in("人")),
            (
                "help_reference_unit",
                help_reference_unit("人", "50", "people"),
            ),
            (
                "quantity_contradicts",
                quantity_contradicts("人数", "50人", "people", "49人"),
            ),
            ("label_derived", label_derived("49人")),
            (
                "help_quantity_contradicts",
                help_quantity_contradicts("49人", &t("people = 49人", "people = 49人")),
            ),
            ("label_counted_here", label_counted_here()),
            (
                "goal_worded_differently",
                goal_worded_differently("年度绩效目标", "巡逻", "[a→b]"),
            ),
            ("label_in_summary_table", label_in_summary_table()),
            ("label_in_own_table", label_in_own_table()),
            (
                "help_goal_worded_differently",
                help_goal_worded_differently("summary-goal", "goal"),
            ),
            (
                "period_excludes_year",
                period_excludes_year("2019年", "巡逻", 2021),
            ),
            ("label_outside_year", label_outside_year()),
            ("label_budget_year", label_budget_year()),
            ("help_period_excludes_year", help_period_excludes_year()),
            (
                "amount_differs_from_basis",
                amount_differs_from_basis("巡逻", "1.87万元", "1.878万元", &d),
            ),
            (
                "help_amount_differs_from_basis",
                help_amount_differs_from_basis(
                    "1.878",
                    &t(
                        "5人 × 235元/人/月 × 12月 = 14100元",
                        "5人 × 235元/人/月 × 12月 = 14100元",
                    ),
                ),
            ),
            ("sub_yuan", sub_yuan(None, "1.00001万元")),
            ("label_fraction_of_yuan", label_fraction_of_yuan()),
            ("help_sub_yuan_wan", help_sub_yuan_wan()),
            ("help_sub_yuan_yuan", help_sub_yuan_yuan()),
            (
                "line_differs_from_parts",
                line_differs_from_parts(Breakdown::Income, "拨款", "1万元", "2万元", &d),
            ),
            (
                "help_line_differs_from_parts",
                help_line_differs_from_parts("2", &t("a + b", "a + b")),
            ),
            ("label_a_part", label_a_part()),
            (
                "sub_lines_differ",
                sub_lines_differ("拨款", "1万元", "2万元"),
            ),
            ("label_this_line_is", label_this_line_is("2万元")),
            ("help_sub_lines_differ", help_sub_lines_differ()),
            (
                "printed_precision",
                printed_precision("巡逻", 2, "1.878万元"),
            ),
            ("label_agrees_at", label_agrees_at(1)),
            ("help_printed_precision", help_printed_precision("1.878")),
            ("breakdowns_differ", breakdowns_differ("1万元", "2万元", &d)),
            ("label_spending_adds_up", label_spending_adds_up("2万元")),
            ("label_income_adds_up", label_income_adds_up("1万元")),
            ("help_breakdowns_differ", help_breakdowns_differ()),
            (
                "total_differs",
                total_differs("1万元", Breakdown::Income, "2万元", &d),
            ),
            (
                "help_total_differs",
                help_total_differs("2", Breakdown::Spending),
            ),
            ("funds_differ", funds_differ("巡逻", "1万元", "2万元", &d)),
            ("label_funds_add_up", label_funds_add_up("1万元")),
            ("label_amount", label_amount("2万元")),
            ("help_funds_differ", help_funds_differ()),
            ("capped_direction", what.clone()),
            ("capped_project_spending", capped_project_spending()),
            ("capped_total", capped_total()),
            (
                "cost_cap_above",
                cost_cap_above("≤40万元", &what, "36.72万元"),
            ),
            ("label_above_by", label_above_by("3.28万元")),
            ("help_cost_cap_above", help_cost_cap_above("≤36.72万元")),
            (
                "cost_cap_below",
                cost_cap_below("≤30万元", &what, "36.72万元"),
            ),
            ("label_below_by", label_below_by("6.72万元")),
            ("help_cost_cap_below", help_cost_cap_below()),
            (
                "strict_cap_equal",
                strict_cap_equal("<36.72万元", "36.72万元"),
            ),
            ("label_strictly_below", label_strictly_below()),
            ("help_strict_cap", help_strict_cap()),
            ("satisfaction_low", satisfaction_low("满意度", true, true)),
            ("label_unusual_satisfaction", label_unusual_satisfaction()),
            ("help_satisfaction", help_satisfaction()),
            ("percent_above_100", percent_above_100("及时率", "120")),
            ("label_above_100", label_above_100()),
            ("help_percent_above_100", help_percent_above_100()),
            ("indicator_twice", indicator_twice("人数")),
            ("help_indicator_names_unique", help_indicator_names_unique()),
            ("placeholder", placeholder(Some("预算资金使用率"), "XX")),
            ("label_placeholder", label_placeholder()),
            ("help_placeholder", help_placeholder()),
            ("name_too_long", name_too_long(120, 100)),
            ("help_name_too_long", help_name_too_long()),
            ("value_too_long", value_too_long("社会效益", 70, 60)),
            ("help_value_too_long", help_value_too_long()),
            (
                "categories_empty",
                categories_empty(None, &["产出质量", "产出时效"]),
            ),
            ("label_categories_empty", label_categories_empty()),
            ("help_categories_empty", help_categories_empty("产出质量")),
            ("no_satisfaction", no_satisfaction(Some("巡逻"), "满意度")),
            ("label_no_satisfaction", label_no_satisfaction()),
            ("help_no_satisfaction", help_no_satisfaction("满意度")),
            (
                "goals_missing",
                goals_missing(
                    "巡逻",
                    &[("实施期绩效目标", "goal"), ("年度绩效目标", "annual")],
                ),
            ),
            ("label_goals_missing", label_goals_missing()),
            (
                "help_goals_missing",
                help_goals_missing(&[("实施期绩效目标", "goal")]),
            ),
            ("help_heading", help_heading()),
            ("breadcrumb", breadcrumb(&["部门整体".to_string()])),
            ("summary", summary(1, 2, 1)),
            ("cannot_read", cannot_read("a.bdl", "No such file")),
            ("cannot_write", cannot_write("a.md", "denied")),
            ("nothing_written", nothing_written()),
            ("xlsx_needs_output", xlsx_needs_output()),
            ("cannot_make_workbook", cannot_make_workbook("x")),
            ("not_formatted", not_formatted("a.bdl")),
            ("would_reformat", would_reformat(2)),
            ("diff_one_stdin", diff_one_stdin()),
            ("does_not_compile", does_not_compile("a.bdl")),
            ("no_such_file", no_such_file()),
            ("git_not_run", git_not_run("x")),
            ("git_show_failed", git_show_failed("HEAD:a.bdl")),
            (
                "unknown_code",
                unknown_code(
                    "B301",
                    &[(
                        "B3010",
                        "a direction's declared amount differs from its cost basis",
                    )],
                ),
            ),
        ]
    }
}

#[cfg(test)]
mod tests {
    use super::samples;

    fn has_cjk(s: &str) -> bool {
        s.chars().any(|c| ('\u{4E00}'..='\u{9FFF}').contains(&c))
    }

    #[test]
    fn every_entry_has_english_and_chinese() {
        // Entries that are figures or fixed terms, the same in both languages by design.
        const SAME: &[&str] = &["figure", "capped_total"];
        for (id, text) in samples::all() {
            assert!(!text.en.trim().is_empty(), "{id}: no English");
            assert!(!text.zh.trim().is_empty(), "{id}: no Chinese");
            assert!(
                has_cjk(&text.zh),
                "{id}: the Chinese has no Chinese: {}",
                text.zh
            );
            if !SAME.contains(&id) {
                assert_ne!(text.en, text.zh, "{id}: the Chinese is the English");
            }
            // Chinese prose takes full-width punctuation; ASCII `,` `;` `:` `?` belong only in code.
            let prose: String = text.zh.split('`').step_by(2).collect::<Vec<_>>().join("");
            for bad in [", ", "; ", "? ", "(", ")"] {
                assert!(
                    !prose.contains(bad),
                    "{id}: half-width `{bad}` in Chinese prose: {}",
                    text.zh
                );
            }
        }
    }

    #[test]
    fn the_sample_list_names_every_entry() {
        let listed: Vec<&str> = samples::all().iter().map(|(id, _)| *id).collect();
        let defined: Vec<&str> = include_str!("catalogue.rs")
            .lines()
            .filter_map(|l| l.strip_prefix("pub fn "))
            .filter_map(|l| l.split(['(', '<']).next())
            .collect();
        for id in &defined {
            assert!(listed.contains(id), "`{id}` is missing from samples::all()");
        }
        assert_eq!(
            listed.len(),
            defined.len(),
            "samples::all() lists an entry twice"
        );
    }
}
