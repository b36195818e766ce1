//! The roll-up of many departments: per department (file) its totals by income nature and by spending
//! nature (top-level lines, names as written), its project spending and number of directions, and the
//! grand totals. Every amount is in 万元: documents in 元 are converted exactly (÷ 10,000), and a
//! figure that could not be converted exactly is refused, never rounded.

use crate::domain::money::{Inexact, exact};
use crate::domain::{Money, MoneyUnit};
use crate::messages::Text;
use crate::model::{self, Declaration};
use crate::present::figures;
use rust_decimal::Decimal;

/// The unit of every roll-up amount.
pub const UNIT: MoneyUnit = MoneyUnit::WanYuan;

/// One department's line of the roll-up: small, so thousands can be kept.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Entry {
    /// The source's path inside the folder, `/`-separated.
    pub path: String,
    pub year: Option<i32>,
    pub filer: Option<String>,
    pub department: Option<String>,
    /// The unit the document was written in (its amounts here are converted to 万元).
    pub source_unit: MoneyUnit,
    /// 资金总额 (declared, else a breakdown's sum).
    pub total: Option<Decimal>,
    pub income: Vec<(String, Decimal)>,
    pub spending: Vec<(String, Decimal)>,
    /// 项目支出: the sum of the top-level directions and projects.
    pub project_spending: Decimal,
    /// Top-level directions and projects.
    pub directions: usize,
    /// The year-end self-evaluation's score and grade (docs/self-evaluation.md), when written.
    pub evaluation: Option<Graded>,
}

/// A department's self-evaluation in the roll-up: its 部门整体 table's total, else its tables' totals
/// weighted by their 年初预算数 (rounded half away from zero to 2 decimals), and the grade.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Graded {
    pub score: Decimal,
    pub grade: &'static str,
}

impl Graded {
    pub fn of(decl: &Declaration) -> Option<Graded> {
        let tables = crate::score::evaluate(decl);
        let score = match tables.iter().find(|e| e.direction.is_none()) {
            Some(dept) => dept.total,
            None => {
                let weights: Option<Vec<(Decimal, Decimal)>> = tables
                    .iter()
                    .map(|e| e.amount.map(|a| (a.amount(), e.total)))
                    .collect();
                let weights = weights?;
                let sum_w = exact::sum(weights.iter().map(|(w, _)| *w)).ok()?;
                if sum_w <= Decimal::ZERO {
                    return None;
                }
                let weighted = weights.iter().try_fold(Decimal::ZERO, |acc, (w, t)| {
                    acc.checked_add(w.checked_mul(*t)?)
                })?;
                crate::score::round2(weighted.checked_div(sum_w)?)
            }
        };
        Some(Graded {
            score,
            grade: crate::domain::scoring::Grade::of(score, &decl.profile.grades).zh(),
        })
    }
}

/// A figure that cannot be put into the roll-up exactly, with what it is (the line's name as the
/// tables print it) and, for arithmetic, both operands.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum RollupError {
    /// The declaration could not derive it.
    Unknown { what: String },
    /// Its conversion to 万元, or its sum with the other departments', has no exact result.
    Inexact { what: String, inexact: Inexact },
}

impl RollupError {
    /// Why, in both languages, with the code of the same failure in a single document.
    pub fn text(&self) -> Text {
        match self {
            RollupError::Unknown { what } => crate::messages::rollup_unknown(what),
            RollupError::Inexact { what, inexact } => crate::messages::rollup_not_exact(
                what,
                &figures::operation(inexact),
                crate::lower::inexact_code(inexact).as_str(),
            ),
        }
    }
}

fn to_wan(value: Option<Money>, what: &str) -> Result<Decimal, RollupError> {
    let value = value.ok_or_else(|| RollupError::Unknown { what: what.into() })?;
    value
        .amount_in(UNIT)
        .map_err(|inexact| RollupError::Inexact {
            what: what.into(),
            inexact,
        })
}

