//! Hand-written conveniences over the generated operations, one module per workflow of the
//! documents the project started from: short, typed calls that build the request bodies and
//! return the generated request builders (finish with `.send().await`).

mod companies;
mod conversations;
mod events;
mod help_center;
mod messages;
mod tags;
mod tickets;

pub use conversations::{ContactRef, ConversationHandle, PartKind};
pub use tickets::{TicketAttributes, DEFAULT_DESCRIPTION, DEFAULT_TITLE};
