//! Conversations: get, list, search, reply, internal note, close, open, snooze, assign. Every
//! call into the client for these tools is in `call` and `default_admin`.

use intercom_api::models::{
    AdminReplyConversationRequest, AssignConversationRequest, CloseConversationRequest,
    Conversation, ManageConversationRequest, OpenConversationRequest, ReplyConversationRequest,
    SnoozeConversationRequest,
};
use intercom_api::search::{Conversations, Search};
use intercom_api::Client;
use serde_json::json;

use crate::failure::Failure;
use crate::input::Input;
use crate::output::{page_summary, Output};
use crate::tool::{Param, Tool};

const ID: Param = Param::path("conversationId", "conversation_id");
const ADMIN: Param = Param::body("admin_id", &["admin_id"]).required();

const REPLY: &[Param] = &[
    ID,
    Param::body("message_type", &["message_type"])
        .required()
        .describe("Message type: \"comment\" or \"note\""),
    Param::body("body", &["body"]).required(),
    Param::body("admin_id", &["admin_id"]).describe(
        "The ID of the admin authoring the reply. If not provided, a default admin (Operator/Fin) will be used.",
    ).note("(Here: the admin the access token belongs to, from `GET /me`.)"),
    Param::body("attachment_urls", &["attachment_urls"]).json_list(),
    Param::body("created_at", &["created_at"]).describe(
        "Unix timestamp for when the reply was created. If not provided, current time is used.",
    ),
];

const SEARCH: &[Param] = &[
    Param::body("query", &["query"])
        .required()
        .json_object()
        .note("A filter {\"field\", \"operator\", \"value\"} or a group {\"operator\": \"AND\"|\"OR\", \"value\": [filters]}, e.g. {\"field\":\"state\",\"operator\":\"=\",\"value\":\"open\"}."),
    Param::body("per_page", &["pagination", "per_page"]),
    Param::body("starting_after", &["pagination", "starting_after"]),
    Param::body("sort_field", &["sort", "field"])
        .describe("Field to sort by (e.g., \"created_at\", \"updated_at\")"),
    Param::body("sort_order", &["sort", "order"])
        .describe("Sort order: \"ascending\" or \"descending\""),
];

/// The tools.
pub const TOOLS: &[Tool] = &[
    Tool {
        name: "get_conversation",
        description: "Retrieve a single conversation by ID from Intercom",
        operation: "retrieveConversation",
        variant: None,
        params: &[
            ID,
            Param::query("display_as", "display_as")
                .describe("Set to \"plaintext\" to retrieve messages in plain text"),
            Param::query("include_translations", "include_translations").describe(
                "When true, conversation parts will be translated to the detected language of the conversation",
            ),
        ],
        read_only: true,
    },
    Tool {
        name: "list_conversations",
        description: "List all conversations from Intercom with pagination support",
        operation: "listConversations",
        variant: None,
        params: &[
            Param::query("per_page", "per_page"),
            Param::query("starting_after", "starting_after"),
        ],
        read_only: true,
    },
    Tool {
        name: "reply_conversation",
        description: "Reply to a conversation as an admin in Intercom",
        operation: "replyConversation",
        variant: Some("AdminReplyConversationRequest"),
        params: REPLY,
        read_only: false,
    },
    Tool {
        name: "search_conversations",
        description: "Search for conversations in Intercom using a query. Returns API-aligned fields only.",
        operation: "searchConversations",
        variant: None,
        params: SEARCH,
        read_only: true,
    },
    Tool {
        name: "close_conversation",
        description: "Close a conversation in Intercom",
        operation: "manageConversation",
        variant: Some("CloseConversationRequest"),
        params: &[ID, ADMIN, Param::body("body", &["body"])],
        read_only: false,
    },
    Tool {
        name: "open_conversation",
        description: "Open a closed or snoozed conversation in Intercom",
        operation: "manageConversation",
        variant: Some("OpenConversationRequest"),
        params: &[ID, ADMIN],
        read_only: false,
    },
    Tool {
        name: "snooze_conversation",
        description: "Snooze a conversation to reopen at a future time",
        operation: "manageConversation",
        variant: Some("SnoozeConversationRequest"),
        params: &[ID, ADMIN, Param::body("snoozed_until", &["snoozed_until"]).required()],
        read_only: false,
    },
    Tool {
        name: "assign_conversation",
        description: "Assign a conversation to an admin or team in Intercom",
        operation: "manageConversation",
        variant: Some("AssignConversationRequest"),
        params: &[
            ID,
            ADMIN,
            Param::body("assignee_id", &["assignee_id"]).required().describe(
                "The ID of the admin or team to assign the conversation to. Set to \"0\" to unassign.",
            ),
            Param::body("body", &["body"]).describe(
                "Optional message to add when assigning (e.g., \"Passing to the support team\")",
            ),
        ],
        read_only: false,
    },
    Tool {
        name: "create_conversation_note",
        description: "Add an internal note to a conversation: visible only to admins, not the customer. Notes support HTML.",
        operation: "replyConversation",
        variant: Some("AdminReplyConversationRequest"),
        params: &[ID, ADMIN, Param::body("body", &["body"]).required()],
        read_only: false,
    },
];

