//! A change set as Markdown, to read as a pull-request comment: a heading, a summary line, the changed
//! figures in tables, then directions, indicators and texts. Deleted words are ~~struck~~, inserted
//! ones **bold**. Every text from a declaration is escaped: it is data, never markup.

use super::changes::*;
use crate::present::figures;
use rust_decimal::Decimal;

pub fn render(c: &ChangeSet) -> String {
    let mut out = String::new();
    let (old_col, new_col) = columns(c);
    let unit = c.unit.name();
    let who = c
        .filer
        .as_deref()
        .map_or(String::new(), |f| format!("{} ", escape(f)));
    let years = match (c.old_year, c.new_year) {
        (Some(o), Some(n)) if o == n => format!("：{n}年"),
        (Some(o), Some(n)) => format!("：{o}年 → {n}年"),
        (None, Some(n)) => format!("：{n}年"),
        (Some(o), None) => format!("：{o}年"),
        (None, None) => String::new(),
    };
    let title = if c.is_same() {
        "预算无变化"
    } else {
        "预算变动"
    };
    out.push_str(&format!("## {who}{title}{years}\n\n"));
    if let Some(t) = c.total("total") {
        out.push_str(&summary_line(t, unit));
        out.push_str("\n\n");
    }
    if c.is_same() {
        out.push_str("两份预算相同（顺序与格式不计）。\n");
        return out;
    }
    let counts = counts(c);
    if !counts.is_empty() {
        out.push_str(&format!("变动：{counts}\n\n"));
    }

    if !c.header.is_empty() {
        out.push_str("### 基本信息\n\n");
        out.push_str(&format!(
            "| 项目 | {old_col} | {new_col} |\n|---|---|---|\n"
        ));
        for f in &c.header {
            out.push_str(&format!(
                "| {} | {} | {} |\n",
                f.label,
                opt(&f.old),
                opt(&f.new)
            ));
        }
        out.push('\n');
    }

    let changed_totals: Vec<&TotalChange> =
        c.totals.iter().filter(|t| t.amounts.is_changed()).collect();
    if !changed_totals.is_empty() || !c.lines.is_empty() {
        out.push_str(&format!("### 金额（{unit}）\n\n"));
        out.push_str(&format!(
            "| 项目 | {old_col} | {new_col} | 增减 | 增减率 |\n|---|---|---|---|---|\n"
        ));
        for t in changed_totals {
            out.push_str(&format!("| {} | {} |\n", t.label, amount_cells(&t.amounts)));
        }
        for l in &c.lines {
            let mut name: Vec<String> = Vec::new();
            if let Some(d) = &l.direction {
                name.push(escape(d));
            }
            name.push(l.breakdown.label().to_string());
            name.extend(l.path.iter().map(|p| escape(p)));
            let status = match l.status {
                Status::Changed => String::new(),
                s => format!("（{}）", s.label()),
            };
            out.push_str(&format!(
                "| {}{status} | {} |\n",
                name.join(" › "),
                amount_cells(&l.amounts)
            ));
        }
        out.push('\n');
    }

    if !c.directions.is_empty() {
        directions(&mut out, c, &old_col, &new_col, unit);
    }
    if !c.indicators.is_empty() {
        indicators(&mut out, c);
    }
    if !c.texts.is_empty() {
        texts(&mut out, c);
    }
    if !c.self_evaluation.is_empty() {
        self_evaluation(&mut out, c);
    }
    out
}

/// 年终自评: per table, the rows whose actual or score moved, then 总分 and 等级.
fn self_evaluation(out: &mut String, c: &ChangeSet) {
    out.push_str("### 年终自评\n\n");
    out.push_str(
        "| 所在表 | 项目 | 原实际完成值 | 新实际完成值 | 分值 | 原得分 | 新得分 | 偏差原因 |\n|---|---|---|---|---|---|---|---|\n",
    );
    let score = |f: &Option<ScoreFacts>| {
        f.as_ref()
            .and_then(|f| f.score)
            .map_or("—".to_string(), |s| figures::display_fixed(s, 2))
    };
    let actual = |f: &Option<ScoreFacts>| {
        f.as_ref()
            .filter(|f| !f.actual.is_empty())
            .map_or("—".to_string(), |f| escape(&f.actual))
    };
    for e in &c.self_evaluation {
        let table = table_name(&e.table);
        for r in &e.rows {
            let points = r
                .new
                .as_ref()
                .or(r.old.as_ref())
                .and_then(|f| f.points)
                .map_or("—".to_string(), |p| figures::display(p, 2));
            let reason = r.new.as_ref().and_then(|f| f.reason.clone());
            out.push_str(&format!(
                "| {table} | {} | {} | {} | {points} | {} | {} | {} |\n",
                escape(&r.label),
                actual(&r.old),
                actual(&r.new),
                score(&r.old),
                score(&r.new),
                opt(&reason),
            ));
        }
        let total =
            |t: Option<Decimal>| t.map_or("—".to_string(), |t| figures::display_fixed(t, 2));
        out.push_str(&format!(
            "| {table} | 总分 |  |  |  | {} | {} |  |\n",
            total(e.total.0),
            total(e.total.1)
        ));
        out.push_str(&format!(
            "| {table} | 等级 |  |  |  | {} | {} |  |\n",
            opt(&e.grade.0),
            opt(&e.grade.1)
        ));
    }
    out.push('\n');
}

