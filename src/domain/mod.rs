//! The ground floor: the words every stage shares. Money that knows its unit and adds up exactly,
//! periods, horizons, direction kinds and breakdowns. Nothing here knows about syntax, checks or output;
//! everything above may use it.

pub mod form;
pub mod framework;
pub mod kinds;
pub mod money;
pub mod period;
pub mod scoring;

pub use form::Form;
pub use kinds::{Breakdown, DirectionKind, Earlier, Horizon, Per};
pub use money::{Money, MoneyUnit};
pub use period::{Period, YearMonth};
