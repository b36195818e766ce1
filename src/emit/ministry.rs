//! The Ministry of Finance's forms (财预〔2015〕88号, 财预〔2021〕101号): 项目支出绩效目标表 and
//! 部门整体支出绩效目标表, laid out as grids for the same renderers as the Hunan forms (`layout`).
//! The indicator block splits each value into 计算符号 / 指标值 / 度量单位 as the 一体化 forms do, pairs
//! an indicator's 实施期 and 年度 values on one row as the 2015 template does, and prints the columns
//! the document uses (分值, 指标方向, 绩效标准, 指标解释, 评分标准, 备注). A project's breakdowns
//! (测算明细, 资金分配表) follow its indicators.

use super::earlier;
use super::layout::{
    Builder, Table, bare, category_name, declared, figure_with_unit, flatten_lines, tier_name,
    unit_caption,
};
use crate::domain::framework::Slot;
use crate::domain::{Form, Horizon, Money};
use crate::model::{Declaration, Direction, EarlierFigure, Indicator, Scores};
use crate::present::ordinals::duty as duty_ordinal;
use crate::present::provenance;
use crate::present::values::value_parts;

/// The tables of a document printed in the Ministry's forms: the department form first for
/// `mof-department`, last for `mof-project`; a project form for every direction or project that has
/// a table of its own.
pub fn tables(decl: &Declaration) -> Vec<Table> {
    let mut out = Vec::new();
    let department_first = decl.form == Form::MofDepartment;
    if department_first && decl.has_department_table() {
        out.push(department(decl));
    }
    for (depth, d) in decl.all_directions() {
        if d.has_own_table(depth) {
            out.push(project(decl, d));
        }
    }
    if !department_first && decl.has_department_table() {
        out.push(department(decl));
    }
    out
}

/// A column of the indicator block that a document may use.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Extra {
    Weight,
    Sense,
    Standard,
    Explain,
    Scoring,
    Note,
}

impl Extra {
    const ALL: [Extra; 6] = [
        Extra::Weight,
        Extra::Sense,
        Extra::Standard,
        Extra::Explain,
        Extra::Scoring,
        Extra::Note,
    ];

    fn heading(self) -> &'static str {
        match self {
            Extra::Weight => "分值",
            Extra::Sense => "指标方向",
            Extra::Standard => "绩效标准",
            Extra::Explain => "指标解释",
            Extra::Scoring => "评分标准",
            Extra::Note => "备注",
        }
    }

    fn declared(self, i: &Indicator) -> bool {
        match self {
            Extra::Weight => i.weight.is_some(),
            Extra::Sense => i.sense.is_some(),
            Extra::Standard => i.standard.is_some(),
            Extra::Explain => i.explain.is_some(),
            Extra::Scoring => i.scoring.is_some(),
            Extra::Note => i.note.is_some(),
        }
    }

    /// The cell: as declared; 指标方向 follows the operator where it is not declared.
    fn text(self, i: &Indicator) -> String {
        let s = |o: &Option<String>| o.clone().unwrap_or_default();
        match self {
            Extra::Weight => i
                .weight
                .map(crate::present::figures::exact)
                .unwrap_or_default(),
            Extra::Sense => i
                .sense
                .as_deref()
                .or(i.value.op().and_then(|op| op.sense()))
                .unwrap_or("")
                .to_string(),
            Extra::Standard => s(&i.standard),
            Extra::Explain => s(&i.explain),
            Extra::Scoring => s(&i.scoring),
            Extra::Note => s(&i.note),
        }
    }
}

/// The columns of an indicator block: a value group (计算符号, 指标值, 度量单位) per horizon used, and
/// the extra columns any of its indicators declares.
struct Grid {
    horizons: Vec<Horizon>,
    extras: Vec<Extra>,
}

/// Columns before the value groups: the block's label, 一级指标, 二级指标, 三级指标.
const LEAD_COLUMNS: usize = 4;

impl Grid {
    fn of(indicators: &[Indicator]) -> Grid {
        let has = |h: Horizon| indicators.iter().any(|i| i.horizon == h);
        let mut horizons = Vec::new();
        if has(Horizon::Overall) {
            horizons.push(Horizon::Overall);
        }
        if has(Horizon::Annual) || horizons.is_empty() {
            horizons.push(Horizon::Annual);
        }
        let extras = Extra::ALL
            .into_iter()
            .filter(|e| indicators.iter().any(|i| e.declared(i)))
            .collect();
        Grid { horizons, extras }
    }

