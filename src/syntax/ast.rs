//! The syntax tree: what the source says, with the byte span of every piece, before any meaning is
//! given to it. Names are kept as written; categories, references and amounts are resolved in `lower`.

pub use crate::domain::{DirectionKind, Earlier, Horizon, MoneyUnit, Per};
use crate::source::Span;

/// A string or bare word as written, with its span.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Text {
    pub value: String,
    pub span: Span,
}

/// A decimal number exactly as written (`612`, `1.878`): the spelling is kept for the formatter and
/// the value is parsed exactly in `lower`.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Number {
    pub text: String,
    pub span: Span,
}

/// An amount as written: a number and an optional money unit (`36.72`, `367200元`).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct AmountLit {
    pub number: Number,
    pub unit: Option<MoneyUnit>,
    pub span: Span,
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct File {
    pub items: Vec<Item>,
}

impl File {
    /// The top-level items of one kind, in order: `file.select(|i| match i { Item::Duty(t) => Some(t), _ => None })`.
    pub fn select<'a, T>(&'a self, pick: impl Fn(&'a Item) -> Option<T>) -> Vec<T> {
        self.items.iter().filter_map(pick).collect()
    }
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Item {
    Year {
        value: Number,
        span: Span,
    },
    Filer(Text),
    Department(Text),
    Unit {
        unit: MoneyUnit,
        span: Span,
    },
    Precision {
        value: Number,
        span: Span,
    },
    Framework(FrameworkDecl),
    Total {
        amount: AmountLit,
        span: Span,
    },
    Income(Line),
    Spending(Line),
    Duty(Text),
    Plan(Plan),
    Goal(Text),
    Task(Task),
    Indicator(Indicator),
    Direction(Direction),
    Scores(Scores),
    /// `form mof-project`: the form the tables are printed in.
    Form(Text),
    /// `budget-code "…"`, `contact "…" "…"` of the document.
    Admin(Admin),
    /// Year-end facts (docs/self-evaluation.md).
    Achieved(Achieved),
    Execution(Execution),
    /// 年度总体目标的实际完成情况.
    Outcome(Text),
    /// `profile mof grades 80 70 60`: how the self-evaluation is scored.
    Profile(ProfileDecl),
}

/// An administrative field of a form (项目编码, 资金性质, 联系人 …): a keyword and its text.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Admin {
    pub field: AdminField,
    pub value: Text,
    /// The second text of `contact "联系人" "电话"`.
    pub extra: Option<Text>,
    pub span: Span,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum AdminField {
    /// 部门预算编码
    BudgetCode,
    /// 联系人 (and 电话)
    Contact,
    /// 项目编码
    Code,
    /// 项目属性: 新增 / 延续
    Attribute,
    /// 资金性质 / 资金来源
    Funding,
    /// 政策依据 / 立项依据
    Policy,
    /// 审批文号
    Approval,
    /// 项目概况
    Overview,
    /// 功能分类科目
    Function,
}

/// `share "某乡镇" 12.5`: one row of a 资金分配表.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Share {
    pub recipient: Text,
    pub amount: AmountLit,
    pub span: Span,
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub enum FrameworkDecl {
    Profile(Text),
    Custom {
        categories: Vec<Category>,
        span: Span,
    },
}

/// A custom framework's 一级指标 and its 二级指标.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Category {
    pub level1: Text,
    pub level2: Vec<Text>,
    pub span: Span,
}

