//! present: every text meant for people that is made from the model — figures, money, ordinals,
//! indicator values, provenance and breadcrumbs — written in one place, so that the tables, JSON, diff
//! and messages say a thing the same way. Messages (`messages`) build their sentences from these.

pub mod breadcrumbs;
pub mod control_chars;
pub mod figures;
pub mod ordinals;
pub mod provenance;
pub mod scores;
pub mod values;
