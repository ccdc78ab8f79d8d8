//! Tickets on `client.tickets()`: create one of a ticket type for contacts with its
//! attributes, create a tracker ticket, reply or add a note as an admin, assign, change the
//! state, close, and update the attributes.
//!
//! Every call takes the ticket id first (ids are anything [`IntoId`] accepts: `"123"`, a
//! `String`, `&String` or an integer) and returns the generated request builder: finish it with
//! `.send().await`. Reading and searching need no wrapper: `client.tickets().get(id)` and
//! `client.tickets().search(TicketField::OPEN.eq(true))` (see the `search` module).
//!
//! ```no_run
//! # async fn run(client: intercom_api::Client) -> Result<(), intercom_api::Error> {
//! use intercom_api::wrappers::{ContactRef, TicketAttributes};
//!
//! let tickets = client.tickets();
//! let admin = "991267459";
//! let attributes = TicketAttributes::new()
//!     .title("Cannot log in")
//!     .description("The login page loops back to itself.")
//!     .text("browser", "Firefox");
//! let contacts = [ContactRef::email("ada@example.com")];
//! let ticket = tickets.create_with(1234, contacts, attributes).send().await?;
//! let id = ticket.id;
//!
//! tickets.reply_as_admin(&id, admin, "We are on it.").send().await?;
//! tickets.note(&id, admin, "<p>Caused by the SSO change.</p>").send().await?;
//! tickets.assign(&id, admin, "991267460").send().await?;
//! tickets.set_state(&id, 7493).send().await?;
//! tickets.update_attributes(&id, TicketAttributes::new().text("browser", "Safari")).send().await?;
//! tickets.close(&id).send().await?;
//!
//! let tracker = tickets
//!     .create_tracker(1235, "Login loop", "Several customers see a login loop.")
//!     .send()
//!     .await?;
//! println!("tracker {:?}", tracker.ticket_id);
//! # Ok(()) }
//! ```
//!
//! [`tickets().assign`](crate::operations::Tickets::assign) sends the admin id as the integer
//! the API wants: an id that is not a number fails with [`Error::InvalidInput`](crate::Error)
//! before anything is sent.
//!
//! Each call is there in the API versions whose description has what it sends (see the
//! project's `spec/capabilities.yaml`); all of them in the version this crate is generated
//! from.

use crate::generated::spec_has;
use crate::operations::Tickets;
use crate::IntoId;

/// The attribute key of a ticket's default title.
pub const DEFAULT_TITLE: &str = "_default_title_";
/// The attribute key of a ticket's default description.
pub const DEFAULT_DESCRIPTION: &str = "_default_description_";

