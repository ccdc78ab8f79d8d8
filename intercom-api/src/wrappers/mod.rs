//! Hand-written workflows: short, typed methods in the namespaces they extend, for what takes
//! several fields to say with the generated calls alone.
//!
//! Each method builds the request body and returns the generated request builder of the
//! operation it calls, so it is finished like any other call (`.send().await`, and
//! `.intercom_version(…)`, `.deadline(…)` or `.retry_non_idempotent()` before it). Every id
//! argument is an [`IntoId`](crate::IntoId) (`&str`, `String` or an integer); where the wire
//! wants a number, a non-numeric id is an [`Error::InvalidInput`](crate::Error::InvalidInput)
//! before anything is sent. A contact named by Intercom id, your `user_id` or email is a
//! [`ContactRef`] (`ContactRef::email("ada@example.com")`).
//!
//! The types the wrappers take are here too, generated ones included: [`ContactRef`],
//! [`Recipient`], [`TicketAttributes`], [`ArticleDraft`], [`CreateConversationRequestFromType`]
//! and [`AssignConversationRequestType`].
//!
//! | namespace | methods | guide |
//! |---|---|---|
//! | `client.conversations()` | [`reply_as_admin`](crate::operations::Conversations::reply_as_admin), [`note`](crate::operations::Conversations::note), [`reply_as_contact`](crate::operations::Conversations::reply_as_contact), [`assign_to_admin`](crate::operations::Conversations::assign_to_admin), [`assign_to_team`](crate::operations::Conversations::assign_to_team), [`assign_with_message`](crate::operations::Conversations::assign_with_message), [`unassign`](crate::operations::Conversations::unassign), [`close`](crate::operations::Conversations::close), [`snooze_until`](crate::operations::Conversations::snooze_until), [`snooze_for`](crate::operations::Conversations::snooze_for), [`reopen`](crate::operations::Conversations::reopen), [`add_tag`](crate::operations::Conversations::add_tag), [`remove_tag`](crate::operations::Conversations::remove_tag), [`create_from_contact`](crate::operations::Conversations::create_from_contact); [`Conversation::parts`](crate::models::Conversation::parts) reads the parts | [`conversations`] |
//! | `client.tickets()` | [`create_with`](crate::operations::Tickets::create_with), [`create_tracker`](crate::operations::Tickets::create_tracker), [`reply_as_admin`](crate::operations::Tickets::reply_as_admin), [`note`](crate::operations::Tickets::note), [`assign`](crate::operations::Tickets::assign), [`set_state`](crate::operations::Tickets::set_state), [`close`](crate::operations::Tickets::close), [`update_attributes`](crate::operations::Tickets::update_attributes) (with [`TicketAttributes`]) | [`tickets`] |
//! | `client.messages()` | [`send_in_app`](crate::operations::Messages::send_in_app), [`send_email`](crate::operations::Messages::send_email) (to a [`Recipient`]) | [`messages`] |
//! | `client.events()` | [`track`](crate::operations::Events::track), [`track_with`](crate::operations::Events::track_with) (with metadata), [`track_at`](crate::operations::Events::track_at) | [`events`] |
//! | `client.articles()` | [`create_draft`](crate::operations::Articles::create_draft) (with [`ArticleDraft`]), [`save_draft`](crate::operations::Articles::save_draft), [`publish`](crate::operations::Articles::publish), [`publish_with`](crate::operations::Articles::publish_with) | [`help_center`] |
//! | `client.companies()` | [`add_contact`](crate::operations::Companies::add_contact), [`remove_contact`](crate::operations::Companies::remove_contact) | [`companies`] |
//! | `client.tags()` | [`add_to_contact`](crate::operations::Tags::add_to_contact), [`remove_from_contact`](crate::operations::Tags::remove_from_contact), [`add_to_ticket`](crate::operations::Tags::add_to_ticket), [`remove_from_ticket`](crate::operations::Tags::remove_from_ticket) | [`tags`] |
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
#[cfg(any(feature = "articles", feature = "messages", feature = "tickets"))]
mod wire;

#[cfg(feature = "messages")]
pub use crate::models::Recipient;
#[cfg(feature = "conversations")]
pub use crate::models::{
    AssignConversationRequestType, ConversationPartPartType, CreateConversationRequestFromType,
};
pub use contact_ref::ContactRef;
#[cfg(feature = "articles")]
pub use help_center::ArticleDraft;
#[cfg(feature = "tickets")]
pub use tickets::{DEFAULT_DESCRIPTION, DEFAULT_TITLE};
#[cfg(feature = "tickets")]
crate::generated::spec_has! { ticket_create => pub use tickets::TicketAttributes; }
