//! What the search builder knows about a searchable resource.

use std::fmt::Debug;

/// A resource with a search endpoint. Implemented by the generated markers
/// ([`Contacts`](super::Contacts), [`Conversations`](super::Conversations),
/// [`Tickets`](super::Tickets)) from the spec.
pub trait Resource: 'static {
    /// The resource's name in messages (`contacts`).
    const NAME: &'static str;
    /// The search endpoint's path (`/contacts/search`); the method is `POST`.
    const PATH: &'static str;
    /// The search endpoint's operation id.
    const OPERATION_ID: &'static str;
}

/// A resource whose search answers pages of items through a body cursor.
pub trait Paged: Resource {
    /// One page of results, as the search endpoint returns it.
    type List: serde::de::DeserializeOwned + Debug + Clone + Send;
    /// One result.
    type Item: Debug + Clone + Send;
    /// The items of a page.
    fn items(list: &Self::List) -> &[Self::Item];
    /// The items of a page, by value.
    fn into_items(list: Self::List) -> Vec<Self::Item>;
    /// `pages.next.starting_after`: the cursor of the next page, if there is one.
    fn next_cursor(list: &Self::List) -> Option<String>;
    /// `total_count`: how many results the whole search has.
    fn total_count(list: &Self::List) -> Option<i64>;
}
