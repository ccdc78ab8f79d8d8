//! Tickets: create, get, update, and seed 004's tracker ticket. Every call into the client for
//! these tools is in `call`.

use intercom_api::models::{CreateTicketRequest, Ticket, UpdateTicketRequest};
use intercom_api::Client;
use serde_json::json;

use crate::failure::Failure;
use crate::input::Input;
use crate::output::Output;
use crate::tool::{Param, Tool};

const CREATE: &[Param] = &[
    Param::body("ticket_type_id", &["ticket_type_id"]).required(),
    Param::body("contacts", &["contacts"])
        .required()
        .describe("JSON array of contact identifiers (e.g., [{\"id\": \"contact_id\"}])")
        .json_array(),
    Param::body("ticket_attributes", &["ticket_attributes"])
        .required()
        .describe(
            "JSON object with ticket attributes including default_title and default_description",
        )
        .note("(Their keys are `_default_title_` and `_default_description_`.)")
        .json_object(),
    Param::body("company_id", &["company_id"]),
    Param::body("created_at", &["created_at"]).describe(
        "Unix timestamp for when the ticket was created. If not provided, current time is used.",
    ),
    Param::body("conversation_to_link_id", &["conversation_to_link_id"]),
    Param::body("disable_notifications", &["skip_notifications"]),
];

const UPDATE: &[Param] = &[
    Param::path("ticketId", "ticket_id"),
    Param::body("ticket_attributes", &["ticket_attributes"])
        .describe("JSON object with ticket attributes (e.g., {\"default_title\":\"New Title\",\"default_description\":\"Updated description\"})")
        .json_object(),
    Param::body("open", &["open"]),
    Param::body("is_shared", &["is_shared"]),
    Param::body("snoozed_until", &["snoozed_until"]),
    Param::body("admin_id", &["admin_id"])
        .describe("The ID of the admin performing the update (needed for workflows and attribution)"),
    Param::body("assignee_id", &["assignee_id"])
        .describe("The ID of the admin or team to assign the ticket to. Set to \"0\" to unassign."),
];

const TRACKER: &[Param] = &[
    Param::body("ticket_type_id", &["ticket_type_id"])
        .required()
        .describe("The ID of a tracker ticket type"),
    Param::hand("title", "string").required().describe("Short bug title"),
    Param::hand("description", "string")
        .describe("Description of the issue and any linked references"),
    Param::body("contacts", &["contacts"])
        .describe("JSON array of affected contacts (e.g., [{\"id\": \"contact_id\"}]); empty if not given")
        .json_array(),
];

/// The tools.
pub const TOOLS: &[Tool] = &[
    Tool {
        name: "create_ticket",
        description: "Create a new ticket in Intercom. Returns API-aligned fields only.",
        operation: "createTicket",
        variant: None,
        params: CREATE,
        read_only: false,
    },
    Tool {
        name: "get_ticket",
        description: "Retrieve a single ticket by ID from Intercom. Returns API-aligned fields only.",
        operation: "getTicket",
        variant: None,
        params: &[Param::path("ticketId", "ticket_id")],
        read_only: true,
    },
    Tool {
        name: "update_ticket",
        description: "Update a ticket in Intercom (change state, assignment, attributes)",
        operation: "updateTicket",
        variant: None,
        params: UPDATE,
        read_only: false,
    },
    Tool {
        name: "create_tracker_ticket",
        description: "Create a tracker ticket to group related customer issues (title and description become the ticket's default attributes). Linking it to conversations is done in the Intercom UI.",
        operation: "createTicket",
        variant: None,
        params: TRACKER,
        read_only: false,
    },
];

/// Runs tool `name`.
pub async fn call(client: &Client, name: &str, input: Input) -> Result<Output, Failure> {
    match name {
        "create_ticket" => {
            let body: CreateTicketRequest = input.body(json!({}))?;
            let ticket = client.tickets().create(body).send().await?;
            done(&ticket, "Created")
        }
        "get_ticket" => {
            let id: String = input.require("ticketId")?;
            let ticket = client.tickets().get(&id).send().await?;
            done(&ticket, "Got")
        }
        "update_ticket" => {
            let id: String = input.require("ticketId")?;
            let body: UpdateTicketRequest = input.body(json!({}))?;
            let ticket = client.tickets().update(&id, body).send().await?;
            done(&ticket, "Updated")
        }
        "create_tracker_ticket" => {
            let mut attributes = json!({"_default_title_": input.require::<String>("title")?});
            if let Some(description) = input.get::<String>("description")? {
                attributes["_default_description_"] = json!(description);
            }
            let constants = json!({"ticket_attributes": attributes, "contacts": []});
            let body: CreateTicketRequest = input.body(constants)?;
            let ticket = client.tickets().create(body).send().await?;
            done(&ticket, "Created tracker")
        }
        _ => Err(Failure::unknown_tool(name)),
    }
}

/// `"<what> ticket 123 (#45, state: submitted)."`
fn done(ticket: &Ticket, what: &str) -> Result<Output, Failure> {
    let state = ticket
        .ticket_state
        .internal_label
        .as_deref()
        .unwrap_or("unknown");
    Output::new(
        ticket,
        format!(
            "{what} ticket {} (#{}, state: {state}).",
            ticket.id, ticket.ticket_id
        ),
    )
}