/// `资金总额 173.4271 → 180.1 万元 (+3.85%)`
pub fn summary_line(t: &TotalChange, unit: &str) -> String {
    let a = &t.amounts;
    if !a.is_changed() {
        return format!("{} {} {unit}，未变", t.label, fig(a.new));
    }
    let percent = a
        .percent
        .map_or(String::new(), |p| format!(" ({})", signed_percent(p)));
    format!(
        "{} {} → {} {unit}{percent}",
        t.label,
        fig(a.old),
        fig(a.new)
    )
}

fn columns(c: &ChangeSet) -> (String, String) {
    match (c.old_year, c.new_year) {
        (Some(o), Some(n)) if o != n => (format!("{o}年"), format!("{n}年")),
        _ => ("原".to_string(), "新".to_string()),
    }
}

fn counts(c: &ChangeSet) -> String {
    let mut parts = Vec::new();
    let list = |items: &[(&str, usize)]| -> Option<String> {
        let shown: Vec<String> = items
            .iter()
            .filter(|(_, n)| *n > 0)
            .map(|(l, n)| format!("{l} {n}"))
            .collect();
        (!shown.is_empty()).then(|| shown.join("、"))
    };
    let d = &c.directions;
    if let Some(s) = list(&[
        ("新增", d.added.len()),
        ("删除", d.removed.len()),
        ("修改", d.changed.len()),
    ]) {
        parts.push(format!("支出方向 {s}"));
    }
    let count_i = |s: IndicatorStatus| c.indicators.iter().filter(|i| i.status == s).count();
    if let Some(s) = list(&[
        ("新增", count_i(IndicatorStatus::Added)),
        ("删除", count_i(IndicatorStatus::Removed)),
        ("修改", count_i(IndicatorStatus::Changed)),
        ("改写", count_i(IndicatorStatus::Renamed)),
    ]) {
        parts.push(format!("绩效指标 {s}"));
    }
    let count_t = |s: Status| c.texts.iter().filter(|t| t.status == s).count();
    if let Some(s) = list(&[
        ("新增", count_t(Status::Added)),
        ("删除", count_t(Status::Removed)),
        ("修改", count_t(Status::Changed)),
    ]) {
        parts.push(format!("文字 {s}"));
    }
    parts.join("；")
}

fn fig(v: Option<Decimal>) -> String {
    v.map_or_else(|| "—".to_string(), figures::exact)
}

fn signed(v: Decimal) -> String {
    if v > Decimal::ZERO {
        format!("+{}", figures::exact(v))
    } else {
        figures::exact(v)
    }
}

fn signed_percent(p: Decimal) -> String {
    format!("{}%", signed(p))
}

/// `old | new | change | percent` cells of an amount row.
fn amount_cells(a: &AmountChange) -> String {
    format!(
        "{} | {} | {} | {}",
        fig(a.old),
        fig(a.new),
        a.change.map_or_else(|| "—".to_string(), signed),
        a.percent.map_or_else(|| "—".to_string(), signed_percent)
    )
}

fn opt(s: &Option<String>) -> String {
    s.as_deref().map_or_else(|| "—".to_string(), escape)
}

/// A BDL fact in a code span when that is safe, else as escaped text.
fn code(s: &str) -> String {
    if s.contains(['`', '|', '\n', '\r']) {
        escape(s)
    } else {
        format!("`{s}`")
    }
}

fn fact_text(f: &FactChange) -> String {
    let fact = match f.fact {
        "count" | "pricing" => format!("{} → {}", f.old, f.new),
        name => format!(
            "{name} {} → {}{}",
            f.old,
            f.new,
            f.unit.as_deref().unwrap_or("")
        ),
    };
    code(&fact)
}