spec_has! { ticket_create =>
use crate::models::{
    CreateTicketRequest, CreateTicketRequestContactsItem, CreateTicketRequestContactsItemEmail,
    CreateTicketRequestContactsItemExternalId, CreateTicketRequestContactsItemId,
    TicketRequestCustomAttributes, TicketRequestCustomAttributesValue,
};
use crate::operations::TicketsCreate;
use crate::wrappers::ContactRef;

/// The attributes of a ticket, keyed by attribute name: the default title and description
/// plus the ticket type's own attributes.
///
/// For a `list` attribute the value is the id of the list item (see the ticket type's
/// attributes, `client.ticket_types().get(id)`).
#[derive(Debug, Clone, Default, PartialEq)]
pub struct TicketAttributes {
    values: TicketRequestCustomAttributes,
}

impl TicketAttributes {
    /// No attribute set.
    pub fn new() -> Self {
        Self::default()
    }

    /// Sets the default title (`_default_title_`).
    pub fn title(self, title: impl Into<String>) -> Self {
        self.text(DEFAULT_TITLE, title)
    }

    /// Sets the default description (`_default_description_`).
    pub fn description(self, description: impl Into<String>) -> Self {
        self.text(DEFAULT_DESCRIPTION, description)
    }

    /// Sets a text attribute (or a `list` attribute, to the id of the list item).
    pub fn text(self, name: impl Into<String>, value: impl Into<String>) -> Self {
        self.value(
            name,
            TicketRequestCustomAttributesValue::String(value.into()),
        )
    }

    /// Sets a number attribute (sent as a JSON number).
    pub fn number(self, name: impl Into<String>, value: f64) -> Self {
        self.value(name, TicketRequestCustomAttributesValue::Number(value))
    }

    /// Sets a boolean attribute.
    pub fn boolean(self, name: impl Into<String>, value: bool) -> Self {
        self.value(name, TicketRequestCustomAttributesValue::Boolean(value))
    }

    /// Sets an attribute to any value Intercom accepts (a string, number, boolean or list).
    pub fn value(
        mut self,
        name: impl Into<String>,
        value: TicketRequestCustomAttributesValue,
    ) -> Self {
        self.values.insert(name.into(), value);
        self
    }

    /// Whether no attribute is set.
    pub fn is_empty(&self) -> bool {
        self.values.is_empty()
    }

    /// The attributes as a JSON object, the shape `PUT /tickets/{id}` takes.
    pub fn to_json_map(&self) -> serde_json::Map<String, serde_json::Value> {
        self.values
            .iter()
            .map(|(name, value)| (name.clone(), attribute_json(value)))
            .collect()
    }
}

impl From<TicketAttributes> for TicketRequestCustomAttributes {
    fn from(attributes: TicketAttributes) -> Self {
        attributes.values
    }
}

impl From<TicketAttributes> for serde_json::Map<String, serde_json::Value> {
    fn from(attributes: TicketAttributes) -> Self {
        attributes.to_json_map()
    }
}

fn attribute_json(value: &TicketRequestCustomAttributesValue) -> serde_json::Value {
    use serde_json::Value;
    match value {
        TicketRequestCustomAttributesValue::String(s) => Value::String(s.clone()),
        TicketRequestCustomAttributesValue::Number(n) => {
            serde_json::Number::from_f64(*n).map_or(Value::Null, Value::Number)
        }
        TicketRequestCustomAttributesValue::Boolean(b) => Value::Bool(*b),
        TicketRequestCustomAttributesValue::Array(items) => Value::Array(items.clone()),
    }
}

/// A ticket's contact: `{"id": …}` for an Intercom id, `{"external_id": …}` for your user id,
/// `{"email": …}` for an email (a contact is created if none has it).
impl From<ContactRef> for CreateTicketRequestContactsItem {
    fn from(contact: ContactRef) -> Self {
        match contact {
            ContactRef::IntercomUserId(id) => CreateTicketRequestContactsItemId::new(id).into(),
            ContactRef::UserId(external_id) => {
                CreateTicketRequestContactsItemExternalId::new(external_id).into()
            }
            ContactRef::Email(email) => CreateTicketRequestContactsItemEmail::new(email).into(),
        }
    }
}

impl<'a> Tickets<'a> {
    /// Creates a ticket of the type `ticket_type_id` for `contacts` (Intercom accepts one
    /// today) with its `attributes`: `POST /tickets`.
    ///
    /// For the optional fields (company, assignment, linked conversation…) build a
    /// [`CreateTicketRequest`] (it takes the same contacts and attributes) and call
    /// [`tickets().create`](Tickets::create).
    pub fn create_with(
        &self,
        ticket_type_id: impl IntoId,
        contacts: impl IntoIterator<Item = ContactRef>,
        attributes: TicketAttributes,
    ) -> TicketsCreate<'a> {
        let contacts = contacts.into_iter().map(Into::into).collect();
        let mut request = CreateTicketRequest::new(contacts, ticket_type_id);
        if !attributes.is_empty() {
            request = request.ticket_attributes(attributes);
        }
        self.create(request)
    }

    /// Creates a tracker ticket (a ticket type of the tracker category) with a title and a
    /// description and no contact, to group related customer issues: `POST /tickets` with
    /// `{"ticket_type_id", "ticket_attributes": {"_default_title_", "_default_description_"},
    /// "contacts": []}`.
    pub fn create_tracker(
        &self,
        ticket_type_id: impl IntoId,
        title: impl Into<String>,
        description: impl Into<String>,
    ) -> TicketsCreate<'a> {
        let attributes = TicketAttributes::new()
            .title(title)
            .description(description);
        self.create_with(ticket_type_id, [], attributes)
    }
}