    fn columns(&self) -> usize {
        LEAD_COLUMNS + 3 * self.horizons.len() + self.extras.len()
    }
}

/// One printed indicator row: the same indicator's 实施期 and 年度 values side by side.
struct IndicatorRow<'a> {
    slot: Option<Slot>,
    overall: Option<&'a Indicator>,
    annual: Option<&'a Indicator>,
}

impl<'a> IndicatorRow<'a> {
    /// The indicator whose name and columns the row prints (the annual one when both exist).
    fn main(&self) -> Option<&'a Indicator> {
        self.annual.or(self.overall)
    }

    fn of(&self, h: Horizon) -> Option<&'a Indicator> {
        match h {
            Horizon::Overall => self.overall,
            Horizon::Annual => self.annual,
        }
    }
}

/// Annual indicators in framework order, each overall indicator beside the annual one of the same
/// category and name, or on a row of its own.
fn indicator_rows(indicators: &[Indicator]) -> Vec<IndicatorRow<'_>> {
    let mut rows: Vec<IndicatorRow> = indicators
        .iter()
        .filter(|i| i.horizon == Horizon::Annual)
        .map(|i| IndicatorRow {
            slot: i.slot,
            overall: None,
            annual: Some(i),
        })
        .collect();
    for i in indicators.iter().filter(|i| i.horizon == Horizon::Overall) {
        let partner = rows.iter_mut().find(|r| {
            r.overall.is_none()
                && r.slot == i.slot
                && r.annual.is_some_and(|a| a.name.value == i.name.value)
        });
        match partner {
            Some(r) => r.overall = Some(i),
            None => rows.push(IndicatorRow {
                slot: i.slot,
                overall: Some(i),
                annual: None,
            }),
        }
    }
    rows.sort_by_key(|r| {
        r.slot
            .map_or((usize::MAX, usize::MAX), |s| (s.tier, s.category))
    });
    rows
}

/// The indicator block: its heading rows and one row per indicator, 一级 and 二级 merged down.
fn indicator_block(
    decl: &Declaration,
    b: &mut Builder,
    indicators: &[Indicator],
    grid: &Grid,
    scores: Option<&Scores>,
    label: &str,
) {
    let rows = indicator_rows(indicators);
    let two = grid.horizons.len() > 1;
    let heading_rows = if two { 2 } else { 1 };
    let extras_at = LEAD_COLUMNS + 3 * grid.horizons.len();
    // With 分值, a 合计 row closes the block with the scores' sum, as the scored forms print it.
    let weight_at = grid
        .extras
        .iter()
        .position(|e| *e == Extra::Weight)
        .map(|k| extras_at + k);
    let head = b.row();
    head.label(0, 1, label)
        .span_rows(
            0,
            heading_rows + rows.len() + usize::from(weight_at.is_some()),
        )
        .label(1, 1, "一级指标")
        .label(2, 1, "二级指标")
        .label(3, 1, "三级指标");
    if two {
        for c in 1..LEAD_COLUMNS {
            head.span_rows(c, 2);
        }
        for (g, h) in grid.horizons.iter().enumerate() {
            let name = match h {
                Horizon::Overall => "实施期指标值",
                Horizon::Annual => "年度指标值",
            };
            head.label(LEAD_COLUMNS + 3 * g, 3, name);
        }
    } else {
        value_headings(head, LEAD_COLUMNS);
    }
    for (n, e) in grid.extras.iter().enumerate() {
        head.label(extras_at + n, 1, e.heading());
        if two {
            head.span_rows(extras_at + n, 2);
        }
    }
    if two {
        let sub = b.row();
        for g in 0..grid.horizons.len() {
            value_headings(sub, LEAD_COLUMNS + 3 * g);
        }
    }
    let tier = |r: &IndicatorRow| r.slot.map(|s| s.tier);
    for in_tier in rows.chunk_by(|a, b| tier(a) == tier(b)) {
        let tier_len = in_tier.len();
        for (c, in_category) in in_tier.chunk_by(|a, b| a.slot == b.slot).enumerate() {
            let cat_len = in_category.len();
            for (n, r) in in_category.iter().enumerate() {
                let Some(main) = r.main() else { continue };
                let row = b.row();
                if c == 0 && n == 0 {
                    row.text(1, 1, tier_label(decl, scores, r.slot, main))
                        .span_rows(1, tier_len);
                }
                if n == 0 {
                    row.text(2, 1, category_name(decl, r.slot, main))
                        .span_rows(2, cat_len);
                }
                row.text(3, 1, main.name.value.clone());
                for (g, h) in grid.horizons.iter().enumerate() {
                    let at = LEAD_COLUMNS + 3 * g;
                    match r.of(*h) {
                        Some(i) => {
                            let p = value_parts(decl, &i.value);
                            row.text(at, 1, p.operator).text(at + 1, 1, p.number).text(
                                at + 2,
                                1,
                                p.unit,
                            );
                        }
                        None => {
                            row.text(at, 1, "").text(at + 1, 1, "").text(at + 2, 1, "");
                        }
                    }
                }
                for (k, e) in grid.extras.iter().enumerate() {
                    row.text(extras_at + k, 1, e.text(main));
                }
            }
        }
    }
    if let Some(at) = weight_at {
        let total = rows
            .iter()
            .filter_map(|r| r.main().and_then(|i| i.weight))
            .try_fold(rust_decimal::Decimal::ZERO, |acc, w| acc.checked_add(w));
        let row = b.row();
        row.label(1, at - 1, "合计").text(
            at,
            1,
            total.map_or(String::new(), crate::present::figures::exact),
        );
        for c in at + 1..grid.columns() {
            row.text(c, 1, "");
        }
    }
}

