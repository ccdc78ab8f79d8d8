//! Tags: list, create or rename, and tagging or untagging a contact or a conversation. Every
//! call into the client for these tools is in `call`.

use intercom_api::models::{
    AttachTagToContactRequest, AttachTagToConversationRequest, CreateOrUpdateTagRequest,
    CreateTagRequest, DetachTagFromConversationRequest, Tag,
};
use intercom_api::Client;
use serde_json::json;

use crate::failure::Failure;
use crate::input::Input;
use crate::output::Output;
use crate::tool::{Param, Tool};

const CONTACT: Param = Param::path("contactId", "contact_id");
const CONVERSATION: Param = Param::path("conversationId", "conversation_id");

/// The tools.
pub const TOOLS: &[Tool] = &[
    Tool {
        name: "list_tags",
        description: "Fetch a list of all tags in the workspace",
        operation: "listTags",
        variant: None,
        params: &[],
        read_only: true,
    },
    Tool {
        name: "create_tag",
        description: "Create a new tag or update an existing tag name",
        operation: "createTag",
        variant: Some("CreateOrUpdateTagRequest"),
        params: &[
            Param::body("name", &["name"]).required().describe(
                "The name of the tag. Will create a new tag if not found, or update the name if id is provided.",
            ),
            Param::body("id", &["id"]),
        ],
        read_only: false,
    },
    Tool {
        name: "tag_contact",
        description: "Add a tag to a specific contact",
        operation: "attachTagToContact",
        variant: None,
        params: &[CONTACT, Param::body("tagId", &["id"]).required()],
        read_only: false,
    },
    Tool {
        name: "untag_contact",
        description: "Remove a tag from a specific contact",
        operation: "detachTagFromContact",
        variant: None,
        params: &[CONTACT, Param::path("tagId", "tag_id")],
        read_only: false,
    },
    Tool {
        name: "tag_conversation",
        description: "Add a tag to a specific conversation",
        operation: "attachTagToConversation",
        variant: None,
        params: &[
            CONVERSATION,
            Param::body("tagId", &["id"]).required(),
            Param::body("admin_id", &["admin_id"]).required(),
        ],
        read_only: false,
    },
    Tool {
        name: "untag_conversation",
        description: "Remove a tag from a specific conversation",
        operation: "detachTagFromConversation",
        variant: None,
        params: &[
            CONVERSATION,
            Param::path("tagId", "tag_id"),
            Param::body("admin_id", &["admin_id"]).required(),
        ],
        read_only: false,
    },
];

/// Runs tool `name`.
pub async fn call(client: &Client, name: &str, input: Input) -> Result<Output, Failure> {
    match name {
        "list_tags" => {
            let list = client.tags().list().send().await?;
            let count = list.data.as_ref().map_or(0, Vec::len);
            Output::new(&list, format!("{count} tags."))
        }
        "create_tag" => {
            let body: CreateOrUpdateTagRequest = input.body(json!({}))?;
            let body = CreateTagRequest::CreateOrUpdateTagRequest(body);
            let tag = client.tags().create(body).send().await?;
            let name = tag.name.as_deref().unwrap_or("");
            Output::new(&tag, format!("Saved tag {} ({name}).", tag.id))
        }
        "tag_contact" => {
            let contact: String = input.require("contactId")?;
            let body: AttachTagToContactRequest = input.body(json!({}))?;
            let tag = client.tags().tag_contact(&contact, body).send().await?;
            done(&tag, Action::Tag, &format!("contact {contact}"))
        }
        "untag_contact" => {
            let contact: String = input.require("contactId")?;
            let tag_id: String = input.require("tagId")?;
            let tag = client
                .tags()
                .untag_contact(&contact, &tag_id)
                .send()
                .await?;
            done(&tag, Action::Untag, &format!("contact {contact}"))
        }
        "tag_conversation" => {
            let conversation: String = input.require("conversationId")?;
            let body: AttachTagToConversationRequest = input.body(json!({}))?;
            let tag = client
                .tags()
                .tag_conversation(&conversation, body)
                .send()
                .await?;
            done(&tag, Action::Tag, &format!("conversation {conversation}"))
        }
        "untag_conversation" => {
            let conversation: String = input.require("conversationId")?;
            let tag_id: String = input.require("tagId")?;
            let body: DetachTagFromConversationRequest = input.body(json!({}))?;
            let tag = client
                .tags()
                .untag_conversation(&conversation, &tag_id, body)
                .send()
                .await?;
            done(&tag, Action::Untag, &format!("conversation {conversation}"))
        }
        _ => Err(Failure::unknown_tool(name)),
    }
}

/// `"Tagged contact 1 with tag 7 (VIP)."`, `"Removed tag 7 (VIP) from contact 1."`
fn done(tag: &Tag, action: Action, target: &str) -> Result<Output, Failure> {
    let summary = match action {
        Action::Tag => format!("Tagged {target} with tag {} ({}).", tag.id, tag.name),
        Action::Untag => format!("Removed tag {} ({}) from {target}.", tag.id, tag.name),
    };
    Output::new(tag, summary)
}

#[derive(Clone, Copy)]
enum Action {
    Tag,
    Untag,
}
