//! Ordinals are presentation, generated on output: 一、二 … 二十一 for directions, （一）（二）… for
//! duties.

/// Chinese numerals for 序号: 一 … 十, 十一 … 九十九.
pub fn chinese(n: usize) -> String {
    const DIGITS: [&str; 10] = ["零", "一", "二", "三", "四", "五", "六", "七", "八", "九"];
    let digit = |d: usize| DIGITS.get(d).copied().unwrap_or_default();
    match n {
        0..=9 => digit(n).to_string(),
        10 => "十".to_string(),
        11..=19 => format!("十{}", digit(n - 10)),
        20..=99 => format!(
            "{}十{}",
            digit(n / 10),
            if n.is_multiple_of(10) {
                ""
            } else {
                digit(n % 10)
            }
        ),
        _ => n.to_string(),
    }
}

/// （一）（二）… for duties.
pub fn duty(n: usize) -> String {
    format!("（{}）", chinese(n))
}

#[cfg(test)]
mod tests {
    use super::chinese;

    #[test]
    fn ordinals() {
        let got: Vec<String> = [1, 2, 10, 11, 20, 21, 99]
            .iter()
            .map(|n| chinese(*n))
            .collect();
        assert_eq!(got, ["一", "二", "十", "十一", "二十", "二十一", "九十九"]);
    }
}