/// The 一级指标 as the scored forms print it: `产出指标（50分）` where `scores` gives it 分值.
fn tier_label(
    decl: &Declaration,
    scores: Option<&Scores>,
    slot: Option<Slot>,
    main: &Indicator,
) -> String {
    let name = tier_name(decl, slot, main);
    let points =
        slot.and_then(|s| scores.and_then(|sc| sc.parts.iter().find(|p| p.tier == s.tier)));
    let exact = crate::present::figures::exact;
    match points {
        Some(p) => match p.most {
            Some(most) => format!("{name}（{}-{}分）", exact(p.points), exact(most)),
            None => format!("{name}（{}分）", exact(p.points)),
        },
        None => name,
    }
}

fn value_headings(row: &mut super::layout::Row, at: usize) {
    row.label(at, 1, "计算符号")
        .label(at + 1, 1, "指标值")
        .label(at + 2, 1, "度量单位");
}

/// Rows of label–text pairs, two to a row; an odd last pair spans the row.
fn pairs(b: &mut Builder, columns: usize, items: &[(&str, String)]) {
    let left = (columns - 2) / 2;
    for chunk in items.chunks(2) {
        let row = b.row();
        match chunk {
            [(l1, t1), (l2, t2)] => {
                row.label(0, 1, *l1)
                    .text(1, left, t1.clone())
                    .label(1 + left, 1, *l2)
                    .text(2 + left, columns - 2 - left, t2.clone());
            }
            [(l1, t1)] => {
                row.label(0, 1, *l1).text(1, columns - 1, t1.clone());
            }
            _ => {}
        }
    }
}

fn text_of(s: &Option<crate::model::Spanned<String>>) -> String {
    s.as_ref().map_or(String::new(), |s| s.value.clone())
}

