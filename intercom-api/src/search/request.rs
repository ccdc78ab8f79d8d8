//! The body of a search: query, sort and pagination.

use std::fmt;

use serde::ser::{Serialize, SerializeMap, Serializer};

use super::field::Field;
use super::operator::Order;
use super::query::Query;
use super::resource::Resource;
use super::validate::Invalid;

/// A search request body for resource `R`: a [`Query`], an optional sort and pagination.
///
/// ```
/// use intercom_api::models::ConversationState;
/// use intercom_api::search::{and, ConversationField as F, Order, Search};
/// let search = Search::new(and([
///     F::STATE.eq(ConversationState::Open),
///     F::ADMIN_ASSIGNEE_ID.eq(12345),
/// ]))
///     .per_page(20)
///     .sort(F::UPDATED_AT, Order::Descending);
/// assert_eq!(
///     search.to_json(),
///     serde_json::json!({
///         "query": {"operator": "AND", "value": [
///             {"field": "state", "operator": "=", "value": "open"},
///             {"field": "admin_assignee_id", "operator": "=", "value": "12345"},
///         ]},
///         "pagination": {"per_page": 20},
///         "sort": {"field": "updated_at", "order": "descending"},
///     })
/// );
/// ```
pub struct Search<R> {
    query: Query<R>,
    per_page: Option<u32>,
    starting_after: Option<String>,
    sort: Option<(String, Order)>,
}

impl<R> Search<R> {
    /// A search for `query`, with Intercom's default page size and order.
    pub fn new(query: Query<R>) -> Self {
        Search {
            query,
            per_page: None,
            starting_after: None,
            sort: None,
        }
    }

    /// Results per page (`pagination.per_page`), kept for every page of a stream.
    pub fn per_page(mut self, per_page: u32) -> Self {
        self.per_page = Some(per_page);
        self
    }

    /// Starts after this cursor (`pagination.starting_after`, from a page's `pages.next`).
    pub fn starting_after(mut self, cursor: impl Into<String>) -> Self {
        self.starting_after = Some(cursor.into());
        self
    }

    /// Sorts by `field` (`sort: {field, order}`).
    pub fn sort<K>(mut self, field: Field<R, K>, order: Order) -> Self {
        self.sort = Some((field.path().to_string(), order));
        self
    }

    /// Sorts by a field given by name, as a search read from JSON does.
    pub(crate) fn sort_by(mut self, field: String, order: Order) -> Self {
        self.sort = Some((field, order));
        self
    }

    /// The query.
    pub fn query(&self) -> &Query<R> {
        &self.query
    }

    /// The page size, if set.
    pub fn page_size(&self) -> Option<u32> {
        self.per_page
    }

    /// The cursor the search starts after, if any.
    pub fn cursor(&self) -> Option<&str> {
        self.starting_after.as_deref()
    }

    /// The body as JSON, exactly as sent.
    pub fn to_json(&self) -> serde_json::Value {
        serde_json::to_value(self).unwrap_or(serde_json::Value::Null)
    }
}

impl<R: Resource> Search<R> {
    /// Checks the query before sending (see [`Query::validate`]).
    pub fn validate(&self) -> Result<(), Invalid> {
        self.query.validate()
    }
}

impl<R> From<Query<R>> for Search<R> {
    fn from(query: Query<R>) -> Self {
        Search::new(query)
    }
}

impl<R> Clone for Search<R> {
    fn clone(&self) -> Self {
        Search {
            query: self.query.clone(),
            per_page: self.per_page,
            starting_after: self.starting_after.clone(),
            sort: self.sort.clone(),
        }
    }
}

impl<R> fmt::Debug for Search<R> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_struct("Search")
            .field("query", &self.query)
            .field("per_page", &self.per_page)
            .field("starting_after", &self.starting_after)
            .field("sort", &self.sort)
            .finish()
    }
}

impl<R> Serialize for Search<R> {
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        let mut map = serializer.serialize_map(None)?;
        map.serialize_entry("query", &self.query)?;
        if self.per_page.is_some() || self.starting_after.is_some() {
            map.serialize_entry(
                "pagination",
                &Pagination {
                    per_page: self.per_page,
                    starting_after: self.starting_after.as_deref(),
                },
            )?;
        }
        if let Some((field, order)) = &self.sort {
            map.serialize_entry(
                "sort",
                &Sort {
                    field,
                    order: order.as_str(),
                },
            )?;
        }
        map.end()
    }
}

#[derive(serde::Serialize)]
struct Pagination<'a> {
    #[serde(skip_serializing_if = "Option::is_none")]
    per_page: Option<u32>,
    #[serde(skip_serializing_if = "Option::is_none")]
    starting_after: Option<&'a str>,
}

#[derive(serde::Serialize)]
struct Sort<'a> {
    field: &'a str,
    order: &'a str,
}
