//! emit: the model → the official tables (Markdown, HTML, XLSX) and a JSON document.

pub mod cell_limit;
mod earlier;
mod evaluation;
pub mod html;
pub mod json;
pub mod layout;
pub mod markdown;
mod ministry;
pub mod pretty;
pub mod xlsx;