/// An income or spending line: declared, derived, or both; possibly with 其中 lines under it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Line {
    pub name: Text,
    pub declared: Option<AmountLit>,
    pub derivation: Option<Derivation>,
    /// `partial`: the 其中 lines list only some of the parts.
    pub partial: bool,
    /// Figures of earlier years (`prior budget 160.5`).
    pub earlier: Vec<EarlierFigure>,
    pub children: Vec<Line>,
    pub span: Span,
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Derivation {
    /// `= directions`: the sum of the document's top-level directions and projects.
    Directions(Span),
    /// `= "A" + "B"`: the sum of other lines of the same breakdown.
    Sum(Vec<Text>),
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Plan {
    pub item: Text,
    pub owner: Text,
    pub target: Text,
    pub span: Span,
}

/// A 履职目标 row: a task, the duty it serves, and the direction or project that funds it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Task {
    pub task: Text,
    pub duty: Text,
    pub funded_by: Text,
    /// The task's own amount (`amount 12`), where the form prints one per task.
    pub amount: Option<AmountLit>,
    /// Its block: 主要内容 and the amount by source, in the written order.
    pub items: Vec<TaskItem>,
    pub span: Span,
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub enum TaskItem {
    /// `content "…"`: 主要内容.
    Content(Text),
    /// `income "财政拨款" 400`: the part of its amount from one source.
    Income(Line),
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Indicator {
    pub horizon: Horizon,
    /// The 一级指标 when written (`indicator 产出指标 产出数量 …`).
    pub level1: Option<Text>,
    pub level2: Text,
    pub name: Text,
    pub value: Value,
    pub options: Vec<IndicatorOption>,
    pub span: Span,
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Value {
    Quantitative {
        operator: Option<Text>,
        literal: Option<Literal>,
        reference: Option<Reference>,
        span: Span,
    },
    /// A word (`良好`) or a string (`"无直接经济效益"`).
    Qualitative { text: Text, quoted: bool },
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Literal {
    pub number: Number,
    pub unit: Option<Text>,
    pub span: Span,
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub enum RefKind {
    People,
    Qty,
    Amount,
    Spending,
    Income,
    Total,
    Directions,
}

/// A reference to a derived number: `people`, `amount of "X"`, `spending "项目支出"`, `total`.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Reference {
    pub kind: RefKind,
    pub target: Option<Text>,
    pub span: Span,
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub enum IndicatorOption {
    Note(Text),
    Standard(Text),
    Weight(Number),
    Explain(Text),
    Scoring(Text),
    Sense(Text),
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Direction {
    pub kind: DirectionKind,
    pub name: Text,
    /// The basis written on the header line: `direction "X" < people 50 rate 612/month >`.
    pub basis: Option<Basis>,
    pub items: Vec<DirectionItem>,
    pub span: Span,
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub enum DirectionItem {
    Special(Text),
    Kind(Text),
    Period(Text),
    Goal(Text),
    Annual(Text),
    SummaryGoal(Text),
    SummaryAnnual(Text),
    Amount {
        amount: AmountLit,
        basis_text: Option<Text>,
        span: Span,
    },
    Cost(Cost),
    Indicator(Indicator),
    Income(Line),
    Direction(Direction),
    Admin(Admin),
    /// `total-budget 1200`: 项目总预算, all years of the project.
    TotalBudget {
        amount: AmountLit,
        span: Span,
    },
    Share(Share),
    Scores(Scores),
    /// `prior budget 340`: the direction's figure of an earlier year.
    Earlier(EarlierFigure),
    Achieved(Achieved),
    Execution(Execution),
    Outcome(Text),
}

/// `cost "一线信访岗位" < people 5 rate 235/month > prior budget 1.2 prior actual 1.1`
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Cost {
    pub label: Text,
    pub basis: Basis,
    /// Figures of earlier years; the older `prior 1.2` is read as `prior actual 1.2`.
    pub earlier: Vec<EarlierFigure>,
    pub span: Span,
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Count {
    People(Number),
    Qty { number: Number, unit: Text },
}

/// A cost basis `< count price [months N] >`: always in 元.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Basis {
    pub count: Count,
    pub price: Number,
    pub per: Per,
    pub months: Option<Number>,
    pub span: Span,
}

/// `scores 产出指标 50 效益指标 30 total 90`: the 分值 of each 一级指标, and the total the indicators'
/// weights must reach.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Scores {
    pub parts: Vec<ScorePart>,
    pub total: Option<Number>,
    pub span: Span,
}

/// `产出指标 50`, or a range `产出指标 30-50`.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ScorePart {
    pub tier: Text,
    pub points: Number,
    /// The upper end of a range (`30-50`).
    pub most: Option<Number>,
}

/// `prior budget 2023 160.5`: a line's, direction's or cost item's figure of an earlier year.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct EarlierFigure {
    pub kind: Earlier,
    pub year: Option<Number>,
    pub amount: AmountLit,
    pub span: Span,
}

/// `achieved "日常养护里程" 1250公里 reason "…" score 20`: an indicator's 实际完成值.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Achieved {
    /// The indicator it completes, by name.
    pub name: Text,
    pub value: Actual,
    /// 偏差原因分析及改进措施.
    pub reason: Option<Text>,
    /// A score typed by hand (checked against the rules).
    pub score: Option<Number>,
    pub span: Span,
}

/// What was achieved: a number with the unit written against it, or words (达成, a date, a text).
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Actual {
    Number {
        number: Number,
        unit: Option<Text>,
        span: Span,
    },
    Words {
        text: Text,
        quoted: bool,
    },
}

impl Actual {
    pub fn span(&self) -> Span {
        match self {
            Actual::Number { span, .. } => *span,
            Actual::Words { text, .. } => text.span,
        }
    }
}

/// `execution "财政拨款" budget 300 spent 290`: 全年预算数 and 全年执行数 of the direction (or document),
/// or of one of its funding lines.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Execution {
    pub line: Option<Text>,
    pub budget: AmountLit,
    pub spent: AmountLit,
    pub span: Span,
}

/// `profile mof grades 80 70 60 inverse ratio deviation 20`.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ProfileDecl {
    pub name: Text,
    pub options: Vec<ProfileOption>,
    pub span: Span,
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub enum ProfileOption {
    /// The lowest totals of 优, 良 and 中.
    Grades(Vec<Number>, Span),
    /// How a ≤ indicator loses points past its target: `linear` or `ratio`.
    Inverse(Text),
    /// The deviation (in %) past which a reason is required.
    Deviation(Number, Span),
}
