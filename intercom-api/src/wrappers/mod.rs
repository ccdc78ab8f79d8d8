//! Hand-written conveniences over the generated operations, one module per workflow of the
//! documents the project started from: short, typed calls on the namespaces they extend
//! (`client.conversations().reply_as_admin(id, admin_id, body)`) that build the request bodies
//! and return the generated request builders (finish with `.send().await`). Each module is
//! compiled under the resource feature of the operations it calls.
//!
//! Every id argument takes anything [`IntoId`](crate::IntoId) accepts (`"123"`, a `String`,
//! `&String`, an integer). Where the API wants an integer, a non-numeric id makes the request
//! fail with [`Error::InvalidInput`](crate::Error::InvalidInput) before anything is sent.
//!
//! The types the wrappers take are here too, generated ones included:
//! [`ContactRef`], [`Recipient`], [`TicketAttributes`], [`ArticleDraft`],
//! [`CreateConversationRequestFromType`] and [`AssignConversationRequestType`].

#[cfg(feature = "companies")]
mod companies;
mod contact_ref;
#[cfg(feature = "conversations")]
mod conversations;
#[cfg(feature = "events")]
mod events;
#[cfg(feature = "articles")]
mod help_center;
#[cfg(feature = "messages")]
mod messages;
#[cfg(feature = "tags")]
mod tags;
#[cfg(feature = "tickets")]
mod tickets;

#[cfg(feature = "messages")]
pub use crate::models::Recipient;
#[cfg(feature = "conversations")]
pub use crate::models::{AssignConversationRequestType, CreateConversationRequestFromType};
pub use contact_ref::ContactRef;
#[cfg(feature = "conversations")]
pub use conversations::PartKind;
#[cfg(feature = "articles")]
pub use help_center::ArticleDraft;
#[cfg(feature = "tickets")]
pub use tickets::{TicketAttributes, DEFAULT_DESCRIPTION, DEFAULT_TITLE};

/// An id the API wants as an integer, where a request builder is returned rather than a
/// `Result`: the number and, when `id` is not one, the reason to refuse the request (the
/// number is then `0`, never sent: pass the reason to the builder's `refuse_if`).
#[cfg(any(feature = "articles", feature = "messages", feature = "tickets"))]
fn wire_integer(what: &str, id: impl crate::IntoId) -> (i64, Option<String>) {
    match crate::runtime::id::integer_id(what, &id.into_id()) {
        Ok(number) => (number, None),
        Err(reason) => (0, Some(reason)),
    }
}