/// Facts grouped by their cost line: `岗位一：`people 5 → 6`、`rate 1000 → 1200/month``.
fn facts_text(facts: &[FactChange]) -> Vec<String> {
    facts
        .chunk_by(|a, b| a.cost == b.cost)
        .map(|group| {
            let list: Vec<String> = group.iter().map(fact_text).collect();
            match group.first().and_then(|f| f.cost.as_ref()) {
                Some(label) => format!("{}：{}", escape(label), list.join("、")),
                None => list.join("、"),
            }
        })
        .collect()
}

fn cost_text(c: &CostEntry, unit: &str) -> String {
    let amount = c.amount.map_or(String::new(), |a| {
        format!("（{} {unit}）", figures::exact(a))
    });
    match &c.label {
        Some(l) => format!("{}：{}{amount}", escape(l), code(&c.basis)),
        None => format!("{}{amount}", code(&c.basis)),
    }
}

fn directions(out: &mut String, c: &ChangeSet, old_col: &str, new_col: &str, unit: &str) {
    let d = &c.directions;
    out.push_str("### 支出方向\n\n");
    out.push_str(&format!(
        "| 支出方向（子项） | {old_col} | {new_col} | 增减 | 增减率 | 变动 |\n|---|---|---|---|---|---|\n"
    ));
    for ch in &d.changed {
        let mut why = facts_text(&ch.facts);
        for f in &ch.fields {
            why.push(format!("{} {} → {}", f.label, opt(&f.old), opt(&f.new)));
        }
        for a in &ch.costs_added {
            why.push(format!("新增 {}", cost_text(a, unit)));
        }
        for r in &ch.costs_removed {
            why.push(format!("删除 {}", cost_text(r, unit)));
        }
        out.push_str(&format!(
            "| {} | {} | {} |\n",
            escape(&ch.name),
            amount_cells(&ch.amounts),
            why.join("；")
        ));
    }
    for e in &d.added {
        out.push_str(&format!(
            "| {} | {} | 新增 |\n",
            escape(&e.name),
            amount_cells(&AmountChange::new(None, e.amount))
        ));
    }
    for e in &d.removed {
        out.push_str(&format!(
            "| {} | {} | 删除 |\n",
            escape(&e.name),
            amount_cells(&AmountChange::new(e.amount, None))
        ));
    }
    out.push('\n');
    for (e, status) in d
        .added
        .iter()
        .map(|e| (e, "新增"))
        .chain(d.removed.iter().map(|e| (e, "删除")))
    {
        out.push_str(&format!("#### {status}：{}\n\n", escape(&e.name)));
        out.push_str(&format!("- 金额：{} {unit}\n", fig(e.amount)));
        if let Some(p) = &e.parent {
            out.push_str(&format!("- 上级支出方向：{}\n", escape(p)));
        }
        if let Some(s) = &e.special {
            let label = if e.kind == "project" {
                "项目类型"
            } else {
                "所属专项"
            };
            out.push_str(&format!("- {label}：{}\n", escape(s)));
        }
        if let Some(p) = &e.period {
            out.push_str(&format!("- 项目实施期：{}\n", escape(p)));
        }
        if !e.costs.is_empty() {
            let costs: Vec<String> = e.costs.iter().map(|c| cost_text(c, unit)).collect();
            out.push_str(&format!("- 计算依据：{}\n", costs.join("；")));
        }
        if let Some(b) = &e.basis_text {
            out.push_str(&format!("- 测算依据：{}\n", escape(b)));
        }
        if let Some(g) = &e.goal {
            out.push_str(&format!("- 实施期绩效目标：{}\n", escape(g)));
        }
        if let Some(g) = &e.annual {
            out.push_str(&format!("- 年度绩效目标：{}\n", escape(g)));
        }
        out.push_str(&format!("- 绩效指标：{} 项\n\n", e.indicators));
    }
}

fn table_name(t: &Table) -> String {
    t.as_deref().map_or_else(|| "部门整体".to_string(), escape)
}

/// Deleted text ~~struck~~ and inserted text **bold**, with the shared text around them.
///
/// CommonMark only opens `~~` / `**` before punctuation when the character before is punctuation or
/// space, and only closes after punctuation when the character after is (the "flanking" rules). Chinese
/// has no spaces, so `矛盾~~、~~` would print its tildes. A change that starts or ends with
/// punctuation therefore takes in the neighbouring unchanged character (on both sides of the change),
/// which keeps the meaning and lets the marks render.
fn marked(segments: &[Segment]) -> String {
    let segments = super::text::widen(segments, opens_badly, closes_badly);
    let mut s = String::new();
    for seg in &segments {
        let text = escape(&seg.text);
        match seg.kind {
            SegmentKind::Equal => s.push_str(&text),
            SegmentKind::Delete => s.push_str(&format!("~~{text}~~")),
            SegmentKind::Insert => s.push_str(&format!("**{text}**")),
        }
    }
    s
}