fn project(decl: &Declaration, d: &Direction) -> Table {
    let grid = Grid::of(&d.indicators);
    let columns = grid.columns();
    let mut b = Builder::new();
    b.row()
        .label(0, 1, "项目名称")
        .text(1, columns - 1, d.name.value.clone());
    let mut fields: Vec<(&str, String)> = vec![
        ("主管部门", text_of(&decl.filer)),
        ("实施单位", text_of(&decl.department)),
        ("项目属性", text_of(&d.admin.attribute)),
        (
            "项目期",
            d.period
                .as_ref()
                .map_or(String::new(), |p| p.value.text.clone()),
        ),
    ];
    let optional = [
        ("项目编码", &d.admin.code),
        ("一级项目", &d.special),
        ("项目类别", &d.project_kind),
        ("资金性质", &d.admin.funding),
        ("功能分类科目", &d.admin.function),
        ("部门预算编码", &decl.admin.budget_code),
        ("立项依据", &d.admin.policy),
        ("审批文号", &d.admin.approval),
        (
            "联系人",
            d.admin
                .contact
                .as_ref()
                .map_or(&decl.admin.contact, |_| &d.admin.contact),
        ),
        (
            "联系电话",
            d.admin
                .contact
                .as_ref()
                .map_or(&decl.admin.phone, |_| &d.admin.phone),
        ),
    ];
    fields.extend(
        optional
            .into_iter()
            .filter_map(|(l, v)| v.as_ref().map(|s| (l, s.value.clone()))),
    );
    pairs(&mut b, columns, &fields);
    if let Some(o) = &d.admin.overview {
        b.row()
            .label(0, 1, "项目概况")
            .text(1, columns - 1, o.value.clone());
    }
    funds_block(decl, &mut b, d, columns);
    goals_block(&mut b, d, columns);
    let scores = d.scores.as_ref().or(decl.scores.as_ref());
    indicator_block(decl, &mut b, &d.indicators, &grid, scores, "绩效指标");
    costs_block(decl, &mut b, d, columns);
    shares_block(decl, &mut b, d, columns);
    Table::project(decl, d, b.rows, columns)
}

/// 项目资金: 年度资金总额 and its 其中 lines, with 项目总预算 and the figures of earlier years
/// (上年预算数, 上年执行数 …) in columns of their own where declared, this year's last.
fn funds_block(decl: &Declaration, b: &mut Builder, d: &Direction, columns: usize) {
    let mut funds = Vec::new();
    flatten_lines(&d.funds, 0, &mut funds);
    let mut fund_lines = Vec::new();
    flatten_refs(&d.funds, &mut fund_lines);
    let budget = d.total_budget.as_ref().map(|t| t.value);
    let years = earlier::columns(
        decl,
        std::iter::once(d.earlier.as_slice())
            .chain(fund_lines.iter().map(|l| l.earlier.as_slice())),
    );
    let values = usize::from(budget.is_some()) + years.len() + 1;
    let name_span = ((columns - 2) / 2).min(columns - 1 - values).max(1);
    let mut at = earlier::positions(
        1 + name_span,
        &earlier::spread(columns - 1 - name_span, values),
    );
    let Some(annual) = at.pop() else {
        return;
    };
    let budget_at = budget.is_some().then(|| at.remove(0));
    let heading = values > 1;
    let label = b.row();
    label
        .label(0, 1, format!("项目资金\n（{}）", decl.unit.name()))
        .span_rows(0, usize::from(heading) + 1 + funds.len());
    if heading {
        label.label(1, name_span, "");
        if let Some((c, w)) = budget_at {
            label.label(c, w, "项目总预算");
        }
        for (col, (c, w)) in years.iter().zip(&at) {
            label.label(*c, *w, col.heading(decl));
        }
        label.label(annual.0, annual.1, "年度预算");
        b.row();
    }
    let Some(total_row) = b.rows.last_mut() else {
        return;
    };
    total_row.label(1, name_span, "资金总额");
    if let Some((c, w)) = budget_at {
        total_row.money(c, w, budget, |v| bare(decl, v));
    }
    for (col, (c, w)) in years.iter().zip(&at) {
        let v = earlier::figure_or_sum(
            decl,
            *col,
            &d.earlier,
            d.funds.iter().map(|l| l.earlier.as_slice()),
        );
        total_row.money(*c, *w, v, |v| bare(decl, v));
    }
    total_row.money(annual.0, annual.1, d.amount, |v| {
        declared(decl, v, d.declared_text.as_deref())
    });
    for ((name, v, written), line) in funds.into_iter().zip(fund_lines) {
        let row = b.row();
        row.text(1, name_span, name);
        if let Some((c, w)) = budget_at {
            row.text(c, w, "");
        }
        for (col, (c, w)) in years.iter().zip(&at) {
            row.money(*c, *w, col.of(&line.earlier).map(|e| e.amount), |v| {
                bare(decl, v)
            });
        }
        row.money(annual.0, annual.1, v, |v| {
            declared(decl, v, written.as_deref())
        });
    }
}

