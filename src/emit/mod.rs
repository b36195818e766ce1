//! emit: the model → the official tables (Markdown) and a JSON document.

pub mod json;
pub mod layout;
pub mod markdown;
pub mod rollup;
