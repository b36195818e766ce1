//! What the recogniser read, before it is written as bdl: the declaration's parts as the tables
//! printed them (every figure as written), in the order of the tables.

use super::text::Value;
use std::collections::HashSet;

#[derive(Debug, Default, Clone)]
pub struct Declaration {
    /// The form the tables are of: `hunan`, `mof-department`, `mof-project`.
    pub form: Option<&'static str>,
    pub year: Option<String>,
    pub filer: Option<String>,
    pub department: Option<String>,
    pub unit: Option<String>,
    /// 部门预算编码.
    pub budget_code: Option<String>,
    /// 联系人 and 联系电话.
    pub contact: Option<String>,
    pub phone: Option<String>,
    pub total: Option<String>,
    pub income: Vec<Line>,
    pub spending: Vec<Line>,
    pub duties: Vec<String>,
    pub goals: Vec<String>,
    pub plans: Vec<[String; 3]>,
    pub tasks: Vec<Task>,
    pub indicators: Vec<Indicator>,
    pub directions: Vec<Direction>,
    /// The 合计 of the summary table, when it printed one.
    pub directions_total: Option<String>,
    /// Where the declaration was found: the sheet (or document) of its first table.
    pub origin: String,
    /// The directions' names read so far, from their own table (`true`) or the summary (`false`).
    pub seen: HashSet<(String, bool)>,
    /// The self-evaluation tables (绩效自评表) read, in order.
    pub evaluations: Vec<SelfEvaluation>,
    /// The profile's options the printed scores and grades tell (`inverse ratio`, `grades 80 70 60`).
    pub profile_options: Vec<String>,
}

/// A 绩效自评表 as printed: the year-end facts of one table, with what it repeats of the target table
/// and the figures bdl derives (points, scores, total, grade), kept to be compared with what the
/// compiled source gives.
#[derive(Debug, Default, Clone)]
pub struct SelfEvaluation {
    /// 项目名称; `None` for the department's table (部门名称).
    pub project: Option<String>,
    /// The free-split layout (指标性质, 完成值, 权重), not the Ministry's.
    pub free: bool,
    pub executions: Vec<Execution>,
    /// 年初预算数 of the 年度资金总额 row (`None`) and of the funding lines.
    pub initial: Vec<(Option<String>, Printed)>,
    /// 预期目标, as the target table has it.
    pub expected: Option<Printed>,
    /// 实际完成情况.
    pub outcome: Option<Printed>,
    pub items: Vec<Achieved>,
    /// 总分's points (100, less where a block has no indicator) and score.
    pub total_points: Option<Printed>,
    pub total: Option<Printed>,
    /// 等级.
    pub grade: Option<Printed>,
    /// The 得分 of the 年度资金总额 row.
    pub execution_score: Option<Printed>,
}

/// A cell's text and its place (`Sheet1!H20`, `表2 第12行第8列`).
#[derive(Debug, Clone)]
pub struct Printed {
    pub text: String,
    pub place: String,
}

/// A row of 全年预算数 / 全年执行数: of the table (`line` `None`) or of a funding line.
#[derive(Debug, Clone)]
pub struct Execution {
    pub line: Option<String>,
    pub budget: String,
    pub spent: String,
    /// Its cells, reported if the line is refused.
    pub cells: Vec<Printed>,
}

/// An indicator's row: what was achieved, written as bdl writes it (`126人`, `"基本完成"`).
#[derive(Debug, Clone)]
pub struct Achieved {
    pub name: String,
    pub value: String,
    pub reason: Option<String>,
    /// The target as the row repeats it: 年度指标值, or 指标性质 / 指标值 / 度量单位.
    pub target: Vec<Printed>,
    pub points: Option<Printed>,
    pub score: Option<Printed>,
    /// A score the rules do not give, written as `score N` (set once the source is compiled).
    pub typed: Option<String>,
    /// The row's cells, reported if its line is refused.
    pub cells: Vec<Printed>,
}

#[derive(Debug, Default, Clone)]
pub struct Line {
    pub name: String,
    pub amount: Option<String>,
    pub children: Vec<Line>,
    /// Figures of earlier years (上年预算数 …), each as `prior budget` / `prior final 2023` and its figure.
    pub earlier: Vec<Prior>,
}

/// A figure of an earlier year: how bdl names its column (`prior budget`, `prior final 2023`) and
/// the figure as printed.
pub type Prior = (String, String);

#[derive(Debug, Default, Clone)]
pub struct Task {
    pub duty: String,
    pub task: String,
    pub funded_by: String,
    pub amount: Option<String>,
    /// Its amount by source (财政拨款, 其他资金), as the Ministry's department form prints it.
    pub funds: Vec<(String, String)>,
}

#[derive(Debug, Clone)]
pub struct Indicator {
    /// 实施期 (`overall`) rather than 年度.
    pub overall: bool,
    pub level1: String,
    pub level2: String,
    pub name: String,
    pub value: Value,
    pub note: Option<String>,
    pub weight: Option<String>,
    /// The Ministry's further columns, each as its option keyword and text: `standard`, `sense`,
    /// `explain`, `scoring`.
    pub extras: Vec<(&'static str, String)>,
}

#[derive(Debug, Default, Clone)]
pub struct Direction {
    pub name: String,
    pub special: Option<String>,
    pub period: Option<String>,
    pub amount: Option<String>,
    pub goal: Option<String>,
    pub annual: Option<String>,
    pub summary_goal: Option<String>,
    pub summary_annual: Option<String>,
    pub indicators: Vec<Indicator>,
    pub children: Vec<Direction>,
    /// Its own table was read (not only its row of the summary).
    pub has_table: bool,
    /// A project of the Ministry's forms (`project`), not a Hunan 支出方向.
    pub project: bool,
    /// The Ministry's administrative fields: 项目属性, 项目类别, 项目编码, 资金性质, 功能分类科目,
    /// 立项依据, 审批文号, 项目概况.
    pub attribute: Option<String>,
    pub kind: Option<String>,
    pub code: Option<String>,
    pub funding: Option<String>,
    pub function: Option<String>,
    pub policy: Option<String>,
    pub approval: Option<String>,
    pub overview: Option<String>,
    /// 项目资金's 其中 lines.
    pub funds: Vec<Line>,
    /// 测算明细 lines that are costs of this project: label and basis (`< people 2 rate 780/month >`).
    pub costs: Vec<(String, String, Vec<Prior>)>,
    /// Figures of earlier years of the project (项目资金's 资金总额) or of a line of its 测算明细.
    pub earlier: Vec<Prior>,
    /// 分值 by 一级指标 (`scores`): the tier, its points (`40` or `30-50`); and the 合计 of the weights.
    pub scores: Vec<(String, String)>,
    pub scores_total: Option<String>,
    /// 项目总预算 (`total-budget`).
    pub total_budget: Option<String>,
    /// A sub-direction's own basis, from its row of the 测算明细.
    pub basis: Option<String>,
    /// A 测算依据 in words (`依据相关文件测算`), written as `amount … basis "…"`.
    pub basis_words: Option<String>,
    /// 资金分配: recipient and amount.
    pub shares: Vec<(String, String)>,
}
