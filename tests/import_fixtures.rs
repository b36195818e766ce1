//! Workbooks and Word documents in layouts that differ from bdl's own, as offices have them: written
//! by the generators below into `tests/fixtures/import/` (reproducibly: fixed dates, fixed zip
//! times), each with the source `bdl import` must write beside it (`NAME.expected.bdl`, one file per
//! declaration found) and the cells it must leave out (`NAME.unplaced.txt`).
//!
//! `BDL_UPDATE_FIXTURES=1 cargo test --test import_fixtures` rewrites the files and the expected
//! outputs (review their diff like a snapshot); without it the test checks that the generators still
//! write the checked-in files byte for byte, and that importing them gives the expected outputs.

// Tests, benches and examples may unwrap, panic and index: a failure there is a failed check, not a crash.
#![allow(
    clippy::unwrap_used,
    clippy::expect_used,
    clippy::panic,
    clippy::indexing_slicing,
    clippy::string_slice
)]

use rust_xlsxwriter::{DocProperties, ExcelDateTime, Format, Workbook};
use std::io::Write;
use std::path::Path;

const DIR: &str = "tests/fixtures/import";

/// A cell of a sheet: where, how far it spans, and what it holds.
enum Put {
    Text(&'static str),
    /// A number and its number format (`0.00`, `#,##0.00`).
    Number(f64, &'static str),
}

struct At {
    row: u32,
    col: u16,
    rows: u32,
    cols: u16,
    put: Put,
}

fn t(row: u32, col: u16, text: &'static str) -> At {
    At {
        row,
        col,
        rows: 1,
        cols: 1,
        put: Put::Text(text),
    }
}

fn n(row: u32, col: u16, value: f64, format: &'static str) -> At {
    At {
        row,
        col,
        rows: 1,
        cols: 1,
        put: Put::Number(value, format),
    }
}

/// A merged cell.
fn m(row: u32, col: u16, rows: u32, cols: u16, text: &'static str) -> At {
    At {
        row,
        col,
        rows,
        cols,
        put: Put::Text(text),
    }
}

fn workbook(sheets: &[(&str, Vec<At>)]) -> Vec<u8> {
    let mut book = Workbook::new();
    let date = ExcelDateTime::from_ymd(2024, 1, 1).unwrap();
    book.set_properties(&DocProperties::new().set_creation_datetime(&date));
    for (name, cells) in sheets {
        let sheet = book.add_worksheet();
        sheet.set_name(*name).unwrap();
        for c in cells {
            match &c.put {
                Put::Text(s) if c.rows > 1 || c.cols > 1 => {
                    sheet
                        .merge_range(
                            c.row,
                            c.col,
                            c.row + c.rows - 1,
                            c.col + c.cols - 1,
                            s,
                            &Format::new(),
                        )
                        .unwrap();
                }
                Put::Text(s) => {
                    sheet.write_string(c.row, c.col, *s).unwrap();
                }
                Put::Number(v, f) => {
                    sheet
                        .write_number_with_format(
                            c.row,
                            c.col,
                            *v,
                            &Format::new().set_num_format(*f),
                        )
                        .unwrap();
                }
            }
        }
    }
    book.save_to_buffer().unwrap()
}

/// A Word table cell: text (lines), columns spanned, vertical merge (`Some(true)` restart,
/// `Some(false)` continue).
struct Tc {
    text: &'static str,
    span: u32,
    vmerge: Option<bool>,
}

fn c(text: &'static str) -> Tc {
    Tc {
        text,
        span: 1,
        vmerge: None,
    }
}

fn span(text: &'static str, span: u32) -> Tc {
    Tc {
        text,
        span,
        vmerge: None,
    }
}

fn down(text: &'static str) -> Tc {
    Tc {
        text,
        span: 1,
        vmerge: Some(true),
    }
}

fn cont() -> Tc {
    Tc {
        text: "",
        span: 1,
        vmerge: Some(false),
    }
}

/// A block of a document: a paragraph, or a table of rows (each with its `gridBefore`).
enum Block {
    P(&'static str),
    Table(Vec<(u32, Vec<Tc>)>),
}

fn escape(s: &str) -> String {
    s.replace('&', "&amp;")
        .replace('<', "&lt;")
        .replace('>', "&gt;")
}

fn paragraphs(text: &str) -> String {
    text.split('\n')
        .map(|l| {
            format!(
                "<w:p><w:r><w:t xml:space=\"preserve\">{}</w:t></w:r></w:p>",
                escape(l)
            )
        })
        .collect()
}

fn document(blocks: &[Block]) -> Vec<u8> {
    let mut body = String::new();
    for b in blocks {
        match b {
            Block::P(text) => body.push_str(&paragraphs(text)),
            Block::Table(rows) => {
                body.push_str("<w:tbl><w:tblPr><w:tblBorders/></w:tblPr>");
                for (before, cells) in rows {
                    body.push_str("<w:tr>");
                    if *before > 0 {
                        body.push_str(&format!(
                            "<w:trPr><w:gridBefore w:val=\"{before}\"/></w:trPr>"
                        ));
                    }
                    for tc in cells {
                        body.push_str("<w:tc><w:tcPr>");
                        if tc.span > 1 {
                            body.push_str(&format!("<w:gridSpan w:val=\"{}\"/>", tc.span));
                        }
                        match tc.vmerge {
                            Some(true) => body.push_str("<w:vMerge w:val=\"restart\"/>"),
                            Some(false) => body.push_str("<w:vMerge/>"),
                            None => {}
                        }
                        body.push_str("</w:tcPr>");
                        body.push_str(&paragraphs(tc.text));
                        body.push_str("</w:tc>");
                    }
                    body.push_str("</w:tr>");
                }
                body.push_str("</w:tbl>");
            }
        }
    }
    let xml = format!(
        "<?xml version=\"1.0\" encoding=\"UTF-8\" standalone=\"yes\"?>\n<w:document xmlns:w=\"http://schemas.openxmlformats.org/wordprocessingml/2006/main\"><w:body>{body}</w:body></w:document>"
    );
    let files = [
        (
            "[Content_Types].xml",
            "<?xml version=\"1.0\" encoding=\"UTF-8\"?><Types xmlns=\"http://schemas.openxmlformats.org/package/2006/content-types\"><Default Extension=\"rels\" ContentType=\"application/vnd.openxmlformats-package.relationships+xml\"/><Default Extension=\"xml\" ContentType=\"application/xml\"/><Override PartName=\"/word/document.xml\" ContentType=\"application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml\"/></Types>".to_string(),
        ),
        (
            "_rels/.rels",
            "<?xml version=\"1.0\" encoding=\"UTF-8\"?><Relationships xmlns=\"http://schemas.openxmlformats.org/package/2006/relationships\"><Relationship Id=\"rId1\" Type=\"http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument\" Target=\"word/document.xml\"/></Relationships>".to_string(),
        ),
        ("word/document.xml", xml),
    ];
    let mut out = std::io::Cursor::new(Vec::new());
    {
        let mut zip = zip::ZipWriter::new(&mut out);
        let options = zip::write::SimpleFileOptions::default()
            .last_modified_time(zip::DateTime::default())
            .compression_method(zip::CompressionMethod::Deflated);
        for (name, text) in files {
            zip.start_file(name, options).unwrap();
            zip.write_all(text.as_bytes()).unwrap();
        }
        zip.finish().unwrap();
    }
    out.into_inner()
}

/// 1. A WPS-made department table: title and captions above it, the indicator tree's columns in
///    another order (二级 before 一级) and its value over 计算符号 / 指标值 / 度量单位, a unit written
///    as a name (百分比), full-width digits, thousands separators, numbers stored as text and as
///    numbers, empty rows, and a note below the table.
fn wps_department() -> Vec<u8> {
    workbook(&[(
        "Sheet1",
        vec![
            m(0, 0, 1, 8, "2024年部门整体支出绩效目标表"),
            t(1, 0, "填报单位：示范县民政局"),
            t(1, 7, "金额单位：万元"),
            t(3, 0, "部门名称"),
            m(3, 1, 1, 7, "民政局本级"),
            m(4, 0, 4, 1, "年度预算申请\n（万元）"),
            m(4, 1, 1, 7, "资金总额：１,２３４.５万元"),
            m(5, 1, 1, 2, "按收入性质分"),
            m(5, 3, 1, 5, "按支出性质分"),
            t(6, 1, "其中：一般公共预算拨款"),
            t(6, 2, "1,200.5"),
            t(6, 3, "其中：基本支出"),
            n(6, 4, 1000.0, "0.00"),
            t(7, 1, "　　　其他资金"),
            n(7, 2, 34.0, "General"),
            t(7, 3, "　　　项目支出"),
            n(7, 4, 234.5, "#,##0.0"),
            t(9, 0, "部门职责概述"),
            m(
                9,
                1,
                1,
                7,
                "1、负责全县社会救助工作。\n2、负责养老服务体系建设。",
            ),
            t(10, 0, "年度总体目标"),
            m(10, 1, 1, 7, "保障困难群众基本生活。"),
            m(11, 0, 5, 1, "年度绩效指标"),
            t(11, 1, "二级指标"),
            t(11, 2, "一级指标"),
            t(11, 3, "三级指标"),
            t(11, 4, "计算符号"),
            t(11, 5, "指标值"),
            t(11, 6, "度量单位"),
            t(11, 7, "备注"),
            t(12, 1, "产出数量"),
            m(12, 2, 2, 1, "产出指标"),
            t(12, 3, "救助人数"),
            t(12, 4, "≥"),
            t(12, 5, "１２００"),
            t(12, 6, "人"),
            t(12, 7, "按月发放"),
            t(13, 1, "产出质量"),
            t(13, 3, "救助资金发放准确率"),
            t(13, 4, "="),
            t(13, 5, "100"),
            t(13, 6, "百分比"),
            t(14, 1, "社会效益"),
            m(14, 2, 2, 1, "效益指标"),
            t(14, 3, "困难群众基本生活"),
            t(14, 4, "定性"),
            t(14, 5, "有效保障"),
            t(15, 1, "社会公众及服务对象满意度"),
            t(15, 3, "受助群众满意度"),
            t(15, 4, "≥"),
            n(15, 5, 90.0, "0"),
            t(15, 6, "%"),
            m(17, 0, 1, 8, "注：本表由单位财务股填报。"),
        ],
    )])
}

/// 2. A system export: the summary and both direction tables on one sheet, no attachment numbers,
///    the 金额合计 row at the bottom of the summary, figures with thousands separators (as numbers with
///    a `#,##0.00` format and as text), values in one cell.
fn export_directions() -> Vec<u8> {
    workbook(&[(
        "绩效目标",
        vec![
            m(0, 0, 1, 5, "2024年专项资金预算绩效目标汇总表"),
            m(1, 0, 1, 3, "项目主管部门：示范县民政局"),
            m(1, 3, 1, 2, "金额单位：万元"),
            t(2, 0, "序号"),
            t(2, 1, "支出方向（子项）"),
            t(2, 2, "金额"),
            t(2, 3, "实施期绩效目标"),
            t(2, 4, "年度绩效目标"),
            t(3, 0, "一"),
            t(3, 1, "困难群众救助"),
            n(3, 2, 120.0, "#,##0.00"),
            t(3, 3, "保障困难群众基本生活。"),
            t(3, 4, "全年救助1200人。"),
            t(4, 0, "二"),
            t(4, 1, "养老服务补贴"),
            t(4, 2, "1,114.50"),
            t(4, 3, "提升养老服务水平。"),
            t(4, 4, "补贴高龄老人500人。"),
            t(5, 1, "金额合计"),
            n(5, 2, 1234.5, "#,##0.00"),
            m(7, 0, 1, 6, "2024年专项资金支出方向绩效目标表"),
            m(8, 0, 1, 4, "项目主管部门：示范县民政局"),
            m(8, 4, 1, 2, "金额单位：万元"),
            t(9, 0, "支出方向（子项）"),
            m(9, 1, 1, 2, "困难群众救助"),
            t(9, 3, "所属专项"),
            m(9, 4, 1, 2, "社会救助"),
            t(10, 0, "项目金额"),
            m(10, 1, 1, 2, "120"),
            t(10, 3, "项目实施期"),
            m(10, 4, 1, 2, "2024年"),
            t(11, 0, "实施期绩效目标"),
            m(11, 1, 1, 5, "保障困难群众基本生活。"),
            t(12, 0, "年度绩效目标"),
            m(12, 1, 1, 5, "全年救助1200人。"),
            m(13, 0, 3, 1, "年度绩效指标"),
            t(13, 1, "一级指标"),
            t(13, 2, "二级指标"),
            t(13, 3, "三级指标"),
            t(13, 4, "指标值"),
            t(13, 5, "备注"),
            t(14, 1, "产出指标"),
            t(14, 2, "产出数量"),
            t(14, 3, "救助人数"),
            t(14, 4, "≥1,200人"),
            t(15, 1, "效益指标"),
            t(15, 2, "社会效益"),
            t(15, 3, "困难群众基本生活"),
            t(15, 4, "有效保障"),
            m(17, 0, 1, 6, "2024年专项资金支出方向绩效目标表"),
            t(18, 0, "支出方向（子项）"),
            m(18, 1, 1, 2, "养老服务补贴"),
            t(18, 3, "所属专项"),
            m(18, 4, 1, 2, "养老服务"),
            t(19, 0, "项目金额"),
            m(19, 1, 1, 2, "1,114.50"),
            t(19, 3, "项目实施期"),
            m(19, 4, 1, 2, "2024年"),
            t(20, 0, "实施期绩效目标"),
            m(20, 1, 1, 5, "提升养老服务水平。"),
            t(21, 0, "年度绩效目标"),
            m(21, 1, 1, 5, "补贴高龄老人500人。"),
            m(22, 0, 3, 1, "年度绩效指标"),
            t(22, 1, "一级指标"),
            t(22, 2, "二级指标"),
            t(22, 3, "三级指标"),
            t(22, 4, "指标值"),
            t(22, 5, "备注"),
            m(23, 1, 2, 1, "产出指标"),
            t(23, 2, "产出数量"),
            t(23, 3, "补贴高龄老人"),
            t(23, 4, "=500人"),
            t(24, 2, "产出时效"),
            t(24, 3, "补贴发放时间"),
            t(24, 4, "每季度首月"),
        ],
    )])
}

fn small_department(
    name: &'static str,
    filer: &'static str,
    total: &'static str,
    duty: &'static str,
    indicator: &'static str,
) -> Vec<At> {
    vec![
        m(0, 0, 1, 6, "2024年部门整体支出绩效目标表"),
        m(1, 0, 1, 6, filer),
        t(2, 0, "部门名称"),
        m(2, 1, 1, 5, name),
        m(3, 0, 3, 1, "年度预算申请（万元）"),
        m(3, 1, 1, 5, total),
        m(4, 1, 1, 2, "按收入性质分"),
        m(4, 3, 1, 3, "按支出性质分"),
        t(5, 1, "其中：一般公共预算拨款"),
        t(5, 2, "80万元"),
        t(5, 3, "其中：基本支出"),
        m(5, 4, 1, 2, "80万元"),
        t(6, 0, "部门职责概述"),
        m(6, 1, 1, 5, duty),
        m(7, 0, 2, 1, "年度绩效指标"),
        t(7, 1, "一级指标"),
        t(7, 2, "二级指标"),
        t(7, 3, "三级指标"),
        t(7, 4, "指标值"),
        t(7, 5, "备注"),
        t(8, 1, "产出指标"),
        t(8, 2, "产出时效"),
        t(8, 3, indicator),
        t(8, 4, "100%"),
    ]
}

/// 3. One declaration per sheet, with a 目录 sheet listing them: one source per sheet.
fn per_sheet() -> Vec<u8> {
    workbook(&[
        (
            "目录",
            vec![
                t(0, 0, "目录"),
                t(1, 0, "1"),
                t(1, 1, "示范县民政局"),
                t(2, 0, "2"),
                t(2, 1, "示范县司法局"),
            ],
        ),
        (
            "民政局",
            small_department(
                "民政局本级",
                "填报单位：示范县民政局",
                "资金总额：80万元",
                "（一）负责全县社会救助工作。",
                "救助资金按时发放率",
            ),
        ),
        (
            "司法局",
            small_department(
                "司法局本级",
                "填报单位：示范县司法局",
                "资金总额：80万元",
                "（一）负责全县法治宣传教育工作。",
                "法律援助案件按时办结率",
            ),
        ),
    ])
}

/// 4. A Word document of a department table: title and captions as paragraphs (the captions in one
///    paragraph), labels merged down with `vMerge`, values across with `gridSpan`, a row that skips
///    its label column with `gridBefore`, and a note below.
fn word_department() -> Vec<u8> {
    document(&[
        Block::P("2024年部门整体支出绩效目标表"),
        Block::P("填报单位：示范县司法局　　　　金额单位：万元"),
        Block::Table(vec![
            (0, vec![c("部门名称"), span("司法局本级", 4)]),
            (
                0,
                vec![down("年度预算申请（万元）"), span("资金总额：298.5万元", 4)],
            ),
            (
                0,
                vec![cont(), span("按收入性质分", 2), span("按支出性质分", 2)],
            ),
            (
                0,
                vec![
                    cont(),
                    c("其中：一般公共预算拨款"),
                    c("286.5万元"),
                    c("其中：基本支出"),
                    c("238.2万元"),
                ],
            ),
            (
                1,
                vec![
                    c("　　　其他资金"),
                    c("12万元"),
                    c("　　　项目支出"),
                    c("60.3万元"),
                ],
            ),
            (
                0,
                vec![
                    c("部门职责概述"),
                    span("（一）负责全区法治宣传教育。\n（二）负责法律援助工作。", 4),
                ],
            ),
            (
                0,
                vec![
                    c("年度总体目标"),
                    span("1. 全年办理法律援助案件不少于300件。", 4),
                ],
            ),
            (
                0,
                vec![
                    down("年度绩效指标"),
                    c("一级指标"),
                    c("二级指标"),
                    c("三级指标"),
                    c("指标值"),
                ],
            ),
            (
                0,
                vec![
                    cont(),
                    down("产出指标"),
                    c("产出数量"),
                    c("法律援助案件"),
                    c("≥300件"),
                ],
            ),
            (
                0,
                vec![
                    cont(),
                    cont(),
                    c("产出质量"),
                    c("人民调解成功率"),
                    c("不低于95%"),
                ],
            ),
            (
                0,
                vec![
                    cont(),
                    down("效益指标"),
                    c("社会效益"),
                    c("群众法治意识"),
                    c("持续提升"),
                ],
            ),
            (
                0,
                vec![
                    cont(),
                    cont(),
                    c("社会公众及服务对象满意度"),
                    c("服务对象满意度"),
                    c("≥90%"),
                ],
            ),
        ]),
        Block::P("注：上年结转资金另行申报。"),
    ])
}

/// 5. A direction table with the labels spelt otherwise (half-width brackets, 项目金额(万元)), the
///    indicator columns in another order (三级 first), values with operators and units in one cell
///    (`≥100百分比`, `=8个`, `＞＝95％`), a full-width amount, empty rows, and a second direction
///    whose amount is not a plain number.
fn labels_variant() -> Vec<u8> {
    workbook(&[(
        "支出方向",
        vec![
            t(0, 0, "2025年专项资金支出方向绩效目标表"),
            t(1, 0, "项目主管部门:示范县水利局"),
            t(1, 5, "金额单位:万元"),
            t(2, 0, "支出方向(子项)"),
            t(2, 1, "农村供水工程维修"),
            t(2, 3, "所属专项"),
            t(2, 4, "农村供水保障"),
            t(3, 0, "项目金额(万元)"),
            t(3, 1, "１２３．５"),
            t(3, 3, "项目实施期"),
            t(3, 4, "2025年"),
            t(5, 0, "实施期绩效目标"),
            t(5, 1, "保障农村群众饮水安全。"),
            t(6, 0, "年度绩效目标"),
            t(6, 1, "维修农村供水工程8处。"),
            m(7, 0, 5, 1, "年度绩效指标"),
            t(7, 1, "三级指标"),
            t(7, 2, "一级指标"),
            t(7, 3, "二级指标"),
            t(7, 4, "指标值"),
            t(8, 1, "维修供水工程"),
            m(8, 2, 2, 1, "产出指标"),
            t(8, 3, "产出数量"),
            t(8, 4, "=8个"),
            t(9, 1, "水质达标率"),
            t(9, 3, "产出质量"),
            t(9, 4, "≥100百分比"),
            t(11, 1, "受益群众满意度"),
            m(10, 2, 2, 1, "效益指标"),
            t(10, 1, "供水保障人口"),
            t(10, 3, "社会效益"),
            t(10, 4, "不少于1.2万人"),
            t(11, 3, "社会公众及服务对象满意度"),
            t(11, 4, "＞＝95％"),
            t(14, 0, "2025年专项资金支出方向绩效目标表"),
            t(15, 0, "支出方向(子项)"),
            t(15, 1, "水源地保护"),
            t(16, 0, "项目金额(万元)"),
            t(16, 1, "约10万元"),
            t(17, 0, "年度绩效目标"),
            t(17, 1, "完成水源地标识设置。"),
        ],
    )])
}

/// 6. A Word document of the summary and a direction table: the summary's 合计 at the top as bdl
///    prints it, a sub-direction (1.) under a direction, the indicator labels merged down.
fn word_directions() -> Vec<u8> {
    document(&[
        Block::P("附件2"),
        Block::P("2024年专项资金预算绩效目标汇总表"),
        Block::P("项目主管部门：示范县农业农村局　　金额单位：万元"),
        Block::Table(vec![
            (
                0,
                vec![
                    c("序号"),
                    c("支出方向（子项）"),
                    c("金额"),
                    c("实施期绩效目标"),
                    c("年度绩效目标"),
                ],
            ),
            (0, vec![c(""), c("合  计"), c("60"), c(""), c("")]),
            (
                0,
                vec![
                    c("一"),
                    c("耕地保护"),
                    c("60"),
                    c("保护耕地地力。"),
                    c("发放补贴2000亩。"),
                ],
            ),
            (0, vec![c("1."), c("地力补贴"), c("60"), c(""), c("")]),
        ]),
        Block::P("附件3"),
        Block::P("2024年专项资金支出方向绩效目标表"),
        Block::Table(vec![
            (
                0,
                vec![
                    c("支出方向（子项）"),
                    span("耕地保护", 2),
                    c("所属专项"),
                    span("耕地建设", 2),
                ],
            ),
            (
                0,
                vec![
                    c("项目金额"),
                    span("60", 2),
                    c("项目实施期"),
                    span("2024年", 2),
                ],
            ),
            (0, vec![c("实施期绩效目标"), span("保护耕地地力。", 5)]),
            (0, vec![c("年度绩效目标"), span("发放补贴2000亩。", 5)]),
            (
                0,
                vec![
                    down("年度绩效指标"),
                    c("一级指标"),
                    c("二级指标"),
                    c("三级指标"),
                    c("指标值"),
                    c("备注"),
                ],
            ),
            (
                0,
                vec![
                    cont(),
                    down("产出指标"),
                    c("数量指标"),
                    c("补贴面积"),
                    c("2000亩"),
                    c(""),
                ],
            ),
            (
                0,
                vec![
                    cont(),
                    cont(),
                    c("成本指标"),
                    c("不超过预算"),
                    c("≤60万元"),
                    c(""),
                ],
            ),
            (
                0,
                vec![
                    cont(),
                    c("满意度指标"),
                    c("服务对象满意度指标"),
                    c("受益农户满意度"),
                    c("≥90%"),
                    c(""),
                ],
            ),
        ]),
    ])
}

/// 7. A Word document of the Ministry's project form: administrative fields in pairs, 项目资金 merged
///    down with an 其中 line, the goals under their headings, values split over three columns, and a
///    测算明细 with a basis in figures (a cost) and one in words (a sub-direction that says how).
fn word_project() -> Vec<u8> {
    document(&word_project_blocks())
}

fn word_project_blocks() -> Vec<Block> {
    vec![
        Block::P("2025年项目支出绩效目标表"),
        Block::P("主管部门：示范县水利局　　金额单位：万元"),
        Block::Table(vec![
            (0, vec![c("项目名称"), span("农村供水水泵更新", 6)]),
            (
                0,
                vec![
                    c("主管部门"),
                    span("示范县水利局", 2),
                    c("实施单位"),
                    span("示范县水利工程管理站", 3),
                ],
            ),
            (
                0,
                vec![
                    c("项目属性"),
                    span("新增", 2),
                    c("项目期"),
                    span("2025年", 3),
                ],
            ),
            (
                0,
                vec![
                    c("项目编码"),
                    span("43122525T000000000201", 2),
                    c("资金性质"),
                    span("一般公共预算", 3),
                ],
            ),
            (
                0,
                vec![down("项目资金（万元）"), span("资金总额", 3), span("60", 3)],
            ),
            (0, vec![cont(), span("其中：财政拨款", 3), span("60", 3)]),
            (
                0,
                vec![down("总体目标"), span("实施期目标", 3), span("年度目标", 3)],
            ),
            (
                0,
                vec![
                    cont(),
                    span("更新老旧水泵，保障供水。", 3),
                    span("更新水泵40台。", 3),
                ],
            ),
            (
                0,
                vec![
                    down("绩效指标"),
                    c("一级指标"),
                    c("二级指标"),
                    c("三级指标"),
                    c("计算符号"),
                    c("指标值"),
                    c("度量单位"),
                ],
            ),
            (
                0,
                vec![
                    cont(),
                    down("产出指标"),
                    c("数量指标"),
                    c("更新水泵"),
                    c("＝"),
                    c("40"),
                    c("台"),
                ],
            ),
            (
                0,
                vec![
                    cont(),
                    cont(),
                    c("时效指标"),
                    c("完成时间"),
                    c("定性"),
                    c("2025年10月底前"),
                    c(""),
                ],
            ),
            (
                0,
                vec![
                    cont(),
                    c("成本指标"),
                    c("经济成本指标"),
                    c("项目成本"),
                    c("≤"),
                    c("60"),
                    c("万元"),
                ],
            ),
            (
                0,
                vec![
                    cont(),
                    c("效益指标"),
                    c("社会效益指标"),
                    c("受益人口"),
                    c("≥"),
                    c("1.2"),
                    c("万人"),
                ],
            ),
            (
                0,
                vec![
                    cont(),
                    c("满意度指标"),
                    c("服务对象满意度指标"),
                    c("受益群众满意度"),
                    c("≥"),
                    c("90"),
                    c("%"),
                ],
            ),
            (
                0,
                vec![
                    down("项目测算明细（万元）"),
                    span("明细项目", 2),
                    span("测算依据", 3),
                    c("金额"),
                ],
            ),
            (0, vec![cont(), span("合计", 2), span("", 3), c("60")]),
            (
                0,
                vec![
                    cont(),
                    span("　水泵采购", 2),
                    span("40台 × 10000元/台 = 400000元", 3),
                    c("40"),
                ],
            ),
            (
                0,
                vec![
                    cont(),
                    span("　安装调试", 2),
                    span("依据安装合同测算", 3),
                    c("20"),
                ],
            ),
        ]),
        Block::P("注：水泵型号以招标结果为准。"),
    ]
}

/// The Word document of a project with its 项目支出绩效自评表 after the target table, as an office fills
/// it by hand: the year in the title (2025年度), full-width figures, the rows in another order than the
/// target table's, a result word with a score typed within its band, grades by 80/70/60 (85.67 is 优),
/// and a score and a total one cent off (reported, not written).
fn word_project_self_evaluation() -> Vec<u8> {
    let mut blocks = word_project_blocks();
    blocks.extend([
        Block::P("2025年度项目支出绩效自评表"),
        Block::P("主管部门：示范县水利局　　（2025年度）金额单位：万元"),
        Block::Table(vec![
            (0, vec![c("项目名称"), span("农村供水水泵更新", 8)]),
            (
                0,
                vec![
                    c("主管部门"),
                    span("示范县水利局", 3),
                    c("实施单位"),
                    span("示范县水利工程管理站", 4),
                ],
            ),
            (
                0,
                vec![
                    down("项目资金（万元）"),
                    span("", 2),
                    c("年初预算数"),
                    c("全年预算数"),
                    c("全年执行数"),
                    c("分值"),
                    c("执行率"),
                    c("得分"),
                ],
            ),
            (
                0,
                vec![
                    cont(),
                    span("年度资金总额", 2),
                    c("60"),
                    c("60"),
                    c("５７"),
                    c("10"),
                    c("95.00%"),
                    c("9.50"),
                ],
            ),
            (
                0,
                vec![
                    cont(),
                    span("其中：财政拨款", 2),
                    c("60"),
                    c("60"),
                    c("57"),
                    c("—"),
                    c("95.00%"),
                    c("—"),
                ],
            ),
            (
                0,
                vec![
                    down("年度总体目标"),
                    span("预期目标", 4),
                    span("实际完成情况", 4),
                ],
            ),
            (
                0,
                vec![
                    cont(),
                    span("更新水泵40台。", 4),
                    span("更新水泵30台，受益1万人。", 4),
                ],
            ),
            (
                0,
                vec![
                    down("绩效指标"),
                    c("一级指标"),
                    c("二级指标"),
                    c("三级指标"),
                    c("年度指标值"),
                    c("实际完成值"),
                    c("分值"),
                    c("得分"),
                    c("偏差原因分析及改进措施"),
                ],
            ),
            (
                0,
                vec![
                    cont(),
                    down("产出指标"),
                    c("数量指标"),
                    c("更新水泵"),
                    c("40台"),
                    c("30台"),
                    c("16.67"),
                    c("12.50"),
                    c("10台水泵招标流标，明年一季度补采。"),
                ],
            ),
            (
                0,
                vec![
                    cont(),
                    cont(),
                    c("时效指标"),
                    c("完成时间"),
                    c("2025年10月底前"),
                    c("基本完成"),
                    c("16.66"),
                    c("12"),
                    c("流标部分顺延。"),
                ],
            ),
            (
                0,
                vec![
                    cont(),
                    c("满意度指标"),
                    c("服务对象满意度指标"),
                    c("受益群众满意度"),
                    c("≥90%"),
                    c("９５％"),
                    c("10"),
                    c("10.00"),
                    c(""),
                ],
            ),
            (
                0,
                vec![
                    cont(),
                    c("成本指标"),
                    c("经济成本指标"),
                    c("项目成本"),
                    c("≤60万元"),
                    c("57万元"),
                    c("16.67"),
                    c("16.66"),
                    c(""),
                ],
            ),
            (
                0,
                vec![
                    cont(),
                    c("效益指标"),
                    c("社会效益指标"),
                    c("受益人口"),
                    c("≥1.2万人"),
                    c("1万人"),
                    c("30"),
                    c("25.00"),
                    c("受益人口随供水范围减少。"),
                ],
            ),
            (0, vec![span("总分", 6), c("100"), c("85.66"), c("")]),
            (0, vec![c("等级"), span("优", 8)]),
        ]),
    ]);
    document(&blocks)
}

/// A department's target table, then its 部门整体支出绩效自评表 on a sheet of its own (no 主管部门 row,
/// no 绩效指标 label column) with what does not belong: a funding line and an indicator the target
/// table does not have (refused by the compiler, reported), a target and a 年初预算数 that differ from
/// the target table's (reported, the target table's kept); and a 项目支出绩效自评表 of a project the
/// file has no target table for (reported whole).
fn department_self_evaluation() -> Vec<u8> {
    workbook(&[
        (
            "部门整体",
            small_department(
                "民政局本级",
                "填报单位：示范县民政局",
                "资金总额：80万元",
                "（一）负责全县社会救助工作。",
                "救助资金按时发放率",
            ),
        ),
        (
            "自评",
            vec![
                m(0, 0, 1, 8, "2024年部门整体支出绩效自评表"),
                m(1, 0, 1, 8, "金额单位：万元"),
                t(2, 0, "部门名称"),
                m(2, 1, 1, 7, "民政局本级"),
                m(3, 0, 4, 1, "年度资金（万元）"),
                t(3, 2, "年初预算数"),
                t(3, 3, "全年预算数"),
                t(3, 4, "全年执行数"),
                t(3, 5, "分值"),
                t(3, 6, "执行率"),
                t(3, 7, "得分"),
                t(4, 1, "年度资金总额"),
                n(4, 2, 80.0, "0"),
                n(4, 3, 80.0, "0"),
                n(4, 4, 76.0, "0"),
                n(4, 5, 10.0, "0"),
                t(4, 6, "95.00%"),
                n(4, 7, 9.5, "0.00"),
                t(5, 1, "其中：一般公共预算拨款"),
                n(5, 2, 80.0, "0"),
                n(5, 3, 80.0, "0"),
                n(5, 4, 76.0, "0"),
                t(6, 1, "　　　政府性基金"),
                n(6, 2, 5.0, "0"),
                n(6, 3, 5.0, "0"),
                n(6, 4, 5.0, "0"),
                m(7, 0, 2, 1, "年度总体目标"),
                m(7, 1, 1, 3, "预期目标"),
                m(7, 4, 1, 4, "实际完成情况"),
                m(8, 4, 1, 4, "救助资金全部按时发放。"),
                t(9, 0, "一级指标"),
                t(9, 1, "二级指标"),
                t(9, 2, "三级指标"),
                t(9, 3, "年度指标值"),
                t(9, 4, "实际完成值"),
                t(9, 5, "分值"),
                t(9, 6, "得分"),
                t(9, 7, "偏差原因分析及改进措施"),
                m(10, 0, 2, 1, "产出指标"),
                t(10, 1, "产出时效"),
                t(10, 2, "救助资金按时发放率"),
                t(10, 3, "98%"),
                t(10, 4, "100%"),
                n(10, 5, 50.0, "0"),
                n(10, 6, 50.0, "0.00"),
                t(11, 1, "产出数量"),
                t(11, 2, "救助人数"),
                t(11, 3, "≥100人"),
                t(11, 4, "120人"),
                m(12, 0, 1, 5, "总分"),
                n(12, 5, 60.0, "0"),
                n(12, 6, 59.5, "0.00"),
                t(13, 0, "等级"),
                m(13, 1, 1, 7, "差"),
                m(15, 0, 1, 8, "2024年项目支出绩效自评表"),
                t(16, 0, "项目名称"),
                m(16, 1, 1, 7, "城乡低保提标"),
                t(17, 0, "总分"),
                n(17, 6, 90.0, "0.00"),
            ],
        ),
    ])
}

/// 8. A Ministry project form as a province lays it out: 本年申请数 between an older year's 决算数 and
///    上年执行数 and 项目总预算 last, the 实施期 and 年度 values each in one cell under a two-row heading,
///    分值 by 一级指标 with half-width brackets and a range, 指标方向 spelt `正向指标`, a 合计 of the
///    weights, and a 测算明细 with its earlier years.
fn ministry_project_years() -> Vec<u8> {
    workbook(&[(
        "乡村医生培训",
        vec![
            t(0, 0, "2025年项目支出绩效目标表"),
            t(1, 0, "主管部门：示范县卫生健康局"),
            t(1, 6, "金额单位：万元"),
            t(2, 0, "项目名称"),
            m(2, 1, 1, 7, "乡村医生培训"),
            t(3, 0, "主管部门"),
            m(3, 1, 1, 3, "示范县卫生健康局"),
            t(3, 4, "实施单位"),
            m(3, 5, 1, 3, "示范县卫生健康服务中心"),
            t(4, 0, "项目属性"),
            m(4, 1, 1, 3, "延续"),
            t(4, 4, "项目期"),
            m(4, 5, 1, 3, "2025年"),
            m(5, 0, 4, 1, "项目资金(万元)"),
            t(5, 3, "2023年决算数"),
            t(5, 4, "上年执行数"),
            t(5, 5, "本年申请数"),
            t(5, 6, "项目总预算"),
            m(6, 1, 1, 2, "资金总额"),
            n(6, 3, 40.0, "0.00"),
            n(6, 4, 45.5, "0.00"),
            n(6, 5, 48.0, "0.00"),
            n(6, 6, 150.0, "0.00"),
            m(7, 1, 1, 2, "其中：财政拨款"),
            n(7, 3, 36.0, "0.00"),
            n(7, 4, 40.5, "0.00"),
            n(7, 5, 43.0, "0.00"),
            m(8, 1, 1, 2, "其他资金"),
            n(8, 3, 4.0, "0.00"),
            n(8, 4, 5.0, "0.00"),
            n(8, 5, 5.0, "0.00"),
            m(9, 0, 2, 1, "总体目标"),
            m(9, 1, 1, 3, "实施期目标"),
            m(9, 4, 1, 4, "年度目标"),
            m(10, 1, 1, 3, "三年内培训乡村医生200人次以上。"),
            m(10, 4, 1, 4, "全年培训乡村医生80人次。"),
            m(11, 0, 6, 1, "绩效指标"),
            m(11, 1, 2, 1, "一级指标"),
            m(11, 2, 2, 1, "二级指标"),
            m(11, 3, 2, 1, "三级指标"),
            t(11, 4, "实施期指标值"),
            t(11, 5, "年度指标值"),
            m(11, 6, 2, 1, "分值"),
            m(11, 7, 2, 1, "指标方向"),
            t(12, 4, "指标值"),
            t(12, 5, "指标值"),
            m(13, 1, 2, 1, "产出指标(40-60分)"),
            t(13, 2, "数量指标"),
            t(13, 3, "培训乡村医生"),
            t(13, 4, "≥200人次"),
            t(13, 5, "≥80人次"),
            t(13, 6, "30"),
            t(13, 7, "正向指标"),
            t(14, 2, "质量指标"),
            t(14, 3, "培训考核合格率"),
            t(14, 5, "≥95%"),
            t(14, 6, "20"),
            t(15, 1, "满意度指标(10分)"),
            t(15, 2, "服务对象满意度指标"),
            t(15, 3, "参训人员满意度"),
            t(15, 5, "≥90%"),
            t(15, 6, "10"),
            t(15, 7, "正向"),
            m(16, 1, 1, 5, "合计"),
            t(16, 6, "60"),
            m(17, 0, 4, 1, "项目测算明细(万元)"),
            m(17, 1, 1, 2, "明细项目"),
            m(17, 3, 1, 2, "测算依据"),
            t(17, 5, "2023年决算数"),
            t(17, 6, "上年执行数"),
            t(17, 7, "本年金额"),
            m(18, 1, 1, 2, "合计"),
            n(18, 5, 40.0, "0.00"),
            n(18, 6, 45.5, "0.00"),
            n(18, 7, 48.0, "0.00"),
            m(19, 1, 1, 2, "　集中培训"),
            m(19, 3, 1, 2, "200人次 × 1500元/人次 = 300000元"),
            n(19, 5, 25.0, "0.00"),
            n(19, 6, 28.0, "0.00"),
            n(19, 7, 30.0, "0.00"),
            m(20, 1, 1, 2, "　跟班进修"),
            m(20, 3, 1, 2, "80人次 × 2250元/人次 = 180000元"),
            n(20, 5, 15.0, "0.00"),
            n(20, 6, 17.5, "0.00"),
            n(20, 7, 18.0, "0.00"),
        ],
    )])
}

fn fixtures() -> Vec<(&'static str, Vec<u8>)> {
    vec![
        ("wps-department.xlsx", wps_department()),
        ("export-directions.xlsx", export_directions()),
        ("per-sheet.xlsx", per_sheet()),
        ("word-department.docx", word_department()),
        ("labels-variant.xlsx", labels_variant()),
        ("word-directions.docx", word_directions()),
        ("word-project.docx", word_project()),
        (
            "word-project-self-evaluation.docx",
            word_project_self_evaluation(),
        ),
        (
            "department-self-evaluation.xlsx",
            department_self_evaluation(),
        ),
        ("ministry-project-years.xlsx", ministry_project_years()),
    ]
}

/// What importing a fixture gives: each source by name, and the report of cells left out.
fn imported(name: &str, bytes: &[u8]) -> (Vec<(String, String)>, String, u8) {
    let outcome = bdl::import::import(name, bytes);
    let sources = outcome
        .sources
        .iter()
        .map(|s| (s.name.clone(), s.source.clone()))
        .collect();
    let mut report = String::new();
    for c in outcome.report(bdl::messages::Lang::Zh) {
        report.push_str(&format!(
            "{} · {} · {}\n",
            c.place,
            c.text.replace('\n', "⏎"),
            c.why
        ));
    }
    for s in &outcome.sources {
        for d in &s.compilation.diagnostics {
            report.push_str(&format!(
                "{}: {} {}\n",
                s.name,
                d.code.as_str(),
                d.message.zh
            ));
        }
    }
    report.push_str(&format!("exit {}\n", outcome.exit_code()));
    (sources, report, outcome.exit_code())
}

#[test]
fn the_fixtures_are_what_the_generators_write_and_import_as_expected() {
    let update = std::env::var_os("BDL_UPDATE_FIXTURES").is_some();
    let dir = Path::new(DIR);
    for (name, bytes) in fixtures() {
        let path = dir.join(name);
        if update {
            std::fs::write(&path, &bytes).unwrap();
        } else {
            let on_disk = std::fs::read(&path).unwrap_or_else(|e| panic!("{name}: {e}"));
            assert!(
                on_disk == bytes,
                "{name}: the generator no longer writes the checked-in file"
            );
        }
        let (sources, report, _) = imported(name, &std::fs::read(&path).unwrap());
        assert!(!sources.is_empty(), "{name}: nothing imported\n{report}");
        let stem = name.rsplit_once('.').unwrap().0;
        for (i, (_, text)) in sources.iter().enumerate() {
            let expected = if i == 0 {
                dir.join(format!("{stem}.expected.bdl"))
            } else {
                dir.join(format!("{stem}.expected-{}.bdl", i + 1))
            };
            if update {
                std::fs::write(&expected, text).unwrap();
            } else {
                let want = std::fs::read_to_string(&expected)
                    .unwrap_or_else(|e| panic!("{}: {e}", expected.display()));
                assert_eq!(
                    text,
                    &want,
                    "{name}: the source differs from {}",
                    expected.display()
                );
            }
            assert_eq!(&bdl::fmt::format(text).unwrap(), text, "{name}: formatted");
        }
        // No more expected sources than were written: one fewer would otherwise go unseen.
        let next = dir.join(format!("{stem}.expected-{}.bdl", sources.len() + 1));
        assert!(
            update || !next.exists(),
            "{name}: {} is not written any more",
            next.display()
        );
        let report_path = dir.join(format!("{stem}.unplaced.txt"));
        if update {
            std::fs::write(&report_path, &report).unwrap();
        } else {
            let want = std::fs::read_to_string(&report_path).unwrap();
            assert_eq!(
                report,
                want,
                "{name}: the report differs from {}",
                report_path.display()
            );
        }
    }
}
