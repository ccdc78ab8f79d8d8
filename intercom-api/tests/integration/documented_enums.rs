//! Strings whose allowed values the API lists only in prose are enums (the override layer's
//! "Closed sets the API documents in prose"): documented values decode into named variants, a
//! value the list does not name into `Unknown` with the value kept, both go back out as sent,
//! and every value the pinned spec's own examples use is a named variant.

use intercom_api::models::{
    ActivityLog, ActivityLogMetadataNewState, ActivityLogMetadataPreviousState, Contact,
    ContactRole, Conversation, ConversationPartAuthorType, ConversationPartPartType,
    ConversationSourceDeliveredAs, CreateContactRequest, CreateContactRequestRole,
    SearchArticlesState, TicketPart, TicketPartPartType, TicketTypeAttribute,
    TicketTypeAttributeDataType, UpdateArticleRequest, UpdateArticleRequestParentType,
};
use intercom_api::runtime::{Bytes, Response, StatusCode};
use serde::de::DeserializeOwned;
use serde_json::{json, Value};

/// Decodes `json` as the client does with strict decoding: any value left out is an error.
fn strict<T: DeserializeOwned>(json: &Value) -> T {
    let text = json.to_string();
    let mut response = Response::new(
        StatusCode::OK,
        Default::default(),
        Bytes::copy_from_slice(text.as_bytes()),
    );
    response.strict = true;
    response.json().unwrap_or_else(|e| panic!("{e}\n{text}"))
}

fn conversation(part_type: &str, author_type: &str, delivered_as: &str) -> Value {
    json!({
        "type": "conversation", "id": "1295", "created_at": 1663597223, "updated_at": 1663597260,
        "open": true, "state": "open", "read": true, "custom_attributes": {},
        "source": {"type": "conversation", "id": "403918316", "delivered_as": delivered_as,
            "subject": "", "body": "<p>Hi</p>", "redacted": false,
            "author": {"type": author_type, "id": "274"}},
        "contacts": {"type": "contact.list", "contacts": []},
        "teammates": {"type": "admin.list", "teammates": []},
        "conversation_parts": {"type": "conversation_part.list", "total_count": 1,
            "conversation_parts": [{"type": "conversation_part", "id": "3",
                "part_type": part_type, "body": "<p>Okay!</p>", "created_at": 1663597223,
                "updated_at": 1663597260,
                "notified_at": 1663597260, "redacted": false,
                "author": {"type": author_type, "id": "274"}}]}
    })
}

