//! Every diagnostic code bdl can report, with its default severity and a one-line title. Codes are
//! stable: B1xxx syntax, B2xxx names and structure, B3xxx money, B4xxx indicators, B5xxx texts and periods,
//! B9xxx internal errors.

use crate::diagnostic::Severity;

mod pages;

macro_rules! codes {
    ($( $variant:ident = $code:literal, $severity:ident, $title:literal; )*) => {
        #[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
        pub enum Code { $( $variant, )* }

        impl Code {
            pub const ALL: &'static [Code] = &[ $( Code::$variant, )* ];

            pub fn as_str(self) -> &'static str {
                match self { $( Code::$variant => $code, )* }
            }

            pub fn severity(self) -> Severity {
                match self { $( Code::$variant => Severity::$severity, )* }
            }

            pub fn title(self) -> &'static str {
                match self { $( Code::$variant => $title, )* }
            }

            pub fn parse(text: &str) -> Option<Code> {
                let text = text.trim();
                Code::ALL.iter().copied().find(|c| c.as_str().eq_ignore_ascii_case(text))
            }
        }
    };
}

codes! {
    Syntax = "B1001", Error, "the line does not follow the bdl grammar";
    NumberOutOfRange = "B1002", Error, "a number is too long or too large to be exact";
    TooComplex = "B1003", Error, "the file is too complex to parse";
    NotUtf8 = "B1004", Error, "the file is not UTF-8 text";
    UnclosedBlock = "B1005", Error, "a block opened with `{` is never closed";
    UnopenedBlock = "B1006", Error, "a `}` closes no block";
    TooLarge = "B1007", Error, "the file is larger than bdl reads";
    TooDeep = "B1008", Error, "blocks are nested deeper than bdl reads";
    FullWidthPunctuation = "B1010", Error, "full-width punctuation where ASCII is meant";
    UnterminatedString = "B1011", Error, "a text in quotes is not closed on its line";
    ThousandsSeparator = "B1012", Error, "a number is written with thousands separators";
    RateWithoutPeriod = "B1013", Error, "a rate does not say per month or per year";
    UnknownKeyword = "B1014", Error, "a line starts with a word that is not a keyword";
    UnknownMoneyUnit = "B1016", Error, "a money unit is neither 万元 nor 元";
    InvisibleCharacter = "B1015", Warning, "an invisible character changes how the text reads";

    UnknownReference = "B2001", Error, "a reference names a direction or line that does not exist";
    DuplicateName = "B2002", Error, "two parts have the same name";
    DuplicateHeader = "B2003", Error, "a header fact is given twice";
    MissingHeader = "B2004", Error, "a header fact the tables need is missing";
    UnknownFramework = "B2005", Error, "the framework is not a known profile";
    ReferenceNeedsDirection = "B2006", Error, "a reference outside a direction must name its direction";
    InvalidHeader = "B2007", Error, "a header value is out of range";
    CyclicDerivation = "B2008", Error, "a line is derived from itself";

    LineSumMismatch = "B3001", Error, "a line differs from the sum of its parts";
    BreakdownsDiffer = "B3002", Error, "the income and spending breakdowns add up to different totals";
    TotalMismatch = "B3003", Error, "the declared total differs from the breakdown";
    PrintedPrecision = "B3004", Note, "a declared figure matches only at its printed precision";
    DirectionAmountMismatch = "B3010", Error, "a direction's declared amount differs from its cost basis";
    DirectionWithoutAmount = "B3011", Error, "a direction has no amount and nothing to compute it from";
    ProjectFundsMismatch = "B3012", Error, "a direction's funds by source differ from its amount";
    LineWithoutAmount = "B3013", Error, "an income or spending line has no amount";
    SubYuan = "B3020", Warning, "an amount is more precise than 1 元";
    Overflow = "B3030", Error, "an amount is too large to compute exactly";
    Inexact = "B3032", Error, "a computation has no exact result";
    NegativeNumber = "B3031", Error, "an amount, count, price or number of months is negative";

    UnknownLevel2 = "B4001", Error, "the 二级指标 is not in the document's framework";
    WrongLevel1 = "B4002", Error, "the 二级指标 is placed under the wrong 一级指标";
    UnknownLevel1 = "B4003", Error, "the 一级指标 is not in the document's framework";
    QuantityContradictsReference = "B4010", Error, "a quantity differs from the number it refers to";
    ReferenceUnitMismatch = "B4011", Error, "a value's unit does not fit the number it refers to";
    CostCapAboveAmount = "B4020", Error, "a cost cap is above the amount it caps";
    CostCapBelowAmount = "B4021", Note, "a cost cap is below the amount it caps";
    StrictCapEqual = "B4022", Warning, "a strict `<` cost cap equals the amount it caps";
    EmptyCategory = "B4030", Warning, "a framework category has no indicator";
    NoSatisfaction = "B4031", Warning, "there is no satisfaction indicator";
    SatisfactionLow = "B4040", Warning, "a satisfaction target is below 90% or not a `≥`";
    PercentAbove100 = "B4041", Warning, "a percentage is above 100%";
    DuplicateIndicator = "B4042", Warning, "two indicators of one table have the same name";
    PlaceholderValue = "B4043", Warning, "an indicator holds placeholder text";
    TextTooLong = "B4044", Warning, "an indicator name or value is longer than the systems accept";

    GoalTextsDiffer = "B5001", Warning, "a direction's goal is worded differently in two places";
    MissingGoal = "B5002", Warning, "a direction has no 实施期 or 年度 goal";
    PeriodExcludesYear = "B5010", Warning, "the period does not include the budget year";
    PeriodUnreadable = "B5011", Note, "the period could not be read as dates or a length";

    FormatUnverified = "B9001", Error, "internal error: the formatter could not prove its result, nothing was written";
}
