//! Hand-written workflows: short, typed methods in the namespaces they extend, for what takes
//! several fields to say with the generated calls alone.
//!
//! Each method builds the request body and returns the generated request builder of the
//! operation it calls, so it is finished like any other call (`.send().await`, and
//! `.intercom_version(…)`, `.deadline(…)` or `.retry_non_idempotent()` before it). Every id
//! argument is an [`IntoId`](crate::IntoId) (`&str`, `String` or an integer); where the wire
//! wants a number, a non-numeric id is an [`Error::InvalidInput`](crate::Error::InvalidInput)
//! before anything is sent. A contact named by Intercom id, your `user_id` or email is a
//! [`ContactRef`].
//!
//! | namespace | methods | guide |
//! |---|---|---|
//! | `client.conversations()` | `reply_as_admin`, `note`, `reply_as_contact`, `assign_to_admin`, `assign_to_team`, `assign_with_message`, `unassign`, `close`, `snooze_until`, `snooze_for`, `reopen`, `add_tag`, `remove_tag`, `create_from_contact`; `find(id).send().await?.parts()` reads the parts | [`conversations`] |
//! | `client.tickets()` | `create_with`, `create_tracker`, `reply_as_admin`, `note`, `assign`, `set_state`, `close`, `update_attributes` (with [`TicketAttributes`]) | [`tickets`] |
//! | `client.messages()` | `send_in_app`, `send_email` | [`messages`] |
//! | `client.events()` | `track`, `track_with` (with metadata), `track_at` | [`events`] |
//! | `client.articles()` | `create_draft`, `save_draft`, `publish`, `publish_with` | [`help_center`] |
//! | `client.companies()` | `add_contact`, `remove_contact` | [`companies`] |
//! | `client.tags()` | `add_to_contact`, `remove_from_contact`, `add_to_ticket`, `remove_from_ticket` | [`tags`] |
//!
//! Each module below is the guide to one workflow, with an example; the methods themselves are
//! documented on the namespace they extend (e.g.
//! [`Conversations`](crate::operations::Conversations)).
//! Each module is compiled under the cargo feature of that namespace (tagging a conversation
//! also needs `tags`). The repository's `examples/` has one runnable program per workflow
//! (`cargo run --example conversation_lifecycle`).

#[cfg(feature = "companies")]
pub mod companies;
mod contact_ref;
#[cfg(feature = "conversations")]
pub mod conversations;
#[cfg(feature = "events")]
pub mod events;
#[cfg(feature = "articles")]
pub mod help_center;
#[cfg(feature = "messages")]
pub mod messages;
#[cfg(feature = "tags")]
pub mod tags;
#[cfg(feature = "tickets")]
pub mod tickets;

pub use contact_ref::ContactRef;
#[cfg(feature = "conversations")]
pub use conversations::{ConversationHandle, PartKind};
#[cfg(feature = "tickets")]
pub use tickets::{TicketAttributes, DEFAULT_DESCRIPTION, DEFAULT_TITLE};
