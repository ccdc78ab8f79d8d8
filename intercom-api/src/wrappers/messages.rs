//! Messages on `client.messages()`: send an in-app or an email message from an admin to a
//! contact.
//!
//! The admin and the contact are named by id (anything [`IntoId`] accepts: `"123"`, a
//! `String`, `&String` or an integer); the contact comes with its role, as a [`Recipient`].
//! The API wants the admin id as an integer: one that is not a number makes the request fail
//! with [`Error::InvalidInput`](crate::Error::InvalidInput) before anything is sent.
//!
//! ```no_run
//! # async fn run(client: intercom_api::Client) -> Result<(), intercom_api::Error> {
//! use intercom_api::wrappers::Recipient;
//!
//! let admin = client.admins().identify().send().await?.id;
//! let to = Recipient::user("6762f0dd1bb69f9f2193bb83");
//! client.messages().send_in_app(&admin, to.clone(), "Your export is ready.").send().await?;
//! let message = client
//!     .messages()
//!     .send_email(&admin, to, "Your export", "<p>It is ready.</p>")
//!     .send()
//!     .await?;
//! println!("conversation {:?}", message.conversation_id);
//! # Ok(()) }
//! ```

use super::wire::wire_integer;
use crate::models::{
    CreateMessageRequest, CreateMessageRequestFrom, CreateMessageRequestMessageType, Recipient,
    RecipientType,
};
use crate::operations::{Messages, MessagesCreate};
use crate::IntoId;

impl Recipient {
    /// A contact with the role `user`, by Intercom id.
    pub fn user(id: impl IntoId) -> Self {
        Recipient::new(id, RecipientType::User)
    }

    /// A contact with the role `lead`, by Intercom id.
    pub fn lead(id: impl IntoId) -> Self {
        Recipient::new(id, RecipientType::Lead)
    }
}

impl<'a> Messages<'a> {
    /// Sends an in-app message from the admin `admin_id` to `to`: `POST /messages` with
    /// `{"message_type": "in_app", "body", "from": {"type": "admin", "id"}, "to"}`.
    pub fn send_in_app(
        &self,
        admin_id: impl IntoId,
        to: Recipient,
        body: impl Into<String>,
    ) -> MessagesCreate<'a> {
        let (admin_id, refusal) = wire_integer("admin_id", admin_id);
        let message = CreateMessageRequest::new()
            .message_type(CreateMessageRequestMessageType::InApp)
            .body(body)
            .from(CreateMessageRequestFrom::new(admin_id))
            .to(to);
        self.create().body(message).refuse_if(refusal)
    }

    /// Sends an email from the admin `admin_id` to `to`, in the `plain` template:
    /// `POST /messages` with `{"message_type": "email", "subject", "body", "template": "plain",
    /// "from": {"type": "admin", "id"}, "to"}`.
    ///
    /// For the `personal` template, cc or bcc, build a [`CreateMessageRequest`] and call
    /// [`messages().create`](Messages::create).
    pub fn send_email(
        &self,
        admin_id: impl IntoId,
        to: Recipient,
        subject: impl Into<String>,
        body: impl Into<String>,
    ) -> MessagesCreate<'a> {
        let (admin_id, refusal) = wire_integer("admin_id", admin_id);
        let message = CreateMessageRequest::new()
            .message_type(CreateMessageRequestMessageType::Email)
            .subject(subject)
            .body(body)
            .template("plain")
            .from(CreateMessageRequestFrom::new(admin_id))
            .to(to);
        self.create().body(message).refuse_if(refusal)
    }
}