/// The lines of a breakdown in the order `flatten_lines` prints them.
fn flatten_refs<'l>(lines: &'l [crate::model::Line], out: &mut Vec<&'l crate::model::Line>) {
    for l in lines {
        out.push(l);
        flatten_refs(&l.children, out);
    }
}

/// 总体目标: 实施期目标 beside 年度目标 when the project has both, else 年度总体目标 alone.
fn goals_block(b: &mut Builder, d: &Direction, columns: usize) {
    let annual = text_of(&d.annual);
    match &d.goal {
        Some(goal) => {
            let left = (columns - 1) / 2;
            b.row()
                .label(0, 1, "总体目标")
                .span_rows(0, 2)
                .label(1, left, "实施期目标")
                .label(1 + left, columns - 1 - left, "年度目标");
            b.row()
                .text(1, left, goal.value.clone())
                .text(1 + left, columns - 1 - left, annual);
        }
        None => {
            b.row()
                .label(0, 1, "年度总体目标")
                .text(1, columns - 1, annual);
        }
    }
}

/// One line of a 测算明细: the item (indented by depth), its basis, its amount and its figures of
/// earlier years.
struct CostLine<'d> {
    item: String,
    basis: String,
    amount: Option<Money>,
    earlier: &'d [EarlierFigure],
}

/// The lines under `d`: its labelled costs, then each sub-direction with the basis on its own line (or
/// its 测算依据 in words) and its own lines indented under it. `own_row` says whether `d` already has
/// a row of its own that shows its unlabelled basis (a sub-direction does; the project does not).
fn cost_lines<'d>(d: &'d Direction, depth: usize, own_row: bool, out: &mut Vec<CostLine<'d>>) {
    const STEP: &str = "　";
    let indent = STEP.repeat(depth);
    for c in &d.costs {
        let label = match (&c.label, own_row) {
            (Some(l), _) => l.value.as_str(),
            (None, true) => continue,
            (None, false) => d.name.value.as_str(),
        };
        out.push(CostLine {
            item: format!("{indent}{label}"),
            basis: provenance::basis(&c.terms),
            amount: Some(c.terms.converted.unwrap_or(c.amount)),
            earlier: &c.earlier,
        });
    }
    for child in &d.children {
        let own_basis = child
            .costs
            .iter()
            .find(|c| c.label.is_none())
            .map(|c| provenance::basis(&c.terms));
        out.push(CostLine {
            item: format!("{indent}{}", child.name.value),
            basis: own_basis
                .or_else(|| child.basis_text.clone())
                .unwrap_or_default(),
            amount: child.amount,
            earlier: &child.earlier,
        });
        cost_lines(child, depth + 1, true, out);
    }
}

/// The top-level parts of a 测算明细 (what its 合计 adds up): the project's costs and sub-directions.
fn cost_parts(d: &Direction) -> impl Iterator<Item = &[EarlierFigure]> {
    d.costs
        .iter()
        .map(|c| c.earlier.as_slice())
        .chain(d.children.iter().map(|c| c.earlier.as_slice()))
}

