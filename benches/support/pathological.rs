//! Inputs built to make a parser work hard, about `size` bytes each: the worst cases a finance bureau
//! could receive. Each must be answered (parsed or refused with a diagnostic) quickly.

#![allow(dead_code)]

fn repeat_to(unit: &str, size: usize) -> String {
    unit.repeat(size / unit.len().max(1) + 1)
}

pub fn inputs(size: usize) -> Vec<(&'static str, String)> {
    let header = "year 2021\nunit 万元\nframework hunan\n";
    let mut valid = String::new();
    let mut i = 0;
    while valid.len() < size {
        valid.push_str(&super::corpus::department(9, i));
        i += 1;
    }
    vec![
        ("valid declarations (concatenated)", valid),
        ("deep nesting", repeat_to("direction \"a\" {\n", size)),
        (
            "nesting at the depth limit, never closed",
            format!(
                "{header}{}",
                repeat_to("direction \"a\" {\nincome \"x\" 1\n}\n", size)
            )
            .replacen("}\n", "", 1),
        ),
        (
            "many unclosed blocks",
            repeat_to("direction \"a\" { \"b\"\n", size),
        ),
        (
            "one long line of words",
            format!("{header}duty {}", repeat_to("字a", size)),
        ),
        (
            "one long unterminated text",
            format!("{header}duty \"{}", repeat_to("长文本", size)),
        ),
        (
            "one long line of indicators",
            format!(
                "{header}{}",
                repeat_to("indicator 产出数量 \"a\" = 1人 ", size)
            ),
        ),
        (
            "a long run of operators",
            format!("{header}indicator 产出数量 \"a\" {}", repeat_to(">=", size)),
        ),
        (
            "a long run of angle brackets",
            format!("{header}direction \"a\" {}", repeat_to("< ", size)),
        ),
        (
            "a long line of full-width look-alikes",
            format!("{header}direction \"a\" {}", repeat_to("＜，", size)),
        ),
        (
            "a long line of figures in 万",
            format!("{header}income \"a\" {}", repeat_to("1万 ", size)),
        ),
        (
            "many stray closing braces",
            format!("{header}{}", repeat_to("}\n", size)),
        ),
        (
            "many invisible characters",
            format!("{header}duty \"{}\"\n", repeat_to("\u{202E}", size)),
        ),
        (
            "a long run of quotes",
            format!("{header}{}", repeat_to("\"", size)),
        ),
        (
            "a long sum of lines",
            format!(
                "{header}spending \"a\" = \"b\"{}",
                repeat_to(" + \"c\"", size)
            ),
        ),
        (
            "many lines that almost parse",
            format!("{header}{}", repeat_to("income \"a\" 1 = \"b\" +\n", size)),
        ),
        (
            "keywords without arguments",
            format!(
                "{header}{}",
                repeat_to("indicator indicator direction \n", size)
            ),
        ),
        (
            "one table of many indicators",
            format!(
                "{header}{}",
                repeat_to(
                    "indicator 产出数量 \"巡逻人员数量\" = 50人 note \"612元/人/月\"\n",
                    size
                )
            ),
        ),
        (
            "many directions",
            format!(
                "{header}spending \"项目支出\" = directions\n{}",
                (0..size / 60)
                    .map(|i| format!("direction \"方向{i}\" < people 5 rate 235/month >\n"))
                    .collect::<String>()
            ),
        ),
        (
            "many references to one direction",
            format!(
                "{header}direction \"甲\" < people 5 rate 235/month >\n{}",
                repeat_to("indicator 产出数量 \"人数\" = people of \"甲\"\n", size)
            ),
        ),
        (
            "numbers without end",
            format!("{header}total {}", repeat_to("1234567890", size)),
        ),
    ]
}