impl Entry {
    /// The roll-up line of a compiled declaration found at `path`.
    pub fn of(path: String, decl: &Declaration) -> Result<Entry, RollupError> {
        let unit = decl.unit;
        let lines = |ls: &[model::Line]| -> Result<Vec<(String, Decimal)>, RollupError> {
            ls.iter()
                .map(|l| Ok((l.name.value.clone(), to_wan(l.amount, &l.name.value)?)))
                .collect()
        };
        let project = if decl.directions.is_empty() {
            Some(Money::zero(unit))
        } else {
            decl.directions_total()
        };
        Ok(Entry {
            path,
            year: decl.year.as_ref().map(|y| y.value),
            filer: decl.filer.as_ref().map(|f| f.value.clone()),
            department: decl.department.as_ref().map(|f| f.value.clone()),
            source_unit: unit,
            total: decl
                .total()
                .map(|t| to_wan(Some(t), "资金总额"))
                .transpose()?,
            income: lines(&decl.income)?,
            spending: lines(&decl.spending)?,
            project_spending: to_wan(project, "项目支出")?,
            directions: decl.directions.len(),
            evaluation: Graded::of(decl),
        })
    }
}

/// The grand totals over every department. Lines are summed by name, in the order names first appear.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct Totals {
    pub departments: usize,
    pub total: Decimal,
    pub income: Vec<(String, Decimal)>,
    pub spending: Vec<(String, Decimal)>,
    pub project_spending: Decimal,
    pub directions: usize,
}

fn add(acc: &mut Decimal, v: Decimal, what: &str) -> Result<(), RollupError> {
    *acc = exact::add(*acc, v).map_err(|inexact| RollupError::Inexact {
        what: what.into(),
        inexact,
    })?;
    Ok(())
}

fn add_lines(
    acc: &mut Vec<(String, Decimal)>,
    lines: &[(String, Decimal)],
) -> Result<(), RollupError> {
    for (name, v) in lines {
        match acc.iter_mut().find(|(n, _)| n == name) {
            Some((_, a)) => add(a, *v, name)?,
            None => acc.push((name.clone(), *v)),
        }
    }
    Ok(())
}

impl Totals {
    pub fn add(&mut self, e: &Entry) -> Result<(), RollupError> {
        self.departments += 1;
        add(&mut self.total, e.total.unwrap_or_default(), "资金总额")?;
        add_lines(&mut self.income, &e.income)?;
        add_lines(&mut self.spending, &e.spending)?;
        add(&mut self.project_spending, e.project_spending, "项目支出")?;
        self.directions += e.directions;
        Ok(())
    }
}

/// Every department's line (in path order) and the grand totals.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct Rollup {
    pub entries: Vec<Entry>,
    pub totals: Totals,
}

impl Rollup {
    pub fn push(&mut self, e: Entry) -> Result<(), RollupError> {
        self.totals.add(&e)?;
        self.entries.push(e);
        Ok(())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn entry(src: &str) -> Entry {
        let c = crate::compile(src);
        let decl = c.declaration.expect("compiles");
        Entry::of("x.bdl".into(), &decl).expect("converts")
    }

    #[test]
    fn yuan_documents_are_converted_to_wan_exactly() {
        let e = entry(
            "year 2024\nunit 元\nframework hunan\nincome \"一般公共预算拨款\" 12345\nspending \"基本支出\" 12345\n",
        );
        assert_eq!(e.total, Some(Decimal::new(12345, 4)));
        assert_eq!(
            e.income,
            vec![("一般公共预算拨款".to_string(), Decimal::new(12345, 4))]
        );
    }

    #[test]
    fn totals_sum_lines_by_name_in_order_of_appearance() {
        let a =
            entry("year 2024\nunit 万元\nframework hunan\nincome \"甲\" 1.5\nincome \"乙\" 2\n");
        let b = entry("year 2024\nunit 元\nframework hunan\nincome \"乙\" 5000\nincome \"丙\" 1\n");
        let mut r = Rollup::default();
        r.push(a).expect("adds");
        r.push(b).expect("adds");
        let names: Vec<&str> = r.totals.income.iter().map(|(n, _)| n.as_str()).collect();
        assert_eq!(names, ["甲", "乙", "丙"]);
        assert_eq!(r.totals.income[1].1, Decimal::new(25, 1));
        assert_eq!(r.totals.total, Decimal::new(40001, 4));
        assert_eq!(r.totals.departments, 2);
    }
}
