//! The checks made before a search is sent, for what the types cannot express.
//!
//! Intercom documents, for every search endpoint: "There's a limit of max 2 nested filters"
//! (read as 2 levels of groups, as in its example `(1 OR 2) AND (3 OR 4)`) and "a limit of max
//! 15 filters for each AND or OR group" (the entries of one group, filters or groups). The
//! operator tables and notes restrict operators per field (`tag_id` takes only `=` and `!=`;
//! contact dates take only `=`, `>` and `<`).

use std::fmt;

use super::operator::{Combinator, Operator};
use super::tree::{Filter, Node};

/// Most levels of groups in one query.
pub const MAX_DEPTH: usize = 2;
/// Most entries in one group.
pub const MAX_GROUP_LEN: usize = 15;

/// Why a search was rejected before sending.
#[derive(Debug, Clone, PartialEq)]
#[non_exhaustive]
pub enum Invalid {
    /// The field's documentation excludes the operator.
    OperatorNotAllowed {
        /// The resource searched (`contacts`).
        resource: &'static str,
        /// The field.
        field: String,
        /// The field's type (`Date`).
        kind: &'static str,
        /// The operator used.
        operator: Operator,
        /// The operators the field accepts.
        allowed: Vec<Operator>,
    },
    /// Groups nest deeper than [`MAX_DEPTH`].
    TooDeep {
        /// The resource searched.
        resource: &'static str,
        /// Levels of groups in the query.
        depth: usize,
    },
    /// A group has more than [`MAX_GROUP_LEN`] entries.
    TooManyFilters {
        /// The resource searched.
        resource: &'static str,
        /// The group's operator.
        combinator: Combinator,
        /// Its number of entries.
        count: usize,
    },
    /// A group has no entries.
    EmptyGroup {
        /// The resource searched.
        resource: &'static str,
        /// The group's operator.
        combinator: Combinator,
    },
    /// A float value is NaN or infinite.
    NotFinite {
        /// The resource searched.
        resource: &'static str,
        /// The field.
        field: String,
    },
}

impl fmt::Display for Invalid {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            Invalid::OperatorNotAllowed {
                resource,
                field,
                kind,
                operator,
                allowed,
            } => {
                let allowed: Vec<String> = allowed.iter().map(|o| format!("`{o}`")).collect();
                write!(
                    f,
                    "{resource} search: operator `{operator}` is not accepted on `{field}` ({kind}); Intercom documents {} for it",
                    allowed.join(", ")
                )
            }
            Invalid::TooDeep { resource, depth } => write!(
                f,
                "{resource} search: the query nests groups {depth} levels deep; Intercom allows at most {MAX_DEPTH}"
            ),
            Invalid::TooManyFilters {
                resource,
                combinator,
                count,
            } => write!(
                f,
                "{resource} search: an {combinator} group has {count} entries; Intercom allows at most {MAX_GROUP_LEN} per group"
            ),
            Invalid::EmptyGroup {
                resource,
                combinator,
            } => write!(f, "{resource} search: an {combinator} group has no entries"),
            Invalid::NotFinite { resource, field } => {
                write!(f, "{resource} search: the value for `{field}` is not a finite number")
            }
        }
    }
}

impl std::error::Error for Invalid {}

impl From<Invalid> for crate::Error {
    fn from(invalid: Invalid) -> Self {
        crate::Error::InvalidInput(invalid.to_string())
    }
}

/// Checks a whole query.
pub(crate) fn query(resource: &'static str, node: &Node) -> Result<(), Invalid> {
    let depth = node.depth();
    if depth > MAX_DEPTH {
        return Err(Invalid::TooDeep { resource, depth });
    }
    check(resource, node)
}

fn check(resource: &'static str, node: &Node) -> Result<(), Invalid> {
    match node {
        Node::Filter(filter) => check_filter(resource, filter),
        Node::Group(combinator, nodes) => {
            let combinator = *combinator;
            if nodes.is_empty() {
                return Err(Invalid::EmptyGroup {
                    resource,
                    combinator,
                });
            }
            if nodes.len() > MAX_GROUP_LEN {
                return Err(Invalid::TooManyFilters {
                    resource,
                    combinator,
                    count: nodes.len(),
                });
            }
            nodes.iter().try_for_each(|n| check(resource, n))
        }
    }
}

fn check_filter(resource: &'static str, filter: &Filter) -> Result<(), Invalid> {
    if let Some(allowed) = filter.allowed {
        if !allowed.contains(&filter.operator) {
            return Err(Invalid::OperatorNotAllowed {
                resource,
                field: filter.field.to_string(),
                kind: filter.kind,
                operator: filter.operator,
                allowed: allowed.to_vec(),
            });
        }
    }
    if !filter.operand.values().iter().all(|v| v.is_sendable()) {
        return Err(Invalid::NotFinite {
            resource,
            field: filter.field.to_string(),
        });
    }
    Ok(())
}
