//! Hand-written conveniences over the generated operations, one module per workflow of the
//! documents the project started from: short, typed calls that build the request bodies and
//! return the generated request builders (finish with `.send().await`). Each module is compiled
//! under the resource feature of the operations it calls.

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

pub use contact_ref::ContactRef;
#[cfg(feature = "conversations")]
pub use conversations::{ConversationHandle, PartKind};
#[cfg(feature = "tickets")]
pub use tickets::{TicketAttributes, DEFAULT_DESCRIPTION, DEFAULT_TITLE};
