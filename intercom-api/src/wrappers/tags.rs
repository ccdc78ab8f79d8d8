//! Tags on contacts and tickets, by tag id.
//!
//! Listing and creating tags need no wrapper: `client.tags().list()` and
//! `client.tags().create(CreateOrUpdateTagRequest::new("VIP"))`. Conversations are tagged
//! through `client.conversation(id).attach_tag(admin_id, tag_id)`.
//!
//! ```no_run
//! # async fn run(client: intercom_api::Client) -> Result<(), intercom_api::Error> {
//! client.tag_contact("6762f0dd1bb69f9f2193bb83", "7522907").send().await?;
//! client.untag_contact("6762f0dd1bb69f9f2193bb83", "7522907").send().await?;
//! client.tag_ticket("64619700005694", "991267459", "7522907").send().await?;
//! # Ok(()) }
//! ```

use crate::IntoId;

use crate::models::{
    AttachTagToContactRequest, AttachTagToTicketRequest, DetachTagFromTicketRequest,
};
use crate::operations::{TagsTagContact, TagsTagTicket, TagsUntagContact, TagsUntagTicket};
use crate::Client;

impl Client {
    /// Tags a contact: `POST /contacts/{contact_id}/tags` with `{"id": tag_id}`.
    pub fn tag_contact(
        &self,
        contact_id: impl IntoId,
        tag_id: impl Into<String>,
    ) -> TagsTagContact<'_> {
        self.tags()
            .tag_contact(contact_id, AttachTagToContactRequest::new(tag_id))
    }

    /// Removes a tag from a contact: `DELETE /contacts/{contact_id}/tags/{tag_id}`.
    pub fn untag_contact(
        &self,
        contact_id: impl IntoId,
        tag_id: impl IntoId,
    ) -> TagsUntagContact<'_> {
        self.tags().untag_contact(contact_id, tag_id)
    }

    /// Tags a ticket as the admin `admin_id`: `POST /tickets/{ticket_id}/tags` with
    /// `{"id": tag_id, "admin_id"}`.
    pub fn tag_ticket(
        &self,
        ticket_id: impl IntoId,
        admin_id: impl Into<String>,
        tag_id: impl Into<String>,
    ) -> TagsTagTicket<'_> {
        self.tags()
            .tag_ticket(ticket_id, AttachTagToTicketRequest::new(admin_id, tag_id))
    }

    /// Removes a tag from a ticket as the admin `admin_id`:
    /// `DELETE /tickets/{ticket_id}/tags/{tag_id}` with `{"admin_id"}`.
    pub fn untag_ticket(
        &self,
        ticket_id: impl IntoId,
        admin_id: impl Into<String>,
        tag_id: impl IntoId,
    ) -> TagsUntagTicket<'_> {
        self.tags()
            .untag_ticket(ticket_id, tag_id, DetachTagFromTicketRequest::new(admin_id))
    }
}
