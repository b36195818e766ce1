//! Every code's documentation page (`docs/diagnostics/CODE.md`), embedded in the binary for
//! `bdl explain`. The match is exhaustive, so a new code does not compile without its page;
//! `tests/diagnostic_pages.rs` checks that each page is the right one.

use super::Code;

impl Code {
    /// The code's documentation page, in Markdown: `docs/diagnostics/CODE.md`.
    pub fn page(self) -> &'static str {
        match self {
            Code::Syntax => include_str!("../../docs/diagnostics/B1001.md"),
            Code::NumberOutOfRange => include_str!("../../docs/diagnostics/B1002.md"),
            Code::TooComplex => include_str!("../../docs/diagnostics/B1003.md"),
            Code::NotUtf8 => include_str!("../../docs/diagnostics/B1004.md"),
            Code::UnclosedBlock => include_str!("../../docs/diagnostics/B1005.md"),
            Code::UnopenedBlock => include_str!("../../docs/diagnostics/B1006.md"),
            Code::TooLarge => include_str!("../../docs/diagnostics/B1007.md"),
            Code::TooDeep => include_str!("../../docs/diagnostics/B1008.md"),
            Code::FullWidthPunctuation => include_str!("../../docs/diagnostics/B1010.md"),
            Code::UnterminatedString => include_str!("../../docs/diagnostics/B1011.md"),
            Code::ThousandsSeparator => include_str!("../../docs/diagnostics/B1012.md"),
            Code::RateWithoutPeriod => include_str!("../../docs/diagnostics/B1013.md"),
            Code::UnknownKeyword => include_str!("../../docs/diagnostics/B1014.md"),
            Code::UnknownMoneyUnit => include_str!("../../docs/diagnostics/B1016.md"),
            Code::InvisibleCharacter => include_str!("../../docs/diagnostics/B1015.md"),
            Code::UnknownReference => include_str!("../../docs/diagnostics/B2001.md"),
            Code::DuplicateName => include_str!("../../docs/diagnostics/B2002.md"),
            Code::DuplicateHeader => include_str!("../../docs/diagnostics/B2003.md"),
            Code::MissingHeader => include_str!("../../docs/diagnostics/B2004.md"),
            Code::UnknownFramework => include_str!("../../docs/diagnostics/B2005.md"),
            Code::ReferenceNeedsDirection => include_str!("../../docs/diagnostics/B2006.md"),
            Code::InvalidHeader => include_str!("../../docs/diagnostics/B2007.md"),
            Code::CyclicDerivation => include_str!("../../docs/diagnostics/B2008.md"),
            Code::LineSumMismatch => include_str!("../../docs/diagnostics/B3001.md"),
            Code::BreakdownsDiffer => include_str!("../../docs/diagnostics/B3002.md"),
            Code::TotalMismatch => include_str!("../../docs/diagnostics/B3003.md"),
            Code::PrintedPrecision => include_str!("../../docs/diagnostics/B3004.md"),
            Code::DirectionAmountMismatch => include_str!("../../docs/diagnostics/B3010.md"),
            Code::DirectionWithoutAmount => include_str!("../../docs/diagnostics/B3011.md"),
            Code::ProjectFundsMismatch => include_str!("../../docs/diagnostics/B3012.md"),
            Code::LineWithoutAmount => include_str!("../../docs/diagnostics/B3013.md"),
            Code::SubYuan => include_str!("../../docs/diagnostics/B3020.md"),
            Code::Overflow => include_str!("../../docs/diagnostics/B3030.md"),
            Code::Inexact => include_str!("../../docs/diagnostics/B3032.md"),
            Code::NegativeNumber => include_str!("../../docs/diagnostics/B3031.md"),
            Code::UnknownLevel2 => include_str!("../../docs/diagnostics/B4001.md"),
            Code::WrongLevel1 => include_str!("../../docs/diagnostics/B4002.md"),
            Code::UnknownLevel1 => include_str!("../../docs/diagnostics/B4003.md"),
            Code::QuantityContradictsReference => include_str!("../../docs/diagnostics/B4010.md"),
            Code::ReferenceUnitMismatch => include_str!("../../docs/diagnostics/B4011.md"),
            Code::CostCapAboveAmount => include_str!("../../docs/diagnostics/B4020.md"),
            Code::CostCapBelowAmount => include_str!("../../docs/diagnostics/B4021.md"),
            Code::StrictCapEqual => include_str!("../../docs/diagnostics/B4022.md"),
            Code::EmptyCategory => include_str!("../../docs/diagnostics/B4030.md"),
            Code::NoSatisfaction => include_str!("../../docs/diagnostics/B4031.md"),
            Code::SatisfactionLow => include_str!("../../docs/diagnostics/B4040.md"),
            Code::PercentAbove100 => include_str!("../../docs/diagnostics/B4041.md"),
            Code::DuplicateIndicator => include_str!("../../docs/diagnostics/B4042.md"),
            Code::PlaceholderValue => include_str!("../../docs/diagnostics/B4043.md"),
            Code::TextTooLong => include_str!("../../docs/diagnostics/B4044.md"),
            Code::GoalTextsDiffer => include_str!("../../docs/diagnostics/B5001.md"),
            Code::MissingGoal => include_str!("../../docs/diagnostics/B5002.md"),
            Code::PeriodExcludesYear => include_str!("../../docs/diagnostics/B5010.md"),
            Code::PeriodUnreadable => include_str!("../../docs/diagnostics/B5011.md"),
            Code::FormatUnverified => include_str!("../../docs/diagnostics/B9001.md"),
        }
    }
}