/// 测算明细: 合计 on top, then each cost and sub-direction with its basis, its figures of earlier
/// years where declared, and its amount.
fn costs_block(decl: &Declaration, b: &mut Builder, d: &Direction, columns: usize) {
    let mut lines = Vec::new();
    cost_lines(d, 1, false, &mut lines);
    if lines.is_empty() {
        return;
    }
    let years = earlier::columns(
        decl,
        std::iter::once(d.earlier.as_slice()).chain(lines.iter().map(|l| l.earlier)),
    );
    let text_width = columns - 2 - years.len();
    let item_span = ((columns - 2) / 2).min(text_width - 1).max(1);
    let basis_span = text_width - item_span;
    let year_at = earlier::positions(1 + item_span + basis_span, &vec![1; years.len()]);
    let amount_at = columns - 1;
    let head = b.row();
    head.label(0, 1, format!("项目测算明细\n（{}）", decl.unit.name()))
        .span_rows(0, 2 + lines.len())
        .label(1, item_span, "明细项目")
        .label(1 + item_span, basis_span, "测算依据");
    for (col, (c, w)) in years.iter().zip(&year_at) {
        head.label(*c, *w, col.heading(decl));
    }
    head.label(
        amount_at,
        1,
        if years.is_empty() {
            "金额"
        } else {
            "本年金额"
        },
    );
    let total = b.row();
    total.label(1, item_span, "合计").text(
        1 + item_span,
        basis_span,
        d.basis_text.clone().unwrap_or_default(),
    );
    for (col, (c, w)) in years.iter().zip(&year_at) {
        let v = earlier::figure_or_sum(decl, *col, &d.earlier, cost_parts(d));
        total.money(*c, *w, v, |v| bare(decl, v));
    }
    total.money(amount_at, 1, d.amount, |v| bare(decl, v));
    for l in lines {
        let row = b.row();
        row.text(1, item_span, l.item)
            .text(1 + item_span, basis_span, l.basis);
        for (col, (c, w)) in years.iter().zip(&year_at) {
            row.money(*c, *w, col.of(l.earlier).map(|e| e.amount), |v| {
                bare(decl, v)
            });
        }
        row.money(amount_at, 1, l.amount, |v| bare(decl, v));
    }
}

/// 资金分配表: each recipient and its amount, 合计 at the bottom.
fn shares_block(decl: &Declaration, b: &mut Builder, d: &Direction, columns: usize) {
    if d.shares.is_empty() {
        return;
    }
    let name_span = columns - 2;
    b.row()
        .label(0, 1, format!("资金分配\n（{}）", decl.unit.name()))
        .span_rows(0, 2 + d.shares.len())
        .label(1, name_span, "分配对象")
        .label(columns - 1, 1, "金额");
    for s in &d.shares {
        b.row().text(1, name_span, s.recipient.value.clone()).money(
            columns - 1,
            1,
            s.amount,
            |v| bare(decl, v),
        );
    }
    let total = crate::model::sum(d.shares.iter().map(|s| s.amount), decl.unit);
    b.row()
        .label(1, name_span, "合计")
        .money(columns - 1, 1, total, |v| bare(decl, v));
}

fn department(decl: &Declaration) -> Table {
    let grid = Grid::of(&decl.indicators);
    let columns = grid.columns();
    let wide = columns - 1;
    let mut b = Builder::new();
    b.row()
        .label(0, 1, "部门（单位）名称")
        .text(1, wide, text_of(&decl.department));
    let optional = [
        ("部门预算编码", &decl.admin.budget_code),
        ("联系人", &decl.admin.contact),
        ("联系电话", &decl.admin.phone),
    ];
    let fields: Vec<(&str, String)> = optional
        .into_iter()
        .filter_map(|(l, v)| v.as_ref().map(|s| (l, s.value.clone())))
        .collect();
    pairs(&mut b, columns, &fields);
    if !decl.duties.is_empty() {
        let text: Vec<String> = decl
            .duties
            .iter()
            .enumerate()
            .map(|(i, d)| format!("{}{}", duty_ordinal(i + 1), d.value))
            .collect();
        b.row()
            .label(0, 1, "部门职能")
            .text(1, wide, text.join("\n"));
    }
    if !decl.tasks.is_empty() {
        tasks_block(decl, &mut b, wide);
    }
    if !decl.plans.is_empty() {
        let item_span = (wide - 1) / 2;
        b.row()
            .label(0, 1, "年度重点工作计划")
            .span_rows(0, 1 + decl.plans.len())
            .label(1, item_span, "事项")
            .label(1 + item_span, 1, "责任单位/科室")
            .label(2 + item_span, wide - 1 - item_span, "工作目标");
        for p in &decl.plans {
            b.row()
                .text(1, item_span, p.item.value.clone())
                .text(1 + item_span, 1, p.owner.value.clone())
                .text(2 + item_span, wide - 1 - item_span, p.target.value.clone());
        }
    }
    budget_block(decl, &mut b, columns);
    if !decl.goals.is_empty() {
        let text: Vec<String> = decl
            .goals
            .iter()
            .enumerate()
            .map(|(i, g)| format!("{}. {}", i + 1, g.value))
            .collect();
        b.row()
            .label(0, 1, "年度总体目标")
            .text(1, wide, text.join("\n"));
    }
    let scores = decl.scores.as_ref();
    indicator_block(
        decl,
        &mut b,
        &decl.indicators,
        &grid,
        scores,
        "年度绩效指标",
    );
    Table::department(decl, b.rows, columns, Some(unit_caption(decl)))
}

