//! Messages: send an in-app or an email message from an admin to a contact.
//!
//! ```no_run
//! # async fn run(client: intercom_api::Client) -> Result<(), intercom_api::Error> {
//! use intercom_api::models::Recipient;
//!
//! let to = Recipient::user("6762f0dd1bb69f9f2193bb83");
//! client.send_in_app_message(991267459, to.clone(), "Your export is ready.").send().await?;
//! let message = client
//!     .send_email_message(991267459, to, "Your export", "<p>It is ready.</p>")
//!     .send()
//!     .await?;
//! println!("conversation {:?}", message.conversation_id);
//! # Ok(()) }
//! ```

use crate::models::{
    CreateMessageRequest, CreateMessageRequestFrom, CreateMessageRequestMessageType, Recipient,
    RecipientType,
};
use crate::operations::MessagesCreate;
use crate::Client;

impl Recipient {
    /// A contact with the role `user`, by Intercom id.
    pub fn user(id: impl Into<String>) -> Self {
        Recipient::new(id, RecipientType::User)
    }

    /// A contact with the role `lead`, by Intercom id.
    pub fn lead(id: impl Into<String>) -> Self {
        Recipient::new(id, RecipientType::Lead)
    }
}

impl Client {
    /// Sends an in-app message from the admin `admin_id` to `to`: `POST /messages` with
    /// `{"message_type": "in_app", "body", "from": {"type": "admin", "id"}, "to"}`.
    pub fn send_in_app_message(
        &self,
        admin_id: i64,
        to: Recipient,
        body: impl Into<String>,
    ) -> MessagesCreate<'_> {
        let message = CreateMessageRequest::new()
            .message_type(CreateMessageRequestMessageType::InApp)
            .body(body)
            .from(CreateMessageRequestFrom::new(admin_id))
            .to(to);
        self.messages().create().body(message)
    }

    /// Sends an email from the admin `admin_id` to `to`, in the `plain` template:
    /// `POST /messages` with `{"message_type": "email", "subject", "body", "template": "plain",
    /// "from": {"type": "admin", "id"}, "to"}`.
    ///
    /// For the `personal` template, cc or bcc, build a [`CreateMessageRequest`] and call
    /// [`Client::create_message`].
    pub fn send_email_message(
        &self,
        admin_id: i64,
        to: Recipient,
        subject: impl Into<String>,
        body: impl Into<String>,
    ) -> MessagesCreate<'_> {
        let message = CreateMessageRequest::new()
            .message_type(CreateMessageRequestMessageType::Email)
            .subject(subject)
            .body(body)
            .template("plain")
            .from(CreateMessageRequestFrom::new(admin_id))
            .to(to);
        self.messages().create().body(message)
    }
}
