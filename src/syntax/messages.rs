//! The syntax stage's texts: syntax errors, typing mistakes, encodings and limits, in both languages.
//! Shared helpers and labels come from `messages::shared`.

use crate::messages::Text;
#[allow(unused_imports)]
pub(crate) use crate::messages::shared::*;

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
pub fn syntax_expected(wanted: &[Expected], found_at: &Found) -> Text {
    let found = found_at.text();
    if wanted.is_empty() {
        return match found_at {
            Found::EndOfLine => t("the line ends too early here", "这一行在此处提前结束"),
            Found::EndOfFile => t("the file ends too early here", "文件在此处提前结束"),
            Found::Token(_) => t(
                format!("unexpected {}", found.en),
                format!("此处不应出现{}", found.zh),
            ),
        };
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

pub fn label_incomplete() -> Text {
    t("something is missing here", "此处还缺内容")
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

/// B1007 for standard input, whose size is known only by reading it (it stops at the limit).
pub fn input_too_large(limit_mib: usize) -> Text {
    t(
        format!("the input goes on past {limit_mib} MiB; bdl reads files of up to {limit_mib} MiB"),
        format!("输入超过{limit_mib} MiB，bdl 最多读取{limit_mib} MiB 的文件"),
    )
}

// ── Characters (B1017) ────────────────────────────────────────────────────────────────────

/// B1017: `the file holds the control character U+001B (ESC)`.
pub fn control_character(code_point: u32, name: &str) -> Text {
    t(
        format!("the file holds the control character U+{code_point:04X} ({name})"),
        format!("文件中含有控制字符 U+{code_point:04X}（{name}）"),
    )
}

pub fn label_control_character() -> Text {
    t("control character here", "此处有控制字符")
}

pub fn help_control_character() -> Text {
    t(
        "delete it: a control character prints nothing in the tables and, shown raw, can rewrite a terminal or reorder a line; write a line break as a new line of the file",
        "请删除该字符：控制字符在表格中不显示，原样显示时会改写终端画面或颠倒文字顺序；需要换行时请另起一行",
    )
}

/// B1004 for a file that is no known encoding: where the first bad byte is, and the bytes there.
pub fn not_text_at(line: usize, column: usize, hex: &str) -> Text {
    t(
        format!(
            "the file is not text: at line {line}, column {column} the bytes {hex} are not UTF-8, and the file is not GBK or UTF-16 either"
        ),
        format!(
            "该文件不是文本文件：第{line}行第{column}列的字节 {hex} 不是 UTF-8 编码，文件也不是 GBK 或 UTF-16 编码"
        ),
    )
}

/// B5003: a text longer than an Excel cell.
pub fn too_long_for_excel(chars: usize, limit: usize) -> Text {
    t(
        format!(
            "a text has {chars} characters; an Excel cell holds at most {limit}, so the XLSX form cannot hold it"
        ),
        format!("有一段文字长{chars}个字符，Excel 单元格最多容纳{limit}个字符，XLSX 表格无法容纳"),
    )
}

pub fn too_long_for_excel_unmeasured(limit: usize) -> Text {
    t(
        format!(
            "a text is longer than an Excel cell holds (at most {limit} characters), so the XLSX form cannot hold it"
        ),
        format!("有一段文字超过 Excel 单元格的容量（最多{limit}个字符），XLSX 表格无法容纳"),
    )
}

pub fn label_too_long_for_excel() -> Text {
    t("longer than a cell holds", "超过单元格容量")
}

pub fn help_too_long_for_excel() -> Text {
    t(
        "shorten the text (Excel counts a character outside the Basic Multilingual Plane as two; all `duty` lines share one cell, as do all `goal` lines, so splitting those does not help); Markdown, JSON and HTML print it whole",
        "请缩短这段文字（Excel 把基本多文种平面以外的字符算作两个；所有 `duty` 同在一个单元格，所有 `goal` 也是，拆成多行无济于事）；Markdown、JSON 和 HTML 仍可完整输出",
    )
}

pub fn joined_too_long_for_excel(
    units: usize,
    limit: usize,
    count: usize,
    keyword: &str,
    label: &str,
) -> Text {
    t(
        format!(
            "the {count} `{keyword}` lines share one cell of the workbook ({label}), which would have {units} characters; an Excel cell holds at most {limit}, so the XLSX form cannot hold them"
        ),
        format!(
            "{count}条 `{keyword}` 在工作簿中同在一个单元格（{label}），合计{units}个字符，Excel 单元格最多容纳{limit}个字符，XLSX 表格无法容纳"
        ),
    )
}

pub fn label_joined_too_long_for_excel() -> Text {
    t("these share one cell", "这些内容同在一个单元格")
}

pub fn help_joined_too_long_for_excel(keyword: &str) -> Text {
    t(
        format!(
            "shorten the `{keyword}` lines: together, with their numbers, they must fit one cell; Markdown, JSON and HTML print them whole"
        ),
        format!(
            "请精简这些 `{keyword}`：连同编号合在一起须放得进一个单元格；Markdown、JSON 和 HTML 仍可完整输出"
        ),
    )
}

/// `rate 612/0month`: a count before `month` or `year`.
pub fn rate_period_with_count(count: &str, per: &str) -> Text {
    let what = if count.trim().trim_start_matches(['0', '.']).is_empty() {
        " (a zero period)"
    } else {
        ""
    };
    let what_zh = if what.is_empty() {
        ""
    } else {
        "（周期为零）"
    };
    t(
        format!(
            "`/{count}{per}`{what}: a rate is per one {per}; the number of months is written apart"
        ),
        format!(
            "`/{count}{per}`{what_zh}：标准按每{}计算，月数另行填写",
            per_zh(per)
        ),
    )
}

fn per_zh(per: &str) -> &'static str {
    if per == "year" { "年" } else { "月" }
}

pub fn label_period_count() -> Text {
    t("per one month or one year", "应为每月或每年")
}

pub fn help_rate_period_with_count(per: &str) -> Text {
    t(
        format!("write `rate N/{per}`, and `months M` after it for a period other than a year"),
        format!("请写作 `rate N/{per}`；期限不是一年时，在其后写 `months M`"),
    )
}

/// `year 2025年`.
pub fn year_with_nian(year: &str, word: &str) -> Text {
    t(
        format!("the year is a bare number: `{year}{word}` has `{word}` after it"),
        format!("年度只写数字：`{year}{word}` 多了“{word}”"),
    )
}

pub fn label_year_word() -> Text {
    t("not part of the year", "不属于年度")
}

pub fn help_year_bare(year: &str) -> Text {
    t(
        format!("write `year {year}`; the tables print 年 themselves"),
        format!("请写作 `year {year}`，表格会自动加上“年”"),
    )
}

/// `price 50元`.
pub fn price_with_unit(value: &str, word: &str) -> Text {
    t(
        format!("a price is already in 元: `{value}{word}` needs no unit"),
        format!("单价的单位已经是元：`{value}{word}` 不需要再写单位"),
    )
}

pub fn label_price_unit() -> Text {
    t("prices are in 元", "单价以元计")
}

pub fn help_price_in_yuan(value: &str) -> Text {
    t(
        format!(
            "write `price {value}` (元 per unit); a price in 万元 is written in 元 (`price 5万元` is `price 50000`)"
        ),
        format!(
            "请写作 `price {value}`（每单位多少元）；以万元计的单价请换算成元（`price 5万元` 写作 `price 50000`）"
        ),
    )
}
