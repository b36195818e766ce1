//! Random valid declarations: every derived figure bdl prints equals an independent computation in
//! integer 元 (i128), formatted by hand — no rust_decimal on this side.

// Tests, benches and examples may unwrap, panic and index: a failure there is a failed check, not a crash.
#![allow(
    clippy::unwrap_used,
    clippy::expect_used,
    clippy::panic,
    clippy::indexing_slicing,
    clippy::string_slice
)]

use proptest::prelude::*;

#[derive(Debug, Clone)]
enum Basis {
    PeopleMonthly {
        people: u32,
        rate: u32,
        months: Option<u32>,
    },
    /// `rate` is a multiple of 12, so the exact amount is a whole number of 元 for any months (7 months of
    /// a yearly rate has no exact decimal as a fraction of a year: the product must be divided last).
    PeopleYearly {
        people: u32,
        rate: u32,
        months: Option<u32>,
    },
    QtyOnce {
        qty: u32,
        unit: &'static str,
        price: u32,
    },
}

impl Basis {
    fn yuan(&self) -> i128 {
        match *self {
            Basis::PeopleMonthly {
                people,
                rate,
                months,
            } => people as i128 * rate as i128 * months.unwrap_or(12) as i128,
            Basis::PeopleYearly {
                people,
                rate,
                months,
            } => people as i128 * rate as i128 * months.unwrap_or(12) as i128 / 12,
            Basis::QtyOnce { qty, price, .. } => qty as i128 * price as i128,
        }
    }

    fn people(&self) -> Option<i128> {
        match *self {
            Basis::PeopleMonthly { people, .. } | Basis::PeopleYearly { people, .. } => {
                Some(people as i128)
            }
            Basis::QtyOnce { .. } => None,
        }
    }

    fn source(&self) -> String {
        match self {
            Basis::PeopleMonthly {
                people,
                rate,
                months: Some(m),
            } => format!("< people {people} rate {rate}/month months {m} >"),
            Basis::PeopleMonthly {
                people,
                rate,
                months: None,
            } => format!("< people {people} rate {rate}/month >"),
            Basis::PeopleYearly {
                people,
                rate,
                months: Some(m),
            } => format!("< people {people} rate {rate}/year months {m} >"),
            Basis::PeopleYearly {
                people,
                rate,
                months: None,
            } => format!("< people {people} rate {rate}/year >"),
            Basis::QtyOnce { qty, unit, price } => format!("< qty {qty} {unit} price {price} >"),
        }
    }
}

fn basis() -> impl Strategy<Value = Basis> {
    prop_oneof![
        (1u32..500, 1u32..20_000, proptest::option::of(1u32..36)).prop_map(
            |(people, rate, months)| Basis::PeopleMonthly {
                people,
                rate,
                months
            }
        ),
        (1u32..500, 1u32..20_000, proptest::option::of(1u32..36)).prop_map(
            |(people, rate, months)| Basis::PeopleYearly {
                people,
                rate: rate * 12,
                months
            }
        ),
        (
            1u32..10_000,
            prop::sample::select(vec!["台", "亩", "个", "平方米"]),
            1u32..100_000
        )
            .prop_map(|(qty, unit, price)| Basis::QtyOnce { qty, unit, price }),
    ]
}

#[derive(Debug, Clone)]
struct Case {
    wan: bool,
    directions: Vec<Vec<Basis>>,
    basic_yuan: i128,
}

fn case() -> impl Strategy<Value = Case> {
    (
        any::<bool>(),
        prop::collection::vec(prop::collection::vec(basis(), 1..4), 1..6),
        0i128..100_000_000,
    )
        .prop_map(|(wan, directions, basic_yuan)| Case {
            wan,
            directions,
            basic_yuan,
        })
}

/// An amount in 元 written in the document's unit, by integer arithmetic.
fn written(yuan: i128, wan: bool) -> String {
    if !wan {
        return yuan.to_string();
    }
    let (int, frac) = (yuan / 10_000, yuan % 10_000);
    if frac == 0 {
        return int.to_string();
    }
    let frac = format!("{frac:04}");
    format!("{int}.{}", frac.trim_end_matches('0'))
}

fn source(c: &Case) -> String {
    let mut s = format!(
        "year 2024\nfiler \"测试局\"\nunit {}\nframework hunan\n",
        if c.wan { "万元" } else { "元" }
    );
    let project: i128 = c.directions.iter().flatten().map(Basis::yuan).sum();
    s.push_str(&format!(
        "income \"一般公共预算拨款\" {}\n",
        written(c.basic_yuan + project, c.wan)
    ));
    s.push_str(&format!(
        "spending \"基本支出\" {}\n",
        written(c.basic_yuan, c.wan)
    ));
    s.push_str("spending \"项目支出\" = directions\n");
    for (i, costs) in c.directions.iter().enumerate() {
        s.push_str(&format!("direction \"支出方向{i}\" {{\n"));
        for (j, b) in costs.iter().enumerate() {
            s.push_str(&format!("  cost \"项目{j}\" {}\n", b.source()));
        }
        s.push_str("}\n");
    }
    s
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 200, .. ProptestConfig::default() })]

    #[test]
    fn derived_figures_match_an_independent_computation(c in case()) {
        let src = source(&c);
        let compiled = bdl::compile(&src);
        let errors: Vec<_> = compiled.diagnostics.iter().filter(|d| d.is_error()).map(|d| d.message.en.clone()).collect();
        prop_assert!(errors.is_empty(), "errors {errors:?} in\n{src}");
        let decl = compiled.declaration.expect("a model");
        let json = bdl::emit::json::document(&decl);
        let project: i128 = c.directions.iter().flatten().map(Basis::yuan).sum();
        prop_assert_eq!(&json["project_spending"], &serde_json::json!(written(project, c.wan)));
        prop_assert_eq!(&json["total"], &serde_json::json!(written(c.basic_yuan + project, c.wan)));
        prop_assert_eq!(&json["spending_total"], &serde_json::json!(written(c.basic_yuan + project, c.wan)));
        for (i, costs) in c.directions.iter().enumerate() {
            let d = &json["directions"][i];
            prop_assert_eq!(&d["amount"], &serde_json::json!(written(costs.iter().map(Basis::yuan).sum(), c.wan)));
            let people: Vec<i128> = costs.iter().filter_map(Basis::people).collect();
            let expected_people = if people.is_empty() { serde_json::Value::Null } else { serde_json::json!(people.iter().sum::<i128>().to_string()) };
            prop_assert_eq!(&d["people"], &expected_people);
            for (j, b) in costs.iter().enumerate() {
                prop_assert_eq!(&d["basis"][j]["amount_yuan"], &serde_json::json!(b.yuan().to_string()));
            }
        }
    }
}