spec_has! { ticket_update =>
impl<'a> Tickets<'a> {
    /// Sets some of a ticket's attributes, leaving the others:
    /// `PUT /tickets/{ticket_id}` with `{"ticket_attributes": {…}}`.
    pub fn update_attributes(
        &self,
        ticket_id: impl IntoId,
        attributes: TicketAttributes,
    ) -> crate::operations::TicketsUpdate<'a> {
        let update = crate::models::UpdateTicketRequest::new().ticket_attributes(attributes);
        self.update(ticket_id, update)
    }
}
}
}

spec_has! { ticket_admin_reply =>
use crate::models::{AdminReplyTicketRequest, AdminReplyTicketRequestMessageType};
use crate::operations::TicketsReply;

impl<'a> Tickets<'a> {
    /// Replies to a ticket as the admin `admin_id`, visible to the customer:
    /// `POST /tickets/{ticket_id}/reply` with `message_type: comment`.
    pub fn reply_as_admin(
        &self,
        ticket_id: impl IntoId,
        admin_id: impl IntoId,
        body: impl Into<String>,
    ) -> TicketsReply<'a> {
        let comment = AdminReplyTicketRequestMessageType::Comment;
        self.admin_reply(ticket_id, admin_id, comment, body)
    }

    /// Adds an internal note (admins only; some HTML accepted) to a ticket as the admin
    /// `admin_id`: `POST /tickets/{ticket_id}/reply` with `message_type: note`.
    pub fn note(
        &self,
        ticket_id: impl IntoId,
        admin_id: impl IntoId,
        body: impl Into<String>,
    ) -> TicketsReply<'a> {
        let note = AdminReplyTicketRequestMessageType::Note;
        self.admin_reply(ticket_id, admin_id, note, body)
    }

    fn admin_reply(
        &self,
        ticket_id: impl IntoId,
        admin_id: impl IntoId,
        message_type: AdminReplyTicketRequestMessageType,
        body: impl Into<String>,
    ) -> TicketsReply<'a> {
        let reply = AdminReplyTicketRequest::new(admin_id, message_type).body(body);
        self.reply(ticket_id, reply)
    }
}
}

spec_has! { ticket_assign =>
impl<'a> Tickets<'a> {
    /// Assigns a ticket to the admin or team `assignee_id` (`0` unassigns), as the admin
    /// `admin_id`: `PUT /tickets/{ticket_id}` with `{"admin_id", "assignee_id"}`.
    ///
    /// The API wants `admin_id` as an integer: one that is not a number makes the request
    /// fail with [`Error::InvalidInput`](crate::Error::InvalidInput) before anything is sent.
    pub fn assign(
        &self,
        ticket_id: impl IntoId,
        admin_id: impl IntoId,
        assignee_id: impl IntoId,
    ) -> crate::operations::TicketsUpdate<'a> {
        let (admin_id, refusal) = super::wire::wire_integer("admin_id", admin_id);
        let update = crate::models::UpdateTicketRequest::new()
            .admin_id(admin_id)
            .assignee_id(assignee_id.into_id());
        self.update(ticket_id, update).refuse_if(refusal)
    }
}
}

spec_has! { ticket_state =>
impl<'a> Tickets<'a> {
    /// Moves a ticket to the state `ticket_state_id` (one of its ticket type's states, see
    /// `client.ticket_states().list()`): `PUT /tickets/{ticket_id}` with `{"ticket_state_id"}`.
    pub fn set_state(
        &self,
        ticket_id: impl IntoId,
        ticket_state_id: impl IntoId,
    ) -> crate::operations::TicketsUpdate<'a> {
        let update = crate::models::UpdateTicketRequest::new().ticket_state_id(ticket_state_id.into_id());
        self.update(ticket_id, update)
    }
}
}

spec_has! { ticket_update =>
impl<'a> Tickets<'a> {
    /// Closes a ticket (and unsnoozes it): `PUT /tickets/{ticket_id}` with `{"open": false}`.
    pub fn close(&self, ticket_id: impl IntoId) -> crate::operations::TicketsUpdate<'a> {
        self.update(ticket_id, crate::models::UpdateTicketRequest::new().open(false))
    }
}
}
