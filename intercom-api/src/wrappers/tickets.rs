//! Tickets: create one of a ticket type for contacts with its attributes, create a tracker
//! ticket, reply or add a note as an admin, assign, change the state, close, and update the
//! attributes.
//!
//! Reading and searching need no wrapper: `client.tickets().get(id)` and
//! `client.search(TicketField::OPEN.eq(true))` (see [`crate::search`]).
//!
//! ```no_run
//! # async fn run(client: intercom_api::Client) -> Result<(), intercom_api::Error> {
//! use intercom_api::wrappers::{ContactRef, TicketAttributes};
//!
//! let attributes = TicketAttributes::new()
//!     .title("Cannot log in")
//!     .description("The login page loops back to itself.")
//!     .text("browser", "Firefox");
//! let contacts = [ContactRef::Email("ada@example.com".into())];
//! let ticket = client.create_ticket_with("1234", contacts, attributes).send().await?;
//! let id = ticket.id;
//!
//! client.reply_to_ticket(&id, "991267459", "We are on it.").send().await?;
//! client.add_ticket_note(&id, "991267459", "<p>Caused by the SSO change.</p>").send().await?;
//! client.assign_ticket(&id, 991267459, "991267460").send().await?;
//! client.set_ticket_state(&id, "7493").send().await?;
//!
//! let tracker = client
//!     .create_tracker_ticket("1235", "Login loop", "Several customers see a login loop.")
//!     .send()
//!     .await?;
//! println!("tracker {:?}", tracker.ticket_id);
//! # Ok(()) }
//! ```

use crate::IntoId;

use crate::models::{
    AdminReplyTicketRequest, AdminReplyTicketRequestMessageType, CreateTicketRequest,
    CreateTicketRequestContactsItem, CreateTicketRequestContactsItemEmail,
    CreateTicketRequestContactsItemExternalId, CreateTicketRequestContactsItemId,
    ReplyTicketRequest, TicketRequestCustomAttributes, TicketRequestCustomAttributesValue,
    UpdateTicketRequest,
};
use crate::operations::{TicketsCreate, TicketsReply, TicketsUpdate};
use crate::wrappers::ContactRef;
use crate::Client;

/// The attribute key of a ticket's default title.
pub const DEFAULT_TITLE: &str = "_default_title_";
/// The attribute key of a ticket's default description.
pub const DEFAULT_DESCRIPTION: &str = "_default_description_";

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

impl Client {
    /// Creates a ticket of the type `ticket_type_id` for `contacts` (Intercom accepts one
    /// today) with its `attributes`: `POST /tickets`.
    ///
    /// For the optional fields (company, assignment, linked conversation…) build a
    /// [`CreateTicketRequest`] (it takes the same contacts and attributes) and call
    /// [`Client::create_ticket`].
    pub fn create_ticket_with(
        &self,
        ticket_type_id: impl Into<String>,
        contacts: impl IntoIterator<Item = ContactRef>,
        attributes: TicketAttributes,
    ) -> TicketsCreate<'_> {
        let contacts = contacts.into_iter().map(Into::into).collect();
        let mut request = CreateTicketRequest::new(contacts, ticket_type_id);
        if !attributes.is_empty() {
            request = request.ticket_attributes(attributes);
        }
        self.tickets().create(request)
    }

    /// Creates a tracker ticket (a ticket type of the tracker category) with a title and a
    /// description and no contact, to group related customer issues: `POST /tickets` with
    /// `{"ticket_type_id", "ticket_attributes": {"_default_title_", "_default_description_"},
    /// "contacts": []}`.
    pub fn create_tracker_ticket(
        &self,
        ticket_type_id: impl Into<String>,
        title: impl Into<String>,
        description: impl Into<String>,
    ) -> TicketsCreate<'_> {
        let attributes = TicketAttributes::new()
            .title(title)
            .description(description);
        self.create_ticket_with(ticket_type_id, [], attributes)
    }

    /// Replies to a ticket as the admin `admin_id`, visible to the customer:
    /// `POST /tickets/{ticket_id}/reply` with `message_type: comment`.
    pub fn reply_to_ticket(
        &self,
        ticket_id: impl IntoId,
        admin_id: impl Into<String>,
        body: impl Into<String>,
    ) -> TicketsReply<'_> {
        self.admin_ticket_reply(
            ticket_id,
            admin_id,
            AdminReplyTicketRequestMessageType::Comment,
            body,
        )
    }

    /// Adds an internal note (admins only; some HTML accepted) to a ticket as the admin
    /// `admin_id`: `POST /tickets/{ticket_id}/reply` with `message_type: note`.
    pub fn add_ticket_note(
        &self,
        ticket_id: impl IntoId,
        admin_id: impl Into<String>,
        body: impl Into<String>,
    ) -> TicketsReply<'_> {
        self.admin_ticket_reply(
            ticket_id,
            admin_id,
            AdminReplyTicketRequestMessageType::Note,
            body,
        )
    }

    fn admin_ticket_reply(
        &self,
        ticket_id: impl IntoId,
        admin_id: impl Into<String>,
        message_type: AdminReplyTicketRequestMessageType,
        body: impl Into<String>,
    ) -> TicketsReply<'_> {
        let reply = AdminReplyTicketRequest::new(admin_id, message_type).body(body);
        self.tickets()
            .reply(ticket_id, ReplyTicketRequest::new(reply.into()))
    }

    /// Assigns a ticket to the admin or team `assignee_id` (`"0"` unassigns), as the admin
    /// `admin_id`: `PUT /tickets/{ticket_id}` with `{"admin_id", "assignee_id"}`.
    pub fn assign_ticket(
        &self,
        ticket_id: impl IntoId,
        admin_id: i64,
        assignee_id: impl Into<String>,
    ) -> TicketsUpdate<'_> {
        let update = UpdateTicketRequest::new()
            .admin_id(admin_id)
            .assignee_id(assignee_id);
        self.tickets().update(ticket_id, update)
    }

    /// Moves a ticket to the state `ticket_state_id` (one of its ticket type's states, see
    /// `client.ticket_states().list()`): `PUT /tickets/{ticket_id}` with `{"ticket_state_id"}`.
    pub fn set_ticket_state(
        &self,
        ticket_id: impl IntoId,
        ticket_state_id: impl Into<String>,
    ) -> TicketsUpdate<'_> {
        self.tickets().update(
            ticket_id,
            UpdateTicketRequest::new().ticket_state_id(ticket_state_id),
        )
    }

    /// Closes a ticket (and unsnoozes it): `PUT /tickets/{ticket_id}` with `{"open": false}`.
    pub fn close_ticket(&self, ticket_id: impl IntoId) -> TicketsUpdate<'_> {
        self.tickets()
            .update(ticket_id, UpdateTicketRequest::new().open(false))
    }

    /// Sets some of a ticket's attributes, leaving the others:
    /// `PUT /tickets/{ticket_id}` with `{"ticket_attributes": {…}}`.
    pub fn update_ticket_attributes(
        &self,
        ticket_id: impl IntoId,
        attributes: TicketAttributes,
    ) -> TicketsUpdate<'_> {
        self.tickets().update(
            ticket_id,
            UpdateTicketRequest::new().ticket_attributes(attributes),
        )
    }
}