/// Runs tool `name`.
pub async fn call(client: &Client, name: &str, input: Input) -> Result<Output, Failure> {
    match name {
        "get_conversation" => {
            let id: String = input.require("conversationId")?;
            let mut request = client.conversations().find(&id);
            if let Some(display_as) = input.get::<String>("display_as")? {
                request = request.display_as(display_as);
            }
            if let Some(translate) = input.get::<bool>("include_translations")? {
                request = request.include_translations(translate);
            }
            let conversation = request.send().await?;
            done(&conversation, "Conversation")
        }
        "list_conversations" => {
            let mut request = client.conversations().list();
            if let Some(per_page) = input.get::<i64>("per_page")? {
                request = request.per_page(per_page);
            }
            if let Some(cursor) = input.get::<String>("starting_after")? {
                request = request.starting_after(cursor);
            }
            let list = request.send().await?;
            let count = list.conversations.as_ref().map_or(0, Vec::len);
            Output::new(
                &list,
                page_summary("conversations", count, list.total_count),
            )
        }
        "search_conversations" => {
            let body: Search<Conversations> = input.body(json!({}))?;
            let list = client.conversations().search(body).send().await?;
            let count = list.conversations.as_ref().map_or(0, Vec::len);
            Output::new(
                &list,
                page_summary("matching conversations", count, list.total_count),
            )
        }
        "reply_conversation" | "create_conversation_note" => {
            let id: String = input.require("conversationId")?;
            let mut constants = json!({"type": "admin"});
            if name == "create_conversation_note" {
                constants["message_type"] = json!("note");
            }
            if input.values().get("admin_id").is_none() {
                constants["admin_id"] = json!(default_admin(client).await?);
            }
            let body: AdminReplyConversationRequest = input.body(constants)?;
            let body = ReplyConversationRequest::AdminReplyConversationRequest(body);
            let conversation = client.conversations().reply(&id, body).send().await?;
            let what = if name == "reply_conversation" {
                "Replied to"
            } else {
                "Added a note to"
            };
            done(&conversation, what)
        }
        "close_conversation" => {
            let id: String = input.require("conversationId")?;
            let body: CloseConversationRequest = input.body(manage("close"))?;
            let body = ManageConversationRequest::CloseConversationRequest(body);
            let conversation = client.conversations().manage(&id, body).send().await?;
            done(&conversation, "Closed")
        }
        "open_conversation" => {
            let id: String = input.require("conversationId")?;
            let body: OpenConversationRequest = input.body(manage("open"))?;
            let body = ManageConversationRequest::OpenConversationRequest(body);
            let conversation = client.conversations().manage(&id, body).send().await?;
            done(&conversation, "Opened")
        }
        "snooze_conversation" => {
            let id: String = input.require("conversationId")?;
            let body: SnoozeConversationRequest = input.body(manage("snoozed"))?;
            let body = ManageConversationRequest::SnoozeConversationRequest(body);
            let conversation = client.conversations().manage(&id, body).send().await?;
            done(&conversation, "Snoozed")
        }
        "assign_conversation" => {
            let id: String = input.require("conversationId")?;
            let body: AssignConversationRequest = input.body(manage("assignment"))?;
            let body = ManageConversationRequest::AssignConversationRequest(body);
            let conversation = client.conversations().manage(&id, body).send().await?;
            done(&conversation, "Assigned")
        }
        _ => Err(Failure::unknown_tool(name)),
    }
}

/// The constant part of a `POST /conversations/{id}/parts` body.
fn manage(message_type: &str) -> serde_json::Value {
    json!({"message_type": message_type, "type": "admin"})
}

/// The admin the access token belongs to (`GET /me`), for a reply without `admin_id`.
async fn default_admin(client: &Client) -> Result<String, Failure> {
    let me = client.admins().identify().send().await?;
    Ok(me.id)
}

/// `"<what> conversation 123 (state: open)."`
fn done(conversation: &Conversation, what: &str) -> Result<Output, Failure> {
    Output::new(
        conversation,
        format!(
            "{what} conversation {} (state: {}).",
            conversation.id,
            conversation.state.as_str()
        ),
    )
}