#[test]
fn documented_conversation_values_decode_into_named_variants() {
    let decoded: Conversation = strict(&conversation("away_mode_assignment", "bot", "automated"));
    assert_eq!(
        decoded.source.delivered_as,
        ConversationSourceDeliveredAs::Automated
    );
    // Since 2.16 the source's author is a `conversation_source_author`, whose type is free text.
    assert_eq!(decoded.source.author.r#type.as_deref(), Some("bot"));
    let parts = decoded.conversation_parts.expect("parts");
    let part = &parts.conversation_parts.expect("part list")[0];
    assert_eq!(part.part_type, ConversationPartPartType::AwayModeAssignment);
    assert_eq!(part.author.r#type, ConversationPartAuthorType::Bot);

    let ticket_part: TicketPart = strict(&json!({
        "type": "ticket_part", "id": "4", "part_type": "ticket_state_updated_by_admin",
        "created_at": 1663597223, "updated_at": 1663597260, "redacted": false,
        "author": {"type": "admin", "id": "274"}
    }));
    assert_eq!(
        ticket_part.part_type,
        TicketPartPartType::TicketStateUpdatedByAdmin
    );
}

#[test]
fn documented_values_of_other_resources_decode_into_named_variants() {
    let contact: Contact = strict(&json!({
        "type": "contact", "id": "6762f0ab1bb69f9f2193bb60", "workspace_id": "ws",
        "role": "lead", "has_hard_bounced": false, "marked_email_as_spam": false,
        "unsubscribed_from_emails": false, "created_at": 1734537387, "updated_at": 1734537388
    }));
    assert_eq!(contact.role, ContactRole::Lead);

    // 2.16 drops `parent_type` from the article list item; the update request keeps it.
    let article: UpdateArticleRequest =
        strict(&json!({"title": "T", "parent_id": "18", "parent_type": "section"}));
    assert_eq!(
        article.parent_type,
        Some(UpdateArticleRequestParentType::Section)
    );

    let log: ActivityLog = strict(&json!({
        "id": "1", "activity_type": "admin_away_mode_change",
        "metadata": {"previous_state": null, "new_state": "occupied"}
    }));
    let metadata = log.metadata.expect("metadata");
    assert_eq!(metadata.previous_state, None);
    assert_eq!(
        metadata.new_state,
        Some(ActivityLogMetadataNewState::Occupied)
    );
    assert_ne!(
        ActivityLogMetadataPreviousState::from("idle"),
        ActivityLogMetadataPreviousState::Unknown("idle".into())
    );

    let attribute: TicketTypeAttribute = strict(&json!({
        "type": "ticket_type_attribute", "id": "7", "data_type": "files"
    }));
    assert_eq!(
        attribute.data_type,
        Some(TicketTypeAttributeDataType::Files)
    );
}

#[test]
fn an_undocumented_value_is_kept_as_unknown_and_sent_back_unchanged() {
    let decoded: Conversation =
        strict(&conversation("fin_answer", "workflow", "by_carrier_pigeon"));
    assert_eq!(
        decoded.source.delivered_as,
        ConversationSourceDeliveredAs::Unknown("by_carrier_pigeon".into())
    );
    assert_eq!(decoded.source.author.r#type.as_deref(), Some("workflow"));
    let parts = decoded.conversation_parts.expect("parts");
    let part = &parts.conversation_parts.expect("part list")[0];
    assert_eq!(
        part.part_type,
        ConversationPartPartType::Unknown("fin_answer".into())
    );
    assert_eq!(
        part.author.r#type,
        ConversationPartAuthorType::Unknown("workflow".into())
    );
    assert_eq!(part.part_type.as_str(), "fin_answer");
    assert_eq!(
        serde_json::to_value(&part.part_type).expect("serialize"),
        json!("fin_answer")
    );
}

#[test]
fn request_enums_send_their_wire_values() {
    let body = CreateContactRequest::new().role(CreateContactRequestRole::Lead);
    let sent = serde_json::to_value(&body).expect("serialize");
    assert_eq!(sent["role"], json!("lead"));
    let from_text = CreateContactRequest::new().role("user");
    assert_eq!(from_text.role, Some(CreateContactRequestRole::User));
    assert_eq!(SearchArticlesState::All.as_str(), "all");
    assert_eq!(
        "archived".parse::<SearchArticlesState>(),
        Ok(SearchArticlesState::Unknown("archived".into()))
    );
}

/// One value of a documented-enum field found in a spec example.
struct Seen {
    field: &'static str,
    value: String,
    named: bool,
}

/// Checks the fields this file covers wherever they appear in `value` (an example).
fn visit(value: &Value, seen: &mut Vec<Seen>) {
    match value {
        Value::Array(items) => items.iter().for_each(|item| visit(item, seen)),
        Value::Object(map) => {
            let kind = map.get("type").and_then(Value::as_str).unwrap_or_default();
            let text = |key: &str| map.get(key).and_then(Value::as_str).map(str::to_string);
            let mut check =
                |field: &'static str, value: Option<String>, named: fn(&str) -> bool| {
                    if let Some(value) = value {
                        let named = named(&value);
                        seen.push(Seen {
                            field,
                            value,
                            named,
                        });
                    }
                };
            if kind == "conversation_part" {
                check("conversation_part.part_type", text("part_type"), |v| {
                    !matches!(
                        ConversationPartPartType::from(v),
                        ConversationPartPartType::Unknown(_)
                    )
                });
            }
            if kind == "ticket_part" {
                check("ticket_part.part_type", text("part_type"), |v| {
                    !matches!(TicketPartPartType::from(v), TicketPartPartType::Unknown(_))
                });
            }
            if kind == "contact" {
                check("contact.role", text("role"), |v| {
                    !matches!(ContactRole::from(v), ContactRole::Unknown(_))
                });
            }
            if kind == "ticket_type_attribute" {
                check("ticket_type_attribute.data_type", text("data_type"), |v| {
                    !matches!(
                        TicketTypeAttributeDataType::from(v),
                        TicketTypeAttributeDataType::Unknown(_)
                    )
                });
            }
            check(
                "conversation_source.delivered_as",
                text("delivered_as"),
                |v| {
                    !matches!(
                        ConversationSourceDeliveredAs::from(v),
                        ConversationSourceDeliveredAs::Unknown(_)
                    )
                },
            );
            check("activity_log_metadata.new_state", text("new_state"), |v| {
                !matches!(
                    ActivityLogMetadataNewState::from(v),
                    ActivityLogMetadataNewState::Unknown(_)
                )
            });
            check(
                "activity_log_metadata.previous_state",
                text("previous_state"),
                |v| {
                    !matches!(
                        ActivityLogMetadataPreviousState::from(v),
                        ActivityLogMetadataPreviousState::Unknown(_)
                    )
                },
            );
            if matches!(kind, "conversation_part" | "conversation") {
                let author = map.get("author").and_then(|a| a.get("type"));
                check(
                    "conversation_part_author.type",
                    author.and_then(Value::as_str).map(str::to_string),
                    |v| {
                        !matches!(
                            ConversationPartAuthorType::from(v),
                            ConversationPartAuthorType::Unknown(_)
                        )
                    },
                );
            }
            map.values().for_each(|inner| visit(inner, seen));
        }
        _ => {}
    }
}

#[test]
fn the_spec_examples_use_only_named_variants() {
    let options = codegen::testing::options(intercom_api::API_VERSION);
    let doc = codegen::load::load(&options).unwrap_or_else(|e| panic!("{e}"));
    let api = codegen::ir::build(&doc).unwrap_or_else(|e| panic!("{e}"));
    let mut seen = Vec::new();
    for op in &api.operations {
        for (_, example) in &op.response_examples {
            visit(example, &mut seen);
        }
    }
    for def in api.types.values() {
        if let Some(example) = &def.example {
            visit(example, &mut seen);
        }
    }
    let unknown: Vec<String> = seen
        .iter()
        .filter(|s| !s.named)
        .map(|s| format!("{} = {:?}", s.field, s.value))
        .collect();
    let mut fields = std::collections::BTreeMap::<&str, usize>::new();
    for s in &seen {
        *fields.entry(s.field).or_default() += 1;
    }
    println!("example values checked per documented-enum field: {fields:?}");
    assert!(unknown.is_empty(), "not a named variant: {unknown:?}");
    assert!(
        fields.len() >= 6 && seen.len() >= 50,
        "only {} values of {fields:?}: the walk no longer finds the examples",
        seen.len()
    );
}
