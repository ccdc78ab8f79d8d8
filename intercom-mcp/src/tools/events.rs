//! Data events. Every call into the client for this tool is in `call`.

use intercom_api::models::CreateDataEventRequest;
use intercom_api::Client;
use serde_json::json;

use crate::failure::Failure;
use crate::input::Input;
use crate::output::Output;
use crate::tool::{Param, Tool};

/// The tools.
pub const TOOLS: &[Tool] = &[Tool {
    name: "track_event",
    description: "Track a custom event for a contact in Intercom",
    operation: "createDataEvent",
    variant: None,
    params: &[
        Param::body("event_name", &["event_name"]).required().describe(
            "The name of the event (e.g., \"order-completed\"). Use past-tense verb-noun format for readability.",
        ),
        Param::body("created_at", &["created_at"])
            .describe("Unix timestamp for when the event occurred. Strongly recommended for uniqueness."),
        Param::body("user_id", &["user_id"]),
        Param::body("email", &["email"]).describe(
            "Email address of the user. Use only if your app uses email to uniquely identify users.",
        ),
        Param::body("id", &["id"]),
        Param::body("metadata", &["metadata"])
            .describe("JSON object with up to 10 metadata key-value pairs about the event (e.g., {\"order_value\": 99.99})")
            .json_object(),
    ],
    read_only: false,
}];

/// Runs tool `name`.
pub async fn call(client: &Client, name: &str, input: Input) -> Result<Output, Failure> {
    match name {
        "track_event" => {
            let body: CreateDataEventRequest = input.body(json!({}))?;
            let event = body.event_name.clone().unwrap_or_default();
            client.events().create(body).send().await?;
            Ok(Output::json(
                json!({"accepted": true}),
                format!("Event `{event}` accepted."),
            ))
        }
        _ => Err(Failure::unknown_tool(name)),
    }
}
