//! Events on `client.events()`: track that a contact did something, with or without
//! metadata.
//!
//! Name events with a past-tense verb-noun, like `order-completed`; name the contact with a
//! [`ContactRef`]. Intercom answers `202 Accepted` with no body.
//!
//! ```no_run
//! # async fn run(client: intercom_api::Client) -> Result<(), intercom_api::Error> {
//! use intercom_api::wrappers::ContactRef;
//! use serde_json::json;
//!
//! let events = client.events();
//! events.track("invited-friend", ContactRef::user_id(314159)).send().await?;
//!
//! let metadata = [("order_value", json!(99.99)), ("invite_code", json!("ADDAFRIEND"))];
//! let ada = ContactRef::email("ada@example.com");
//! events.track_with("order-completed", ada, metadata.clone()).send().await?;
//!
//! // An event that happened earlier (the same name, contact and time are counted once).
//! let at = intercom_api::Timestamp(1_700_000_000);
//! events.track_at("order-completed", ContactRef::user_id(314159), metadata, at).send().await?;
//! # Ok(()) }
//! ```

use serde_json::{Map, Value};

use crate::models::CreateDataEventRequest;
use crate::operations::{Events, EventsCreate};
use crate::wrappers::ContactRef;
use crate::Timestamp;

impl<'a> Events<'a> {
    /// Tracks the event `name` for `contact`, happening now, with no metadata:
    /// `POST /events` with `{"event_name", "created_at", "id" | "user_id" | "email"}`.
    pub fn track(&self, name: impl Into<String>, contact: ContactRef) -> EventsCreate<'a> {
        self.track_at(name, contact, Map::new(), Timestamp::now())
    }

    /// Tracks the event `name` for `contact`, happening now, with `metadata` (up to 10 pairs;
    /// strings, numbers, or the link and amount objects Intercom documents): `POST /events`
    /// with `{"event_name", "created_at", "id" | "user_id" | "email", "metadata"}`.
    ///
    /// The metadata is left out when empty.
    pub fn track_with<K, V>(
        &self,
        name: impl Into<String>,
        contact: ContactRef,
        metadata: impl IntoIterator<Item = (K, V)>,
    ) -> EventsCreate<'a>
    where
        K: Into<String>,
        V: Into<Value>,
    {
        self.track_at(name, contact, metadata, Timestamp::now())
    }

    /// Like [`track_with`](Self::track_with), for an event that happened at `created_at`
    /// (events with the same name, contact and time are counted once). For no metadata, pass
    /// `serde_json::Map::new()`.
    pub fn track_at<K, V>(
        &self,
        name: impl Into<String>,
        contact: ContactRef,
        metadata: impl IntoIterator<Item = (K, V)>,
        created_at: impl Into<Timestamp>,
    ) -> EventsCreate<'a>
    where
        K: Into<String>,
        V: Into<Value>,
    {
        let mut event = CreateDataEventRequest::new()
            .event_name(name)
            .created_at(created_at);
        event = match contact {
            ContactRef::IntercomUserId(id) => event.id(id),
            ContactRef::UserId(user_id) => event.user_id(user_id),
            ContactRef::Email(email) => event.email(email),
        };
        let metadata: Map<String, Value> = metadata
            .into_iter()
            .map(|(key, value)| (key.into(), value.into()))
            .collect();
        if !metadata.is_empty() {
            event = event.metadata(metadata);
        }
        self.create(event)
    }
}
