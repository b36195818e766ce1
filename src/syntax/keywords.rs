//! The keywords of the language, in one table: the formatter writes them, the typing-mistake
//! recognisers suggest them, the messages list them. grammar/bdl.pest spells each one as a `kw_…` rule
//! and lists where statements start (`top_item`, `direction_item`, `framework_tree`);
//! tests/keywords.rs reads the grammar and fails when it and this table disagree.

/// Where a keyword starts a statement (a line).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Place {
    /// A line of the document itself (`top_item`).
    Document,
    /// A line inside a direction's or project's `{ … }` (`direction_item`).
    Direction,
    /// A line inside `framework { … }`.
    Framework,
    /// A line inside a task's `{ … }` (`task_item`).
    Task,
}

use Place::{Direction as D, Document as Doc, Framework as F, Task as T};

macro_rules! keywords {
    ($( $variant:ident = $word:literal, [$($place:ident),*]; )*) => {
        /// A keyword of the language.
        #[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
        pub enum Keyword { $( $variant, )* }

        impl Keyword {
            /// Every keyword: the statement keywords first, in the order the messages list them.
            pub const ALL: &[Keyword] = &[ $( Keyword::$variant, )* ];

            /// The keyword as written.
            pub const fn word(self) -> &'static str {
                match self { $( Keyword::$variant => $word, )* }
            }

            /// Where it starts a statement; empty for a word inside a statement (`rate`, `note`).
            pub const fn starts(self) -> &'static [Place] {
                match self { $( Keyword::$variant => &[$($place),*], )* }
            }
        }
    };
}

keywords! {
    Year = "year", [Doc];
    Filer = "filer", [Doc];
    Department = "department", [Doc];
    Unit = "unit", [Doc];
    Precision = "precision", [Doc];
    Framework = "framework", [Doc];
    Category = "category", [F];
    Total = "total", [Doc];
    Income = "income", [Doc, D, T];
    Spending = "spending", [Doc];
    Duty = "duty", [Doc];
    Goal = "goal", [Doc, D];
    Plan = "plan", [Doc];
    Task = "task", [Doc];
    Indicator = "indicator", [Doc, D];
    Overall = "overall", [Doc, D];
    Scores = "scores", [Doc, D];
    Direction = "direction", [Doc, D];
    Project = "project", [Doc, D];
    Special = "special", [D];
    Kind = "kind", [D];
    Period = "period", [D];
    Amount = "amount", [D];
    Cost = "cost", [D];
    Annual = "annual", [D];
    SummaryGoal = "summary-goal", [D];
    SummaryAnnual = "summary-annual", [D];
    Form = "form", [Doc];
    BudgetCode = "budget-code", [Doc];
    Contact = "contact", [Doc, D];
    Code = "code", [D];
    Attribute = "attribute", [D];
    Funding = "funding", [D];
    Policy = "policy", [D];
    Approval = "approval", [D];
    Overview = "overview", [D];
    Function = "function", [D];
    TotalBudget = "total-budget", [D];
    Share = "share", [D];
    Content = "content", [T];
    Achieved = "achieved", [Doc, D];
    Execution = "execution", [Doc, D];
    Outcome = "outcome", [Doc, D];
    Profile = "profile", [Doc];
    Directions = "directions", [];
    By = "by", [];
    For = "for", [];
    Basis = "basis", [];
    Prior = "prior", [D];
    Partial = "partial", [];
    Budget = "budget", [];
    Actual = "actual", [];
    Final = "final", [];
    People = "people", [];
    Qty = "qty", [];
    Rate = "rate", [];
    Price = "price", [];
    Months = "months", [];
    Of = "of", [];
    From = "from", [];
    Note = "note", [];
    Standard = "standard", [];
    Weight = "weight", [];
    Explain = "explain", [];
    Scoring = "scoring", [];
    Sense = "sense", [];
    Reason = "reason", [];
    Score = "score", [];
    Spent = "spent", [];
    Grades = "grades", [];
    Inverse = "inverse", [];
    Deviation = "deviation", [];
}

impl Keyword {
    /// The keyword spelled `word`, if it is one.
    pub fn from_word(word: &str) -> Option<Keyword> {
        Keyword::ALL.iter().copied().find(|k| k.word() == word)
    }

    pub fn starts_statement(self) -> bool {
        !self.starts().is_empty()
    }
}

/// The words that start a line anywhere (what an unknown first word may have meant to be).
pub fn statement_words() -> impl Iterator<Item = &'static str> {
    Keyword::ALL
        .iter()
        .filter(|k| k.starts_statement())
        .map(|k| k.word())
}

/// The words that start a line of the document, and those that start a line only inside a direction.
pub fn statement_lists() -> (Vec<&'static str>, Vec<&'static str>) {
    let at = |p: Place| move |k: &&Keyword| k.starts().contains(&p);
    let document = Keyword::ALL.iter().filter(at(Doc)).map(|k| k.word());
    let direction_only = Keyword::ALL
        .iter()
        .filter(at(D))
        .filter(|k| !k.starts().contains(&Doc))
        .map(|k| k.word());
    (document.collect(), direction_only.collect())
}

/// True when `c` may continue a keyword (the grammar's `idc`): `rate` in `rated` is no keyword.
pub fn continues_word(c: char) -> bool {
    c.is_ascii_alphanumeric() || c == '_' || c == '-'
}

/// The byte offsets in `line` where `keyword` stands as a whole word.
pub fn occurrences(line: &str, keyword: Keyword) -> impl Iterator<Item = usize> + '_ {
    let word = keyword.word();
    line.match_indices(word).filter_map(move |(i, _)| {
        let before = line.get(..i).and_then(|b| b.chars().next_back());
        let after = line.get(i + word.len()..).and_then(|a| a.chars().next());
        (!before.is_some_and(continues_word) && !after.is_some_and(continues_word)).then_some(i)
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn words_are_unique_and_round_trip() {
        for k in Keyword::ALL {
            assert_eq!(Keyword::from_word(k.word()), Some(*k));
        }
    }

    #[test]
    fn a_keyword_inside_a_word_is_not_one() {
        let line = "cost \"x\" < people 5 corporate 3 rate 4 > # rate-free rated";
        assert_eq!(
            occurrences(line, Keyword::Rate).collect::<Vec<_>>(),
            [line.find("rate 4").unwrap_or(0)]
        );
    }
}