/// Punctuation and symbols as CommonMark counts them for emphasis, taken broadly: ASCII, Latin-1,
/// general punctuation, arrows and mathematical signs (≥ ≤), CJK and full-width punctuation. Counting
/// a character too many only widens a mark by one character.
fn is_punctuation(c: char) -> bool {
    c.is_ascii_punctuation()
        || matches!(c as u32,
            0x00A1..=0x00BF | 0x00D7 | 0x00F7 | 0x2000..=0x2BFF | 0x3000..=0x303F | 0xFE10..=0xFE6F
            | 0xFF01..=0xFF0F | 0xFF1A..=0xFF20 | 0xFF3B..=0xFF40 | 0xFF5B..=0xFF65)
}

/// A mark between `prev` and `first` would not open.
fn opens_badly(prev: char, first: char) -> bool {
    first.is_whitespace()
        || (is_punctuation(first) && !(prev.is_whitespace() || is_punctuation(prev)))
}

/// A mark between `last` and `next` would not close.
fn closes_badly(last: char, next: char) -> bool {
    last.is_whitespace()
        || (is_punctuation(last) && !(next.is_whitespace() || is_punctuation(next)))
}

fn indicators(out: &mut String, c: &ChangeSet) {
    out.push_str("### 绩效指标\n\n");
    out.push_str(
        "| 所在表 | 变动 | 二级指标 | 三级指标 | 原指标值 | 新指标值 |\n|---|---|---|---|---|---|\n",
    );
    for i in &c.indicators {
        let mut table = table_name(&i.table);
        if i.horizon == "overall" {
            table.push_str("（实施期）");
        }
        let name = match i.status {
            IndicatorStatus::Renamed => marked(&i.name_segments),
            _ => escape(
                i.new
                    .as_ref()
                    .or(i.old.as_ref())
                    .map_or("", |f| f.name.as_str()),
            ),
        };
        let value =
            |f: &Option<IndicatorFacts>| f.as_ref().map_or("—".to_string(), |f| escape(&f.value));
        out.push_str(&format!(
            "| {table} | {} | {} | {name} | {} | {} |\n",
            i.status.label(),
            escape(&i.level2),
            value(&i.old),
            value(&i.new)
        ));
        for f in i
            .fields
            .iter()
            .filter(|f| f.key != "name" && f.key != "value")
        {
            // The new text shows what changed in it, marked like the texts below.
            let new = match (&f.old, &f.new) {
                (Some(o), Some(n)) => marked(&super::text::segments(o, n)),
                _ => opt(&f.new),
            };
            out.push_str(&format!(
                "|  |  |  |  | {}：{} | {}：{new} |\n",
                f.label,
                opt(&f.old),
                f.label,
            ));
        }
    }
    out.push('\n');
}

fn texts(out: &mut String, c: &ChangeSet) {
    out.push_str("### 文字\n\n");
    for t in &c.texts {
        let label = match &t.table {
            Some(d) => format!("{} › {}", escape(d), escape(&t.label)),
            None => escape(&t.label),
        };
        let body = match t.status {
            Status::Changed => marked(&t.segments),
            Status::Added => format!("**{}**", escape(t.new.as_deref().unwrap_or(""))),
            Status::Removed => format!("~~{}~~", escape(t.old.as_deref().unwrap_or(""))),
        };
        out.push_str(&format!("- **{label}**（{}）：{body}\n", t.status.label()));
    }
}

/// Declaration text is data: the same escaper as `build`'s tables.
pub fn escape(s: &str) -> String {
    crate::emit::markdown::escape(s)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn escapes_markup_in_data() {
        assert_eq!(
            escape("<script>*a*|[x](y)~~z~~"),
            "&lt;script&gt;\\*a\\*\\|\\[x\\]\\(y\\)\\~\\~z\\~\\~"
        );
    }

    #[test]
    fn marks_deletions_and_insertions() {
        let segs = super::super::text::segments("促进社会和谐稳定。", "促进社会和谐发展。");
        assert_eq!(marked(&segs), "促进社会和谐~~稳定~~**发展**。");
    }

    #[test]
    fn a_changed_punctuation_mark_takes_in_its_neighbours() {
        let segs = super::super::text::segments("化解社会矛盾、促进", "化解社会矛盾，促进");
        assert_eq!(marked(&segs), "化解社会矛~~盾、促~~**盾，促**进");
        // At the very start and end there is nothing to take in, and nothing needed.
        let segs = super::super::text::segments("、", "，");
        assert_eq!(marked(&segs), "~~、~~**，**");
        let segs = super::super::text::segments("、甲", "，甲");
        assert_eq!(marked(&segs), "~~、甲~~**，甲**");
    }
}
