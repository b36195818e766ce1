//! The import's texts, in both languages: why a file was refused, and why a cell was left out.

use super::limits::Measure;
use super::recognise::Why;
use crate::messages::Text;

fn t(en: impl Into<String>, zh: impl Into<String>) -> Text {
    Text::new(en, zh)
}

pub fn unreadable(detail: &str) -> Text {
    t(
        format!("the file cannot be read as a workbook or a Word document ({detail})"),
        format!("无法作为工作簿或 Word 文档读取该文件（{detail}）"),
    )
}

pub fn label_file() -> Text {
    t("this file", "此文件")
}

pub fn help_unreadable() -> Text {
    t(
        "open the file in Excel, WPS or Word and save it again as .xlsx or .docx; a file cut short in a download or a copy must be fetched again",
        "请用 Excel、WPS 或 Word 打开后另存为 .xlsx 或 .docx；下载或复制中断而不完整的文件需要重新获取",
    )
}

pub fn refused_format(format: &str) -> Text {
    t(
        format!("bdl import does not read {format} files"),
        format!("bdl import 不读取 {format} 文件"),
    )
}

pub fn help_refused_format(format: &str) -> Text {
    let (en, zh) = match format {
        ".pdf" => (
            "a PDF holds no table cells: export the tables from the system again as Excel, or retype them",
            "PDF 中没有表格单元格：请从系统中重新导出为 Excel，或重新录入",
        ),
        ".doc" | ".wps" => (
            "open it in Word or WPS and save it as .docx (文件 › 另存为 › Word 文档), then import the .docx",
            "请用 Word 或 WPS 打开，另存为 .docx（文件 › 另存为 › Word 文档）后再导入",
        ),
        _ => (
            "open it in WPS or Excel and save it as .xlsx (文件 › 另存为 › Excel 工作簿), then import the .xlsx",
            "请用 WPS 或 Excel 打开，另存为 .xlsx（文件 › 另存为 › Excel 工作簿）后再导入",
        ),
    };
    t(en, zh)
}

pub fn encrypted() -> Text {
    t("the file is protected by a password", "文件设有打开密码")
}

pub fn help_encrypted() -> Text {
    t(
        "open it with its password, remove the password (文件 › 信息 › 保护工作簿 › 用密码进行加密, empty) and save it, then import that copy",
        "请输入密码打开，清除打开密码（文件 › 信息 › 保护工作簿 › 用密码进行加密，留空）并保存后再导入",
    )
}

pub fn too_large(what: Measure, found: u64, limit: u64) -> Text {
    let (en, zh) = match what {
        Measure::FileBytes => ("bytes in the file", "字节（文件大小）"),
        Measure::InflatedBytes => ("bytes once unpacked", "字节（解压后）"),
        Measure::Cells => ("non-empty cells", "个非空单元格"),
        Measure::Merges => ("merged ranges in a sheet", "个合并区域（单个工作表）"),
    };
    let over = if found > limit { "more than " } else { "" };
    let over_zh = if found > limit { "超过" } else { "" };
    t(
        format!("the file has {over}{limit} {en}; bdl import reads up to {limit}"),
        format!("文件有{over_zh}{limit}{zh}，bdl import 最多读取{limit}"),
    )
}

pub fn help_too_large() -> Text {
    t(
        "a declaration's tables are far smaller: check that this is the right file, or copy the sheets of the declaration into a new workbook and import that",
        "一份申报的表格远小于此：请确认文件是否选对，或把申报所在的工作表复制到新工作簿后再导入",
    )
}

pub fn overlong(place: &str, chars: usize, limit: usize) -> Text {
    t(
        format!(
            "the cell {place} holds {chars} characters, more than the {limit} an Excel cell holds; it was left out"
        ),
        format!("单元格 {place} 有 {chars} 个字符，超过 Excel 单元格可容纳的 {limit} 个，未导入"),
    )
}

pub fn help_overlong() -> Text {
    t(
        "split the text over several cells or shorten it in the workbook, or type it into the source by hand",
        "请在工作簿中把该文字拆分或缩短，或在导入后的源文件中手工录入",
    )
}

pub fn unplaced(n: usize) -> Text {
    let (cells, were) = if n == 1 {
        ("cell", "was")
    } else {
        ("cells", "were")
    };
    t(
        format!(
            "{n} non-empty {cells} {were} not placed in the source; the report lists each with why"
        ),
        format!("有 {n} 个非空单元格未写入源文件；报告逐一列出位置和原因"),
    )
}

pub fn help_unplaced() -> Text {
    t(
        "read the report (printed below, or `--report FILE` as JSON) and add what is missing to the source by hand",
        "请阅读报告（见下文，或用 `--report FILE` 输出 JSON），把遗漏的内容手工补入源文件",
    )
}

pub fn no_table() -> Text {
    t(
        "no table of a declaration was recognised in the file",
        "文件中没有识别出任何绩效目标表",
    )
}

pub fn why(w: Why) -> Text {
    match w {
        Why::OutsideTables => t("outside every table recognised", "不在任何已识别的表格内"),
        Why::Unlabelled => t(
            "in a table, but under no label import reads (a note, a cell beside the table)",
            "位于表格中，但不在导入可识别的栏目下（如备注、表格旁的单元格）",
        ),
        Why::NotAFigure => t("not a plain number", "不是单纯的数字"),
        Why::NotRead => t(
            "in a 绩效自评表 whose project or department has no target table in the file",
            "位于绩效自评表中，但文件中没有该项目或部门的绩效目标表",
        ),
        Why::Contradicted => t(
            "a figure bdl derives (a score, 分值, 总分, 等级) that the imported source does not give",
            "bdl 计算得出的数（得分、分值、总分、等级）与导入的源文件算出的不一致",
        ),
        Why::Differs => t(
            "a 绩效自评表 repeats it from the target table (年初预算数, 预期目标, a target), but differently; the target table's is kept",
            "绩效自评表中重复的目标表内容（年初预算数、预期目标、指标值）与目标表不一致；以目标表为准",
        ),
        Why::Refused => t(
            "the year-end line it makes does not compile (an indicator or funding line not in the target table, given twice, or a value not of its target's kind)",
            "由它写出的年终自评行无法编译（目标表中没有该指标或资金来源、重复填写，或完成值与指标值类型不符）",
        ),
        Why::Overlong => t(
            "longer than an Excel cell holds",
            "超过 Excel 单元格可容纳的长度",
        ),
    }
}
