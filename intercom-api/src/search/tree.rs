//! The untyped tree of a query, below both the typed [`Query`](super::Query) that builds it
//! and the checks made before sending ([`validate`](super::validate)): its nodes, their depth
//! and their JSON.

use std::borrow::Cow;

use serde::ser::{Serialize, SerializeMap, Serializer};

use super::operator::{Combinator, Operator};
use super::value::Operand;

/// The untyped tree.
#[derive(Debug, Clone, PartialEq)]
pub(crate) enum Node {
    /// One filter.
    Filter(Filter),
    /// A group.
    Group(Combinator, Vec<Node>),
}

/// `{field, operator, value}`, with what is needed to check it.
#[derive(Debug, Clone, PartialEq)]
pub(crate) struct Filter {
    pub(crate) field: Cow<'static, str>,
    pub(crate) kind: &'static str,
    pub(crate) allowed: Option<&'static [Operator]>,
    pub(crate) operator: Operator,
    pub(crate) operand: Operand,
}

impl Node {
    /// Levels of groups.
    pub(crate) fn depth(&self) -> usize {
        match self {
            Node::Filter(_) => 0,
            Node::Group(_, nodes) => 1 + nodes.iter().map(Node::depth).max().unwrap_or(0),
        }
    }
}

impl Serialize for Node {
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        match self {
            Node::Filter(filter) => {
                let mut map = serializer.serialize_map(Some(3))?;
                map.serialize_entry("field", &filter.field)?;
                map.serialize_entry("operator", filter.operator.as_str())?;
                map.serialize_entry("value", &filter.operand)?;
                map.end()
            }
            Node::Group(combinator, nodes) => {
                let mut map = serializer.serialize_map(Some(2))?;
                map.serialize_entry("operator", combinator.as_str())?;
                map.serialize_entry("value", nodes)?;
                map.end()
            }
        }
    }
}
