//! What the forms print beside the figures: the administrative fields of a project or a department
//! (项目编码, 资金性质, 联系人 …) and a project's distribution list (资金分配表).

use super::Spanned;
use crate::domain::Money;
use crate::source::Span;

/// The administrative fields, each declared once; `None` when not declared (the form's cell is blank).
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct Admin {
    /// 部门预算编码 (document)
    pub budget_code: Option<Spanned<String>>,
    /// 项目编码
    pub code: Option<Spanned<String>>,
    /// 项目属性: 新增 / 延续
    pub attribute: Option<Spanned<String>>,
    /// 资金性质 / 资金来源
    pub funding: Option<Spanned<String>>,
    /// 政策依据 / 立项依据
    pub policy: Option<Spanned<String>>,
    /// 审批文号
    pub approval: Option<Spanned<String>>,
    /// 项目概况
    pub overview: Option<Spanned<String>>,
    /// 功能分类科目
    pub function: Option<Spanned<String>>,
    /// 联系人
    pub contact: Option<Spanned<String>>,
    /// 联系电话
    pub phone: Option<Spanned<String>>,
}

impl Admin {
    /// Every declared field as (JSON key, 表样 label, text), in the order the forms print them.
    pub fn fields(&self) -> Vec<(&'static str, &'static str, &str)> {
        self.declared()
            .into_iter()
            .map(|(key, label, v)| (key, label, v.value.as_str()))
            .collect()
    }

    /// Every declared field as (JSON key, 表样 label, text with its place).
    pub fn declared(&self) -> Vec<(&'static str, &'static str, &Spanned<String>)> {
        [
            ("budget_code", "部门预算编码", &self.budget_code),
            ("code", "项目编码", &self.code),
            ("attribute", "项目属性", &self.attribute),
            ("funding", "资金性质", &self.funding),
            ("function", "功能分类科目", &self.function),
            ("policy", "立项依据", &self.policy),
            ("approval", "审批文号", &self.approval),
            ("overview", "项目概况", &self.overview),
            ("contact", "联系人", &self.contact),
            ("phone", "联系电话", &self.phone),
        ]
        .into_iter()
        .filter_map(|(key, label, v)| v.as_ref().map(|s| (key, label, s)))
        .collect()
    }

    pub fn is_empty(&self) -> bool {
        self.fields().is_empty()
    }
}

/// `share "某乡镇" 12.5`: a recipient of the project's money and its amount.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Share {
    pub recipient: Spanned<String>,
    /// In the document's unit; `None` when it could not be read (reported).
    pub amount: Option<Money>,
    pub span: Span,
}
