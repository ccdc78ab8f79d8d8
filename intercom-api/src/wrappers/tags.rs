//! Tags on contacts and tickets, by tag id.
//!
//! Listing and creating tags need no wrapper: `client.list_tags()` and
//! `client.create_tag(CreateOrUpdateTagRequest::new("VIP"))`. Conversations are tagged
//! through `client.conversation(id).attach_tag(admin_id, tag_id)`.
//!
//! ```no_run
//! # async fn run(client: intercom_api::Client) -> Result<(), intercom_api::Error> {
//! client.tag_contact("6762f0dd1bb69f9f2193bb83", "7522907").send().await?;
//! client.untag_contact("6762f0dd1bb69f9f2193bb83", "7522907").send().await?;
//! client.tag_ticket("64619700005694", "991267459", "7522907").send().await?;
//! # Ok(()) }
//! ```

use std::fmt::Display;

use crate::models::{
    AttachTagToContactRequest, AttachTagToTicketRequest, DetachTagFromTicketRequest,
};
use crate::operations::{
    AttachTagToContact, AttachTagToTicket, DetachTagFromContact, DetachTagFromTicket,
};
use crate::Client;

impl Client {
    /// Tags a contact: `POST /contacts/{contact_id}/tags` with `{"id": tag_id}`.
    pub fn tag_contact(
        &self,
        contact_id: impl Display,
        tag_id: impl Into<String>,
    ) -> AttachTagToContact<'_> {
        self.attach_tag_to_contact(contact_id, AttachTagToContactRequest::new(tag_id))
    }

    /// Removes a tag from a contact: `DELETE /contacts/{contact_id}/tags/{tag_id}`.
    pub fn untag_contact(
        &self,
        contact_id: impl Display,
        tag_id: impl Display,
    ) -> DetachTagFromContact<'_> {
        self.detach_tag_from_contact(contact_id, tag_id)
    }

    /// Tags a ticket as the admin `admin_id`: `POST /tickets/{ticket_id}/tags` with
    /// `{"id": tag_id, "admin_id"}`.
    pub fn tag_ticket(
        &self,
        ticket_id: impl Display,
        admin_id: impl Into<String>,
        tag_id: impl Into<String>,
    ) -> AttachTagToTicket<'_> {
        self.attach_tag_to_ticket(ticket_id, AttachTagToTicketRequest::new(admin_id, tag_id))
    }

    /// Removes a tag from a ticket as the admin `admin_id`:
    /// `DELETE /tickets/{ticket_id}/tags/{tag_id}` with `{"admin_id"}`.
    pub fn untag_ticket(
        &self,
        ticket_id: impl Display,
        admin_id: impl Into<String>,
        tag_id: impl Display,
    ) -> DetachTagFromTicket<'_> {
        self.detach_tag_from_ticket(ticket_id, tag_id, DetachTagFromTicketRequest::new(admin_id))
    }
}
