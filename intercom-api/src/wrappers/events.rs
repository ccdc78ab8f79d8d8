//! Events: track that a contact did something, with metadata.
//!
//! ```no_run
//! # async fn run(client: intercom_api::Client) -> Result<(), intercom_api::Error> {
//! use intercom_api::wrappers::ContactRef;
//! use serde_json::json;
//!
//! let user = ContactRef::UserId("314159".into());
//! let metadata = [("order_value", json!(99.99)), ("invite_code", json!("ADDAFRIEND"))];
//! client.track_event("order-completed", user, metadata).send().await?;
//! # Ok(()) }
//! ```

use serde_json::Value;

use crate::models::CreateDataEventRequest;
use crate::operations::EventsCreate;
use crate::wrappers::ContactRef;
use crate::{Client, Timestamp};

impl Client {
    /// Tracks the event `name` (a past-tense verb-noun, like `order-completed`) for `user`,
    /// happening now, with `metadata` (up to 10 pairs; strings, numbers, or the link and
    /// amount objects Intercom documents): `POST /events` with
    /// `{"event_name", "created_at", "id" | "user_id" | "email", "metadata"}`.
    ///
    /// The metadata is left out when empty. Intercom answers `202 Accepted` with no body.
    pub fn track_event<K, V>(
        &self,
        name: impl Into<String>,
        user: ContactRef,
        metadata: impl IntoIterator<Item = (K, V)>,
    ) -> EventsCreate<'_>
    where
        K: Into<String>,
        V: Into<Value>,
    {
        self.track_event_at(name, user, metadata, Timestamp::now())
    }

    /// Like [`Client::track_event`], for an event that happened at `created_at` (events with
    /// the same name, contact and time are counted once).
    pub fn track_event_at<K, V>(
        &self,
        name: impl Into<String>,
        user: ContactRef,
        metadata: impl IntoIterator<Item = (K, V)>,
        created_at: impl Into<Timestamp>,
    ) -> EventsCreate<'_>
    where
        K: Into<String>,
        V: Into<Value>,
    {
        let mut event = CreateDataEventRequest::new()
            .event_name(name)
            .created_at(created_at);
        event = match user {
            ContactRef::IntercomUserId(id) => event.id(id),
            ContactRef::UserId(user_id) => event.user_id(user_id),
            ContactRef::Email(email) => event.email(email),
        };
        let metadata: serde_json::Map<String, Value> = metadata
            .into_iter()
            .map(|(key, value)| (key.into(), value.into()))
            .collect();
        if !metadata.is_empty() {
            event = event.metadata(metadata);
        }
        self.events().create(event)
    }
}
