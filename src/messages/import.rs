//! The texts of `bdl import` on the command line: what was written, the report of cells left out.

use super::Text;

fn t(en: impl Into<String>, zh: impl Into<String>) -> Text {
    Text::new(en, zh)
}

pub fn import_needs_folder(n: usize) -> Text {
    t(
        format!(
            "the file holds {n} declarations: give a folder with -o DIR to write one source for each"
        ),
        format!("文件中有 {n} 份申报：请用 -o DIR 指定文件夹，每份写成一个源文件"),
    )
}

pub fn import_report_heading(n: usize) -> Text {
    t(
        format!(
            "{n} {} not placed (place · text · why):",
            if n == 1 { "cell" } else { "cells" }
        ),
        format!("未写入的单元格共 {n} 个（位置 · 内容 · 原因）："),
    )
}

pub fn import_summary(sources: usize, unplaced: usize, errors: usize) -> Text {
    t(
        format!(
            "imported {sources} source(s); {unplaced} cell(s) not placed; {errors} error(s) in the sources"
        ),
        format!("已导入 {sources} 个源文件；{unplaced} 个单元格未写入；源文件中有 {errors} 个错误"),
    )
}
