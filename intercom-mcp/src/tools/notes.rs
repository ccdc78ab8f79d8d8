//! Notes on contacts. Every call into the client for this tool is in `call`.

use intercom_api::models::CreateNoteRequest;
use intercom_api::Client;
use serde_json::json;

use crate::failure::Failure;
use crate::input::Input;
use crate::output::Output;
use crate::tool::{Param, Tool};

/// The tools.
pub const TOOLS: &[Tool] = &[Tool {
    name: "create_contact_note",
    description: "Add a note to a specific contact",
    operation: "createNote",
    variant: None,
    params: &[
        Param::path("contactId", "contact_id"),
        Param::body("body", &["body"]).required(),
        Param::body("admin_id", &["admin_id"]),
    ],
    read_only: false,
}];

/// Runs tool `name`.
pub async fn call(client: &Client, name: &str, input: Input) -> Result<Output, Failure> {
    match name {
        "create_contact_note" => {
            let contact: String = input.require("contactId")?;
            let body: CreateNoteRequest = input.body(json!({}))?;
            let note = client.notes().create(&contact, body).send().await?;
            Output::new(
                &note,
                format!("Added note {} to contact {contact}.", note.id),
            )
        }
        _ => Err(Failure::unknown_tool(name)),
    }
}