/// 年度部门整体支出预算: 资金总额, then 按收入性质分 beside 按支出性质分 — or, where the lines carry
/// figures of earlier years, one under the other with a column for each year's figures.
fn budget_block(decl: &Declaration, b: &mut Builder, columns: usize) {
    let years = earlier::columns(
        decl,
        decl.income
            .iter()
            .chain(&decl.spending)
            .flat_map(all_lines)
            .map(|l| l.earlier.as_slice()),
    );
    if !years.is_empty() {
        return budget_block_by_year(decl, b, columns, &years);
    }
    let wide = columns - 1;
    let mut income = Vec::new();
    flatten_lines(&decl.income, 0, &mut income);
    let mut spending = Vec::new();
    flatten_lines(&decl.spending, 0, &mut spending);
    let lines = income.len().max(spending.len());
    let half = wide / 2;
    let (left_name, right_name) = (half - 1, wide - half - 1);
    b.row()
        .label(0, 1, "年度部门整体支出预算")
        .span_rows(0, 1 + usize::from(lines > 0) * (1 + lines))
        .label(1, left_name, "资金总额")
        .money(1 + left_name, wide - left_name, decl.total(), |v| {
            figure_with_unit(decl, v, None)
        });
    if lines == 0 {
        return;
    }
    b.row()
        .label(1, half, "按收入性质分")
        .label(1 + half, wide - half, "按支出性质分");
    for i in 0..lines {
        let row = b.row();
        match income.get(i) {
            Some((name, v, written)) => {
                row.text(1, left_name, name.clone())
                    .money(half, 1, *v, |v| {
                        figure_with_unit(decl, v, written.as_deref())
                    })
            }
            None => row.text(1, left_name, "").text(half, 1, ""),
        };
        match spending.get(i) {
            Some((name, v, written)) => {
                row.text(1 + half, right_name, name.clone())
                    .money(columns - 1, 1, *v, |v| {
                        figure_with_unit(decl, v, written.as_deref())
                    })
            }
            None => row.text(1 + half, right_name, "").text(columns - 1, 1, ""),
        };
    }
}

/// A line and its 其中 lines, depth first.
fn all_lines(l: &crate::model::Line) -> Vec<&crate::model::Line> {
    let mut out = Vec::new();
    flatten_refs(std::slice::from_ref(l), &mut out);
    out
}

/// 年度部门整体支出预算 with earlier years: 资金总额, the lines 按收入性质分, then 按支出性质分, each with
/// its figures of earlier years and this year's, this year's last.
fn budget_block_by_year(
    decl: &Declaration,
    b: &mut Builder,
    columns: usize,
    years: &[earlier::Column],
) {
    let mut income = Vec::new();
    flatten_lines(&decl.income, 0, &mut income);
    let mut income_refs = Vec::new();
    flatten_refs(&decl.income, &mut income_refs);
    let mut spending = Vec::new();
    flatten_lines(&decl.spending, 0, &mut spending);
    let mut spending_refs = Vec::new();
    flatten_refs(&decl.spending, &mut spending_refs);
    let wide = columns - 1;
    let values = years.len() + 1;
    let name_span = wide - values;
    let at = earlier::positions(1 + name_span, &vec![1; values]);
    let this_year = columns - 1;
    let groups = usize::from(!income.is_empty()) + usize::from(!spending.is_empty());
    let head = b.row();
    head.label(0, 1, "年度部门整体支出预算")
        .span_rows(0, 2 + groups + income.len() + spending.len())
        .label(1, name_span, "项目");
    for (col, (c, _)) in years.iter().zip(&at) {
        head.label(*c, 1, col.heading(decl));
    }
    head.label(this_year, 1, "本年预算数");
    let total = b.row();
    total.label(1, name_span, "资金总额");
    for (col, (c, _)) in years.iter().zip(&at) {
        let from_income = earlier::figure_or_sum(
            decl,
            *col,
            &[],
            decl.income.iter().map(|l| l.earlier.as_slice()),
        );
        let v = from_income.or_else(|| {
            earlier::figure_or_sum(
                decl,
                *col,
                &[],
                decl.spending.iter().map(|l| l.earlier.as_slice()),
            )
        });
        total.money(*c, 1, v, |v| bare(decl, v));
    }
    total.money(this_year, 1, decl.total(), |v| bare(decl, v));
    for (heading, printed, refs) in [
        ("按收入性质分", income, income_refs),
        ("按支出性质分", spending, spending_refs),
    ] {
        if printed.is_empty() {
            continue;
        }
        b.row().label(1, wide, heading);
        for ((name, v, written), line) in printed.into_iter().zip(refs) {
            let row = b.row();
            row.text(1, name_span, name);
            for (col, (c, _)) in years.iter().zip(&at) {
                row.money(*c, 1, col.of(&line.earlier).map(|e| e.amount), |v| {
                    bare(decl, v)
                });
            }
            row.money(this_year, 1, v, |v| declared(decl, v, written.as_deref()));
        }
    }
}

