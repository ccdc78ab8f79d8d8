//! Filter operators, group operators and sort order.

use std::fmt;

/// A filter operator, as Intercom's operator tables list them.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum Operator {
    /// `=` equals.
    Eq,
    /// `!=` does not equal.
    Ne,
    /// `IN`: equals one of a list.
    In,
    /// `NIN`: equals none of a list.
    Nin,
    /// `>` greater than.
    Gt,
    /// `>=` greater than or equal to.
    Ge,
    /// `<` lower than.
    Lt,
    /// `<=` lower than or equal to.
    Le,
    /// `~` contains.
    Contains,
    /// `!~` does not contain.
    NotContains,
    /// `^` starts with.
    StartsWith,
    /// `$` ends with.
    EndsWith,
}

impl Operator {
    /// The operator as sent (`"!="`, `"IN"`).
    pub const fn as_str(self) -> &'static str {
        match self {
            Operator::Eq => "=",
            Operator::Ne => "!=",
            Operator::In => "IN",
            Operator::Nin => "NIN",
            Operator::Gt => ">",
            Operator::Ge => ">=",
            Operator::Lt => "<",
            Operator::Le => "<=",
            Operator::Contains => "~",
            Operator::NotContains => "!~",
            Operator::StartsWith => "^",
            Operator::EndsWith => "$",
        }
    }
}

impl Operator {
    /// The operator Intercom spells `text` (`"!="`, `"IN"`), if there is one.
    pub fn parse(text: &str) -> Option<Operator> {
        [
            Operator::Eq,
            Operator::Ne,
            Operator::In,
            Operator::Nin,
            Operator::Gt,
            Operator::Ge,
            Operator::Lt,
            Operator::Le,
            Operator::Contains,
            Operator::NotContains,
            Operator::StartsWith,
            Operator::EndsWith,
        ]
        .into_iter()
        .find(|op| op.as_str() == text)
    }
}

impl fmt::Display for Operator {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.as_str())
    }
}

/// How a group combines its filters.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Combinator {
    /// Every filter matches.
    And,
    /// At least one filter matches.
    Or,
}

impl Combinator {
    /// `"AND"` or `"OR"`.
    pub const fn as_str(self) -> &'static str {
        match self {
            Combinator::And => "AND",
            Combinator::Or => "OR",
        }
    }
}

impl fmt::Display for Combinator {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.as_str())
    }
}

/// Sort direction.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Order {
    /// Smallest first.
    Ascending,
    /// Largest (newest) first.
    Descending,
}

impl Order {
    /// `"ascending"` or `"descending"`.
    pub const fn as_str(self) -> &'static str {
        match self {
            Order::Ascending => "ascending",
            Order::Descending => "descending",
        }
    }
}
