//! The small closed vocabularies every stage shares: how a price runs, which horizon an indicator
//! targets, what kind of spending block a direction is, and which breakdown a line belongs to.

/// How a price in a cost basis runs: per month, per year, or once.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Per {
    Month,
    Year,
    Once,
}

impl Per {
    /// The keyword as bdl and JSON write it (`month`, `year`, `once`).
    pub fn keyword(self) -> &'static str {
        match self {
            Per::Month => "month",
            Per::Year => "year",
            Per::Once => "once",
        }
    }
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Horizon {
    /// 年度绩效指标 (`indicator`).
    Annual,
    /// 实施期 / 总体绩效指标 (`overall`).
    Overall,
}

impl Horizon {
    /// The name JSON uses (`annual`, `overall`).
    pub fn keyword(self) -> &'static str {
        match self {
            Horizon::Annual => "annual",
            Horizon::Overall => "overall",
        }
    }
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum DirectionKind {
    /// 专项资金支出方向 (`direction`).
    Direction,
    /// 项目 (`project`): the same construct, printed as 项目支出绩效目标表.
    Project,
}

impl DirectionKind {
    /// The keyword (`direction`, `project`).
    pub fn keyword(self) -> &'static str {
        match self {
            DirectionKind::Direction => "direction",
            DirectionKind::Project => "project",
        }
    }
}

/// Which breakdown a money line belongs to.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum Breakdown {
    /// 按收入性质分 (`income` at the top level).
    Income,
    /// 按支出性质分 (`spending`).
    Spending,
    /// A direction's or project's own funds by source (`income` inside its block; 项目资金).
    Funds,
}

impl Breakdown {
    /// The keyword a line of this breakdown starts with (`income`, `spending`; funds are `income`
    /// lines inside a direction).
    pub fn keyword(self) -> &'static str {
        match self {
            Breakdown::Income | Breakdown::Funds => "income",
            Breakdown::Spending => "spending",
        }
    }

    /// The name JSON gives it (`income`, `spending`, `funds`).
    pub fn json_name(self) -> &'static str {
        match self {
            Breakdown::Income => "income",
            Breakdown::Spending => "spending",
            Breakdown::Funds => "funds",
        }
    }
}

/// Which figure of an earlier year a line carries.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum Earlier {
    /// 预算数 (`budget`).
    Budget,
    /// 执行数 (`actual`).
    Actual,
    /// 决算数 (`final`).
    Final,
}

impl Earlier {
    pub fn keyword(self) -> &'static str {
        match self {
            Earlier::Budget => "budget",
            Earlier::Actual => "actual",
            Earlier::Final => "final",
        }
    }

    /// 预算数, 执行数, 决算数.
    pub fn name_zh(self) -> &'static str {
        match self {
            Earlier::Budget => "预算数",
            Earlier::Actual => "执行数",
            Earlier::Final => "决算数",
        }
    }
}