/// The sources of the tasks' amounts, in the order first written, as many as the form prints.
fn task_sources(decl: &Declaration) -> Vec<&str> {
    let mut out = decl.task_sources();
    out.truncate(decl.form.task_sources());
    out
}

/// 年度主要任务: 任务名称 | 主要内容 (the task's `content`, else the duty it serves) | 支出方向/项目 |
/// 预算金额, then 金额合计; where tasks give their amount by source, 预算申请 splits into 总额 and a
/// column per source (财政拨款, 其他资金) as the Ministry's template does.
fn tasks_block(decl: &Declaration, b: &mut Builder, wide: usize) {
    let sources = task_sources(decl);
    let values = 1 + sources.len();
    let text_width = wide - values;
    let funded_span = 1;
    let task_span = (text_width - funded_span) / 2;
    let content_span = text_width - funded_span - task_span;
    let content_at = 1 + task_span;
    let funded_at = content_at + content_span;
    let total_at = funded_at + funded_span;
    let split = !sources.is_empty();
    let head = b.row();
    head.label(0, 1, "年度主要任务")
        .span_rows(0, 2 + usize::from(split) + decl.tasks.len())
        .label(1, task_span, "任务名称")
        .label(content_at, content_span, "主要内容")
        .label(funded_at, funded_span, "支出方向/项目");
    let amount_heading = format!("预算金额（{}）", decl.unit.name());
    if split {
        for c in [1, content_at, funded_at] {
            head.span_rows(c, 2);
        }
        head.label(total_at, values, amount_heading);
        let sub = b.row();
        sub.label(total_at, 1, "总额");
        for (n, s) in sources.iter().enumerate() {
            sub.label(total_at + 1 + n, 1, *s);
        }
    } else {
        head.label(total_at, 1, amount_heading);
    }
    // A task that gives its sources has nothing from a source it does not list; one that gives none is
    // unknown by source.
    let by_source = |t: &crate::model::Task, source: &str| -> Option<Money> {
        if t.funds.is_empty() {
            return None;
        }
        t.funds
            .iter()
            .find(|l| l.name.value == source)
            .map_or(Some(Money::zero(decl.unit)), |l| l.amount)
    };
    for t in &decl.tasks {
        let content = t
            .content
            .as_ref()
            .map_or_else(|| t.duty.value.clone(), |c| c.value.clone());
        let row = b.row();
        row.text(1, task_span, t.task.value.clone())
            .text(content_at, content_span, content)
            .text(funded_at, funded_span, t.funded_by.value.clone())
            .money(total_at, 1, t.amount, |v| bare(decl, v));
        for (n, s) in sources.iter().enumerate() {
            row.money(total_at + 1 + n, 1, by_source(t, s), |v| bare(decl, v));
        }
    }
    let total = crate::model::sum(decl.tasks.iter().map(|t| t.amount), decl.unit);
    let row = b.row();
    row.label(1, total_at - 1, "金额合计")
        .money(total_at, 1, total, |v| bare(decl, v));
    for (n, s) in sources.iter().enumerate() {
        let sum = crate::model::sum(decl.tasks.iter().map(|t| by_source(t, s)), decl.unit);
        row.money(total_at + 1 + n, 1, sum, |v| bare(decl, v));
    }
}
