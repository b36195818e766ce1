//! The pages, each in its own file, on one layout.

pub mod assets;
pub mod declaration;
pub mod editor;
pub mod explain;
pub mod folder;
pub mod layout;
pub mod review;
