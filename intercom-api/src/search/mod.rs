//! Typed search queries for contacts, conversations and tickets, checked when they are built.
//!
//! The searchable fields come from the tables in the search endpoints' descriptions, generated
//! into [`ContactField`], [`ConversationField`] and [`TicketField`]: one constant per field
//! (dotted ones too: `ContactField::LOCATION_CITY`, `ConversationField::SOURCE_AUTHOR_EMAIL`), one
//! constructor per templated field (`ContactField::custom_attributes("plan")`,
//! `TicketField::ticket_attribute_string(id)`). A field is typed by its resource and value
//! type ([`kinds`]), so the compiler rejects what Intercom rejects wherever it can:
//!
//! - a value of the wrong type (`ContactField::CREATED_AT.eq("yesterday")`);
//! - `~ !~ ^ $` on anything but strings, `< > <= >=` on strings or booleans;
//! - `IN` / `NIN` without a list (`is_in` takes an iterator);
//! - a field of another resource (`and([ContactField::EMAIL.eq(..), TicketField::OPEN.eq(..)])`);
//! - for a field whose values are a generated enum ([`kinds::Enum`]: conversations' `state`,
//!   `priority`, `source.delivered_as`, `ai_agent.*`, contacts' `role`, tickets' `category`),
//!   a string, a value the API version does not have (`ConversationPriority::Priority`, gone
//!   in 2.16) or a text operator.
//!
//! What the types cannot express is checked before sending ([`Query::validate`], an
//! [`Invalid`] turned into [`Error::InvalidInput`](crate::Error::InvalidInput)): at most 2 levels
//! of groups, at most 15 entries per group, and the operators each field's documentation
//! allows (`tag_id` takes only `=` and `!=`; contact dates only `=`, `>` and `<`).
//!
//! A search is sent by the search call of its resource, which takes that resource's
//! [`Search`] (or just a [`Query`]): `client.contacts().search(…)`,
//! `client.conversations().search(…)`, `client.tickets().search(…)`; a query of another
//! resource does not compile there. Each returns a request builder: `.send()` for one page,
//! `.pages()` or `.items()` for a stream across every page. A [`Search`] also reads from
//! Intercom's JSON search body (`serde_json::from_value`), keeping the values as given; its
//! structure is checked as it is read and its limits before sending.
//!
//! Dates accept a [`Timestamp`](crate::Timestamp), `SystemTime`, `i64` seconds and, with the
//! `chrono` / `time` features, `chrono::DateTime` and `time::OffsetDateTime`. **Contact date
//! search is day-granular**, as Intercom documents: see [`kinds::Date`].
//!
//! ```
//! use intercom_api::models::ConversationPriority::{High, Urgent};
//! use intercom_api::models::ConversationState;
//! use intercom_api::search::{and, or, ConversationField as F, Order, Search};
//!
//! // (state = open AND assigned to admin 12345) AND (high or urgent priority OR rated 1 or 2)
//! let search = Search::new(and([
//!     F::STATE.eq(ConversationState::Open),
//!     F::ADMIN_ASSIGNEE_ID.eq(12345),
//!     or([F::PRIORITY.is_in([High, Urgent]), F::CONVERSATION_RATING_SCORE.lt(3)]),
//! ]))
//! .per_page(20)
//! .sort(F::UPDATED_AT, Order::Descending);
//! assert!(search.validate().is_ok());
//! // client.conversations().search(search).send().await? for a page, .items() for a stream
//! ```

mod field;
mod json;
pub mod kinds;
mod operator;
#[cfg(all(test, feature = "contacts"))]
mod paged;
mod query;
mod request;
mod resource;
mod tree;
mod validate;
mod value;

// The generated catalogues are each gated by their namespace's feature: with none of those
// on, there is nothing to re-export.
#[allow(unused_imports)]
pub use crate::generated::search::*;
pub use field::Field;
pub use operator::{Combinator, Operator, Order};
pub use query::{and, or, Query};
pub use request::Search;
pub use resource::{Paged, Resource};
pub use validate::{Invalid, MAX_DEPTH, MAX_GROUP_LEN};
