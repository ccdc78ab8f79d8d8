//! Admin-initiated messages. Every call into the client for this tool is in `call`.

use intercom_api::models::CreateMessageRequest;
use intercom_api::Client;
use serde_json::json;

use crate::failure::Failure;
use crate::input::Input;
use crate::output::Output;
use crate::tool::{Param, Tool};

/// The tools.
pub const TOOLS: &[Tool] = &[Tool {
    name: "create_message",
    description: "Create and send a new admin-initiated message in Intercom. Returns API-aligned fields only.",
    operation: "createMessage",
    variant: None,
    params: &[
        Param::body("message_type", &["message_type"])
            .required()
            .describe("Message type: \"inapp\" for in-app messages or \"email\" for email messages")
            .note("(`in_app` is accepted too.)"),
        Param::body("template", &["template"])
            .required()
            .describe("Message template style: \"plain\" for plain text or \"personal\" for personalized style"),
        Param::body("subject", &["subject"]),
        Param::body("body", &["body"]).required(),
        Param::body("from_type", &["from", "type"]).required().describe("Sender type: \"admin\""),
        Param::body("from_id", &["from", "id"]).required(),
        Param::body("to_type", &["to", "type"]).required().describe("Recipient type: \"contact\"").note(
            "(The API's values are `user` and `lead`.)",
        ),
        Param::body("to_id", &["to", "id"]).required(),
        Param::body("created_at", &["created_at"]).describe(
            "Unix timestamp for when the message was created. If not provided, current time is used.",
        ),
    ],
    read_only: false,
}];

/// Runs tool `name`.
pub async fn call(client: &Client, name: &str, input: Input) -> Result<Output, Failure> {
    match name {
        "create_message" => {
            let input = input.replace("message_type", "inapp", "in_app");
            let body: CreateMessageRequest = input.body(json!({}))?;
            let message = client.messages().create().body(body).send().await?;
            Output::new(
                &message,
                format!(
                    "Sent {} message {}.",
                    message.message_type.as_str(),
                    message.id
                ),
            )
        }
        _ => Err(Failure::unknown_tool(name)),
    }
}
