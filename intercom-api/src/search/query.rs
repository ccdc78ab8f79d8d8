//! A query: one filter, or an `AND` / `OR` group of queries.

use std::borrow::Cow;
use std::fmt;
use std::marker::PhantomData;

use serde::ser::{Serialize, Serializer};

use super::operator::{Combinator, Operator};
use super::resource::Resource;
use super::tree::{Filter, Node};
use super::validate::{self, Invalid};
use super::value::Operand;

/// A search query on resource `R`: a filter built from a [`Field`](super::Field), or a group
/// made with [`and`] / [`or`].
///
/// Its JSON is the `query` of Intercom's search body. What the types cannot rule out (more
/// than 2 levels of groups, more than 15 entries in a group, an operator the field's
/// documentation excludes) is checked by [`Query::validate`], which every search runs before
/// sending.
pub struct Query<R> {
    pub(crate) node: Node,
    marker: PhantomData<fn() -> R>,
}

/// A group matching when every query matches: `{"operator": "AND", "value": [...]}`.
///
/// ```
/// use intercom_api::models::{ConversationPriority, ConversationState};
/// use intercom_api::search::{and, or, ConversationField as F};
/// // (open AND assigned to 12345) AND (urgent OR a reply within an hour)
/// let query = and([
///     F::STATE.eq(ConversationState::Open),
///     F::ADMIN_ASSIGNEE_ID.eq(12345),
///     or([
///         F::PRIORITY.eq(ConversationPriority::Urgent),
///         F::STATISTICS_TIME_TO_ADMIN_REPLY.lt(3600),
///     ]),
/// ]);
/// assert!(query.validate().is_ok());
/// ```
pub fn and<R>(queries: impl IntoIterator<Item = Query<R>>) -> Query<R> {
    Query::group(Combinator::And, queries)
}

/// A group matching when at least one query matches: `{"operator": "OR", "value": [...]}`.
pub fn or<R>(queries: impl IntoIterator<Item = Query<R>>) -> Query<R> {
    Query::group(Combinator::Or, queries)
}

impl<R> Query<R> {
    pub(crate) fn filter(
        field: Cow<'static, str>,
        kind: &'static str,
        allowed: Option<&'static [Operator]>,
        operator: Operator,
        operand: Operand,
    ) -> Self {
        Query::from_node(Node::Filter(Filter {
            field,
            kind,
            allowed,
            operator,
            operand,
        }))
    }

    /// A group of `queries` joined by `combinator`.
    pub fn group(combinator: Combinator, queries: impl IntoIterator<Item = Query<R>>) -> Self {
        let nodes = queries.into_iter().map(|q| q.node).collect();
        Query::from_node(Node::Group(combinator, nodes))
    }

    pub(crate) fn from_node(node: Node) -> Self {
        Query {
            node,
            marker: PhantomData,
        }
    }

    /// Levels of groups: 0 for a single filter, 1 for a group of filters, 2 for a group
    /// holding a group.
    pub fn depth(&self) -> usize {
        self.node.depth()
    }

    /// The query as JSON, exactly as sent under `"query"`.
    pub fn to_json(&self) -> serde_json::Value {
        serde_json::to_value(self).unwrap_or(serde_json::Value::Null)
    }
}

impl<R: Resource> Query<R> {
    /// Checks what the types cannot: at most 2 levels of groups, 1 to 15 entries per group,
    /// operators the field accepts, finite numbers. Searches run this before sending.
    pub fn validate(&self) -> Result<(), Invalid> {
        validate::query(R::NAME, &self.node)
    }
}

impl<R> Clone for Query<R> {
    fn clone(&self) -> Self {
        Query::from_node(self.node.clone())
    }
}

impl<R> PartialEq for Query<R> {
    fn eq(&self, other: &Self) -> bool {
        self.node == other.node
    }
}

impl<R> fmt::Debug for Query<R> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        self.node.fmt(f)
    }
}

impl<R> Serialize for Query<R> {
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        self.node.serialize(serializer)
    }
}
