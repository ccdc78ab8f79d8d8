//! Tags on `client.tags()`: put a tag on a contact or a ticket and take it off, by tag id.
//!
//! Every call takes the tag first; ids are anything [`IntoId`] accepts: `"123"`, a `String`,
//! `&String` or an integer. Listing and creating tags need no wrapper: `client.tags().list()`
//! and `client.tags().create(CreateTagRequest::…)`. Conversations are tagged from
//! `client.conversations()`: `add_tag(id, admin_id, tag_id)` and `remove_tag(…)`.
//!
//! ```no_run
//! # async fn run(client: intercom_api::Client) -> Result<(), intercom_api::Error> {
//! let tags = client.tags();
//! let (vip, admin) = (7522907, "991267459");
//! let (contact, ticket) = ("6762f0dd1bb69f9f2193bb83", 64619700005694u64);
//! tags.add_to_contact(vip, contact).send().await?;
//! tags.remove_from_contact(vip, contact).send().await?;
//! tags.add_to_ticket(vip, ticket, admin).send().await?;
//! tags.remove_from_ticket(vip, ticket, admin).send().await?;
//! # Ok(()) }
//! ```

use crate::generated::spec_has;
use crate::models::AttachTagToContactRequest;
use crate::operations::{Tags, TagsTagContact, TagsUntagContact};
use crate::IntoId;

impl<'a> Tags<'a> {
    /// Puts the tag `tag_id` on the contact `contact_id`:
    /// `POST /contacts/{contact_id}/tags` with `{"id": tag_id}`.
    pub fn add_to_contact(
        &self,
        tag_id: impl IntoId,
        contact_id: impl IntoId,
    ) -> TagsTagContact<'a> {
        self.tag_contact(contact_id, AttachTagToContactRequest::new(tag_id))
    }

    /// Takes the tag `tag_id` off the contact `contact_id`:
    /// `DELETE /contacts/{contact_id}/tags/{tag_id}`.
    pub fn remove_from_contact(
        &self,
        tag_id: impl IntoId,
        contact_id: impl IntoId,
    ) -> TagsUntagContact<'a> {
        self.untag_contact(contact_id, tag_id)
    }
}

spec_has! { ticket_tags =>
use crate::models::{AttachTagToTicketRequest, DetachTagFromTicketRequest};
use crate::operations::{TagsTagTicket, TagsUntagTicket};

impl<'a> Tags<'a> {
    /// Puts the tag `tag_id` on the ticket `ticket_id`, as the admin `admin_id`:
    /// `POST /tickets/{ticket_id}/tags` with `{"id": tag_id, "admin_id"}`.
    pub fn add_to_ticket(
        &self,
        tag_id: impl IntoId,
        ticket_id: impl IntoId,
        admin_id: impl IntoId,
    ) -> TagsTagTicket<'a> {
        self.tag_ticket(ticket_id, AttachTagToTicketRequest::new(admin_id, tag_id))
    }

    /// Takes the tag `tag_id` off the ticket `ticket_id`, as the admin `admin_id`:
    /// `DELETE /tickets/{ticket_id}/tags/{tag_id}` with `{"admin_id"}`.
    pub fn remove_from_ticket(
        &self,
        tag_id: impl IntoId,
        ticket_id: impl IntoId,
        admin_id: impl IntoId,
    ) -> TagsUntagTicket<'a> {
        let by = DetachTagFromTicketRequest::new(admin_id);
        self.untag_ticket(ticket_id, tag_id, by)
    }
}
}
