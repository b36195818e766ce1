//! The printed forms (表样): which layout a declaration's tables follow. The seed's Hunan forms, or the
//! Ministry of Finance's templates (财预〔2015〕88号, 财预〔2021〕101号) for a project or a department.

#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Form {
    /// 湖南省: 部门整体支出绩效目标表, 专项资金汇总表, 支出方向表 and 项目支出绩效目标表 as the seed.
    Hunan,
    /// 财政部 项目支出绩效目标表: each project (or direction) on its own form, then the department form
    /// when the document has one.
    MofProject,
    /// 财政部 部门整体支出绩效目标表 first, then each project's 项目支出绩效目标表.
    MofDepartment,
}

impl Form {
    /// Every form's name as written after `form`.
    pub const NAMES: &[&str] = &["hunan", "mof-project", "mof-department"];

    /// The form named `word` (`湖南`, `mof项目` are not names: the names are ASCII like profiles).
    pub fn from_name(word: &str) -> Option<Form> {
        match word {
            "hunan" => Some(Form::Hunan),
            "mof-project" => Some(Form::MofProject),
            "mof-department" => Some(Form::MofDepartment),
            _ => None,
        }
    }

    pub fn name(self) -> &'static str {
        match self {
            Form::Hunan => "hunan",
            Form::MofProject => "mof-project",
            Form::MofDepartment => "mof-department",
        }
    }

    /// The form a framework profile implies when the document names none: the Hunan forms for `hunan`
    /// and a custom tree, the Ministry's for `mof-2015` and `mof-2021` (its department form when the
    /// document speaks for a department, else its project form).
    pub fn default_for(framework: &str, has_department: bool) -> Form {
        match framework {
            "mof-2015" | "mof-2021" if has_department => Form::MofDepartment,
            "mof-2015" | "mof-2021" => Form::MofProject,
            _ => Form::Hunan,
        }
    }

    /// Whether the tables follow the Ministry's templates.
    pub fn is_ministry(self) -> bool {
        !matches!(self, Form::Hunan)
    }

    /// How many columns of earlier years' figures (上年预算数, 上年执行数, 决算数 …) the form prints beside
    /// this year's, in its fund and cost blocks: the Ministry's forms as the provincial project forms
    /// that carry them (three, the most recent); the Hunan forms none.
    pub fn earlier_columns(self) -> usize {
        match self {
            Form::Hunan => 0,
            Form::MofProject | Form::MofDepartment => 3,
        }
    }

    /// How many sources of a task's amount (财政拨款, 其他资金) the form prints beside its 总额: the
    /// Ministry's department form has the two of its template; the Hunan forms none.
    pub fn task_sources(self) -> usize {
        match self {
            Form::Hunan => 0,
            Form::MofProject | Form::MofDepartment => 2,
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn names_round_trip_and_defaults_follow_the_framework() {
        for n in Form::NAMES {
            assert_eq!(Form::from_name(n).map(Form::name), Some(*n));
        }
        assert_eq!(Form::default_for("hunan", true), Form::Hunan);
        assert_eq!(Form::default_for("custom", false), Form::Hunan);
        assert_eq!(Form::default_for("mof-2021", true), Form::MofDepartment);
        assert_eq!(Form::default_for("mof-2015", false), Form::MofProject);
    }
}
