//! Receiving Intercom webhooks: check the signature, decode the notification (feature `webhooks`).
//!
//! Intercom POSTs a JSON notification to your endpoint for every topic you subscribed to,
//! signed with your app's client secret (Developer Hub → your app → Basic information):
//!
//! ```text
//! X-Hub-Signature: sha1=<HMAC-SHA1 of the raw body, 40 hex digits>
//!
//! {"type": "notification_event", "id": "notif_…", "topic": "conversation.user.created",
//!  "app_id": "…", "created_at": 1717000000, "delivery_attempts": 1, "first_sent_at": 1717000000,
//!  "data": {"type": "notification_event_data", "item": {"type": "conversation", "id": "…", …}}}
//! ```
//!
//! This module does not depend on any web framework: hand it the secret, the body and the
//! header, and it gives back a [`Notification`] or a [`WebhookError`] saying what was wrong.
//!
//! # Handling a delivery
//!
//! 1. **Keep the raw body.** The signature covers the exact bytes Intercom sent. Take the body
//!    as bytes (`axum::body::Bytes`, `hyper::body::Bytes`, `actix_web::web::Bytes`, …) *before*
//!    any JSON extractor touches it: re-encoding parsed JSON changes the bytes and the
//!    signature no longer matches.
//! 2. **Verify, then parse**: [`verify_and_parse`] does both. Answer a signature error
//!    ([`WebhookError::is_signature_error`]) with `401` and a body error with `400`.
//! 3. **Deduplicate by [`Notification::id`].** Intercom retries a delivery that failed or took
//!    too long, so the same id can arrive twice. Remember the ids you handled (a bounded set is
//!    enough: retries come within minutes) and skip repeats, still answering `200`.
//! 4. **Answer fast, work later.** Intercom waits 5 seconds for an answer, then counts the
//!    delivery as failed and retries; too many failures pause the subscription. Reply `200`
//!    first and do the work afterwards (a spawned task, a queue).
//! 5. **Expect `ping`** ([`Topic::Ping`]): every subscription receives it.
//!
//! ```
//! use intercom_api::webhooks::{self, Item, Topic};
//!
//! /// Returns the HTTP status to answer with.
//! fn handle(secret: &[u8], signature: Option<&str>, raw_body: &[u8]) -> u16 {
//!     let notification = match webhooks::verify_and_parse(secret, raw_body, signature.unwrap_or("")) {
//!         Ok(notification) => notification,
//!         Err(e) if e.is_signature_error() => return 401,
//!         Err(_) => return 400,
//!     };
//!     // if already_seen(&notification.id) { return 200; }
//!     match (&notification.topic, notification.item()) {
//!         (Topic::ConversationUserCreated, Item::Conversation(conversation)) => {
//!             println!("new conversation {:?}", conversation.id);
//!         }
//!         (Topic::Ping, _) => {}
//!         (topic, item) => println!("{topic}: {:?} {:?}", item.type_name(), item.id()),
//!     }
//!     200
//! }
//! # assert_eq!(handle(b"secret", None, b"{}"), 401);
//! ```
//!
//! `examples/webhook_receiver.rs` is a complete receiver built on axum: it verifies, answers
//! at once, processes in a spawned task and remembers the last ids it saw.
//!
//! # Decoding
//!
//! [`Topic`] has a variant for every topic in Intercom's documentation (the table is
//! [`TOPICS`]) and keeps any other as [`Topic::Unknown`]. The item is decoded by its `type`
//! into the generated models ([`Item`]); an unknown type, or an item that does not fit its
//! model, is kept as JSON in [`Item::Other`], so a new field or topic from Intercom never
//! makes you drop a delivery. The item is salvaged as API responses are: what did not fit is
//! in [`Notification::warnings`], [`DecodeWarning`](crate::DecodeWarning)s with paths from the
//! notification (`data.item.…`). Only a body that is not a notification at all is an error.

mod error;
mod notification;
mod signature;
mod topics;

pub use error::WebhookError;
pub use notification::{
    ContactTag, ContentStat, ContentStatDetails, Item, Notification, NotificationData, Ping,
};
pub use signature::verify;
pub use topics::{Family, Topic, TopicInfo, TOPICS};

/// Verifies the `X-Hub-Signature` of `body` (see [`verify`]), then decodes it (see
/// [`Notification::from_slice`]). The body is not parsed unless the signature matches.
pub fn verify_and_parse(
    client_secret: &[u8],
    body: &[u8],
    x_hub_signature: &str,
) -> Result<Notification, WebhookError> {
    verify(client_secret, body, x_hub_signature)?;
    Notification::from_slice(body)
}
