//! The `intercom-mcp` binary driven by the Python MCP reference client (`mcp` from PyPI,
//! installed into `.cache/mcp-client` by `intercom-mcp/tests/mcp/install-client.sh`) against a
//! local mock of the Intercom API: the tools it lists (seed 003's 31 with the seed's required
//! parameters), the exact requests the mock receives for contact creation with `company_id`, a
//! sorted conversation search, a reply, a close and tagging, the structured results (the typed
//! models serialized back), tool errors for a 404 and a 429, and arguments refused before any
//! request.

mod common;

use std::collections::BTreeSet;

use intercom_api::models::{Contact, Conversation, ConversationList, Tag};
use intercom_api::runtime::{Bytes, Response, StatusCode};
use serde_json::{json, Value};
use wiremock::matchers::{method, path};
use wiremock::{Mock, MockServer, ResponseTemplate};

const CONTACT: &str = r#"{"type":"contact","id":"6657","workspace_id":"ecahpwf5","role":"user","email":"ada@example.com","name":"Ada Lovelace","custom_attributes":{"plan":"pro"},"created_at":1717000000,"updated_at":1717000001}"#;
const COMPANY: &str = r#"{"type":"company","id":"co-1","company_id":"acme","name":"Acme","app_id":"ecahpwf5","created_at":1717000000,"updated_at":1717000000,"user_count":1}"#;
const CONVERSATIONS: &str = r#"{"type":"conversation.list","conversations":[{"type":"conversation","id":"123","state":"open","open":true,"read":false,"created_at":1717000000,"updated_at":1717000500}],"total_count":1,"pages":{"type":"pages","page":1,"per_page":5,"total_pages":1}}"#;
const REPLIED: &str = r#"{"type":"conversation","id":"123","state":"open","open":true,"read":true,"created_at":1717000000,"updated_at":1717000600}"#;
const CLOSED: &str = r#"{"type":"conversation","id":"123","state":"closed","open":false,"read":true,"created_at":1717000000,"updated_at":1717000700}"#;
const TAG: &str = r#"{"type":"tag","id":"7","name":"VIP"}"#;
const NOT_FOUND: &str = r#"{"type":"error.list","request_id":"req-404","errors":[{"code":"not_found","message":"User Not Found"}]}"#;
const RATE_LIMITED: &str = r#"{"type":"error.list","request_id":"req-429","errors":[{"code":"rate_limit_exceeded","message":"Exceeded rate limit of 1000 in 60_seconds"}]}"#;

/// Seed 003's tools: the tool name here, then every parameter of the seed's table with its
/// required flag.
const SEED_TOOLS: &[(&str, &[(&str, bool)])] = &[
    (
        "create_contact",
        &[
            ("role", false),
            ("email", false),
            ("external_id", false),
            ("phone", false),
            ("name", false),
            ("avatar", false),
            ("signed_up_at", false),
            ("last_seen_at", false),
            ("owner_id", false),
            ("unsubscribed_from_emails", false),
            ("custom_attributes", false),
            ("company_id", false),
        ],
    ),
    ("get_contact", &[("contactId", true)]),
    (
        "update_contact",
        &[
            ("contactId", true),
            ("role", false),
            ("external_id", false),
            ("email", false),
            ("phone", false),
            ("name", false),
            ("avatar", false),
            ("signed_up_at", false),
            ("last_seen_at", false),
            ("owner_id", false),
            ("unsubscribed_from_emails", false),
            ("custom_attributes", false),
            ("company_id", false),
        ],
    ),
    (
        "list_contacts",
        &[("per_page", false), ("starting_after", false)],
    ),
    (
        "search_contacts",
        &[
            ("query", true),
            ("per_page", false),
            ("starting_after", false),
            ("sort_field", false),
            ("sort_order", false),
        ],
    ),
    ("delete_contact", &[("contactId", true)]),
    (
        "create_or_update_company",
        &[
            ("company_id", true),
            ("name", false),
            ("website", false),
            ("plan", false),
            ("size", false),
            ("industry", false),
            ("monthly_spend", false),
            ("custom_attributes", false),
            ("remote_created_at", false),
        ],
    ),
    ("get_company", &[("companyId", true)]),
    (
        "list_companies",
        &[
            ("per_page", false),
            ("page", false),
            ("starting_after", false),
        ],
    ),
    (
        "get_conversation",
        &[
            ("conversationId", true),
            ("display_as", false),
            ("include_translations", false),
        ],
    ),
    (
        "list_conversations",
        &[
            ("per_page", false),
            ("starting_after", false),
            ("sort", false),
            ("order", false),
        ],
    ),
    (
        "reply_conversation",
        &[
            ("conversationId", true),
            ("message_type", true),
            ("body", true),
            ("admin_id", false),
            ("attachment_urls", false),
            ("created_at", false),
        ],
    ),
    (
        "search_conversations",
        &[
            ("query", true),
            ("per_page", false),
            ("starting_after", false),
            ("sort_field", false),
            ("sort_order", false),
        ],
    ),
    (
        "create_ticket",
        &[
            ("ticket_type_id", true),
            ("contacts", true),
            ("ticket_attributes", true),
            ("company_id", false),
            ("created_at", false),
            ("conversation_to_link_id", false),
            ("disable_notifications", false),
        ],
    ),
    ("get_ticket", &[("ticketId", true)]),
    (
        "update_ticket",
        &[
            ("ticketId", true),
            ("ticket_attributes", false),
            ("open", false),
            ("is_shared", false),
            ("snoozed_until", false),
            ("admin_id", false),
            ("assignee_id", false),
        ],
    ),
    (
        "create_message",
        &[
            ("message_type", true),
            ("template", true),
            ("subject", false),
            ("body", true),
            ("from_type", true),
            ("from_id", true),
            ("to_type", true),
            ("to_id", true),
            ("created_at", false),
        ],
    ),
    ("list_admins", &[]),
    (
        "close_conversation",
        &[
            ("conversationId", true),
            ("admin_id", true),
            ("body", false),
        ],
    ),
    (
        "open_conversation",
        &[("conversationId", true), ("admin_id", true)],
    ),
    (
        "snooze_conversation",
        &[
            ("conversationId", true),
            ("admin_id", true),
            ("snoozed_until", true),
        ],
    ),
    (
        "assign_conversation",
        &[
            ("conversationId", true),
            ("admin_id", true),
            ("assignee_id", true),
            ("body", false),
        ],
    ),
    ("list_tags", &[]),
    ("create_tag", &[("name", true), ("id", false)]),
    ("tag_contact", &[("contactId", true), ("tagId", true)]),
    ("untag_contact", &[("contactId", true), ("tagId", true)]),
    (
        "tag_conversation",
        &[
            ("conversationId", true),
            ("tagId", true),
            ("admin_id", true),
        ],
    ),
    (
        "create_contact_note",
        &[("contactId", true), ("body", true), ("admin_id", false)],
    ),
    (
        "track_event",
        &[
            ("event_name", true),
            ("created_at", false),
            ("user_id", false),
            ("email", false),
            ("id", false),
            ("metadata", false),
        ],
    ),
    (
        "attach_contact_to_company",
        &[("contactId", true), ("companyId", true)],
    ),
    (
        "detach_contact_from_company",
        &[("contactId", true), ("companyId", true)],
    ),
];

/// Optional seed parameters the API has no counterpart for (README, "MCP server").
const NOT_IN_THE_API: &[(&str, &str)] = &[
    ("list_companies", "starting_after"),
    ("list_conversations", "sort"),
    ("list_conversations", "order"),
];

/// Seed 004's workflows that seed 003 lacks, and the tag removal from a conversation.
const MORE_TOOLS: &[&str] = &[
    "create_conversation_note",
    "create_tracker_ticket",
    "list_articles",
    "get_article",
    "create_article",
    "update_article",
    "list_collections",
    "untag_conversation",
];

async fn mount(server: &MockServer, verb: &str, at: &str, status: u16, body: &str) {
    let mut response =
        ResponseTemplate::new(status).set_body_raw(body.to_string(), "application/json");
    if status == 429 {
        response = response.insert_header("Retry-After", "30");
    }
    Mock::given(method(verb))
        .and(path(at))
        .respond_with(response)
        .mount(server)
        .await;
}

/// Runs the Python client on the binary (with `args`) with `calls`; its report.
async fn drive(server: &MockServer, args: &[&str], calls: Value) -> Value {
    let mut command = common::driver();
    command
        .arg(env!("CARGO_BIN_EXE_intercom-mcp"))
        .args(args)
        .env("INTERCOM_ACCESS_TOKEN", "test-token")
        .env("INTERCOM_BASE_URL", server.uri())
        .env("INTERCOM_MAX_RETRIES", "0");
    common::run_client(command, calls).await
}

/// The typed model's JSON for a body the mock answered, decoded as the client decodes answers:
/// what the tool must return.
fn typed<T: serde::de::DeserializeOwned + serde::Serialize>(body: &str) -> Value {
    let response = Response::new(
        StatusCode::OK,
        Default::default(),
        Bytes::from(body.to_string()),
    );
    let model: T = response.json().expect("fixture decodes");
    serde_json::to_value(model).expect("model serializes")
}

#[tokio::test(flavor = "multi_thread")]
async fn the_reference_client_lists_the_tools_and_calls_them_against_a_mock() {
    let server = MockServer::start().await;
    mount(&server, "POST", "/contacts", 200, CONTACT).await;
    mount(&server, "POST", "/contacts/6657/companies", 200, COMPANY).await;
    mount(&server, "POST", "/conversations/search", 200, CONVERSATIONS).await;
    mount(&server, "POST", "/conversations/123/reply", 200, REPLIED).await;
    mount(&server, "POST", "/conversations/123/parts", 200, CLOSED).await;
    mount(&server, "POST", "/conversations/123/tags", 200, TAG).await;
    mount(&server, "POST", "/contacts/6657/tags", 200, TAG).await;
    mount(&server, "GET", "/contacts/missing", 404, NOT_FOUND).await;
    mount(&server, "GET", "/tags", 429, RATE_LIMITED).await;

    let calls = json!([
        {"tool": "create_contact", "arguments": {"email": "ada@example.com", "role": "user", "custom_attributes": "{\"plan\": \"pro\"}", "company_id": "co-1"}},
        {"tool": "search_conversations", "arguments": {"query": "{\"field\": \"state\", \"operator\": \"=\", \"value\": \"open\"}", "per_page": 5, "sort_field": "updated_at", "sort_order": "descending"}},
        {"tool": "reply_conversation", "arguments": {"conversationId": "123", "message_type": "comment", "body": "Thanks, on it.", "admin_id": "991"}},
        {"tool": "close_conversation", "arguments": {"conversationId": "123", "admin_id": 991, "body": "Solved."}},
        {"tool": "tag_conversation", "arguments": {"conversationId": "123", "tagId": "7", "admin_id": "991"}},
        {"tool": "tag_contact", "arguments": {"contactId": "6657", "tagId": "7"}},
        {"tool": "get_contact", "arguments": {"contactId": "missing"}},
        {"tool": "create_contact", "arguments": {"email": "x@example.com", "custom_attributes": "{plan: pro"}},
        {"tool": "search_conversations", "arguments": {"sort_field": "updated_at"}},
        {"tool": "list_contacts", "arguments": {"per_page": "many"}},
        {"tool": "get_contact", "arguments": {"contactId": "6657", "id": "6657"}},
        {"tool": "search_contacts", "arguments": {"query": "{\"field\": \"email\", \"operator\": \"=\""}},
        {"tool": "list_tags", "arguments": {}},
    ]);
    let report = drive(&server, &[], calls).await;
    assert_eq!(report["server"], "intercom-mcp");

    check_tools(&report["tools"]);
    check_requests(&server).await;

    let results = report["results"].as_array().expect("results");
    assert_eq!(results.len(), 13);
    let ok = |i: usize| {
        let result = &results[i];
        assert_eq!(result["isError"], false, "call {i}: {result}");
        result
    };

    let created = ok(0);
    assert_eq!(created["structuredContent"], typed::<Contact>(CONTACT));
    assert_eq!(created["structuredContent"]["id"], "6657");
    assert_eq!(
        created["structuredContent"]["custom_attributes"],
        json!({"plan": "pro"})
    );
    let summary = created["content"][0]["text"].as_str().expect("summary");
    assert!(
        summary.contains("6657") && summary.contains("co-1"),
        "{summary}"
    );
    let text: Value =
        serde_json::from_str(created["content"][1]["text"].as_str().expect("json text"))
            .expect("the second text block is the JSON");
    assert_eq!(text, created["structuredContent"]);

    let found = ok(1);
    assert_eq!(
        found["structuredContent"],
        typed::<ConversationList>(CONVERSATIONS)
    );
    assert_eq!(found["structuredContent"]["conversations"][0]["id"], "123");
    assert_eq!(ok(2)["structuredContent"], typed::<Conversation>(REPLIED));
    let closed = ok(3);
    assert_eq!(closed["structuredContent"], typed::<Conversation>(CLOSED));
    assert_eq!(closed["structuredContent"]["state"], "closed");
    assert_eq!(ok(4)["structuredContent"], typed::<Tag>(TAG));
    assert_eq!(ok(5)["structuredContent"], typed::<Tag>(TAG));

    let not_found = &results[6];
    assert_eq!(not_found["isError"], true);
    let facts = &not_found["structuredContent"];
    assert_eq!(facts["error"], "api_error");
    assert_eq!(facts["status"], 404);
    assert_eq!(facts["request_id"], "req-404");
    assert_eq!(
        facts["errors"],
        json!([{"code": "not_found", "message": "User Not Found", "field": null}])
    );
    assert!(
        facts["advice"]
            .as_str()
            .is_some_and(|a| a.contains("verify the ID")),
        "{facts}"
    );
    let text = not_found["content"][0]["text"].as_str().expect("text");
    assert!(
        text.contains("404") && text.contains("not_found") && text.contains("verify the ID"),
        "{text}"
    );

    for (i, parameter, words) in [
        (7, "custom_attributes", "not valid JSON"),
        (8, "query", "required"),
        (9, "per_page", "expected integer"),
        (10, "id", "unknown parameter"),
        (11, "query", "not valid JSON"),
    ] {
        let refused = &results[i];
        assert_eq!(refused["isError"], true, "call {i}");
        let facts = &refused["structuredContent"];
        assert_eq!(facts["error"], "invalid_arguments", "call {i}: {facts}");
        assert_eq!(facts["parameter"], parameter, "call {i}");
        assert!(
            facts["message"].as_str().is_some_and(|m| m.contains(words)),
            "call {i}: {facts}"
        );
        let text = refused["content"][0]["text"].as_str().expect("text");
        assert!(text.contains(&format!("`{parameter}`")), "{text}");
    }

    let limited = &results[12];
    assert_eq!(limited["isError"], true);
    let facts = &limited["structuredContent"];
    assert_eq!(facts["status"], 429);
    assert_eq!(facts["request_id"], "req-429");
    assert_eq!(facts["errors"][0]["code"], "rate_limit_exceeded");
    assert_eq!(facts["retry_after_seconds"], 30);
    let advice = facts["advice"].as_str().expect("advice");
    assert!(
        advice.contains("wait and retry") && advice.contains("30 s"),
        "{advice}"
    );
}

/// Seed 003's 31 tools, each with exactly the seed's required parameters and every other
/// parameter of its table (but those the API lacks), then the extra tools; schemas from the
/// spec where the seed says nothing.
fn check_tools(tools: &Value) {
    let tools = tools.as_array().expect("tools");
    let find = |name: &str| {
        tools
            .iter()
            .find(|t| t["name"] == name)
            .unwrap_or_else(|| panic!("tool {name} is not listed"))
    };
    assert_eq!(SEED_TOOLS.len(), 31);
    for (name, params) in SEED_TOOLS {
        let schema = &find(name)["inputSchema"];
        let required: BTreeSet<&str> = schema["required"]
            .as_array()
            .expect("required list")
            .iter()
            .filter_map(Value::as_str)
            .collect();
        let seed_required: BTreeSet<&str> =
            params.iter().filter(|(_, r)| *r).map(|(p, _)| *p).collect();
        assert_eq!(required, seed_required, "required parameters of {name}");
        for (param, _) in *params {
            let missing = schema["properties"].get(*param).is_none();
            let excused = NOT_IN_THE_API.contains(&(*name, *param));
            assert_eq!(missing, excused, "{name}.{param}: listed {}", !missing);
        }
    }
    for name in MORE_TOOLS {
        find(name);
    }
    assert_eq!(tools.len(), SEED_TOOLS.len() + MORE_TOOLS.len());

    let create = &find("create_contact")["inputSchema"]["properties"];
    assert_eq!(
        create["owner_id"]["type"],
        json!(["string", "null"]),
        "spec type (2.16 declares it a string)"
    );
    assert_eq!(
        create["external_id"]["description"],
        "A unique identifier for the contact which is given to Intercom",
        "spec description where the seed has none"
    );
    assert_eq!(
        create["custom_attributes"]["type"], "string",
        "seed: JSON text"
    );
    assert_eq!(
        create["custom_attributes"]["contentMediaType"],
        "application/json"
    );
    let search = &find("search_conversations")["inputSchema"]["properties"];
    assert_eq!(
        search["sort_order"]["enum"],
        json!(["ascending", "descending"])
    );
    assert!(
        search["query"]["contentSchema"]["anyOf"].is_array(),
        "the query's generated schema"
    );
    let message = &find("create_message")["inputSchema"]["properties"];
    assert_eq!(
        message["message_type"]["enum"],
        json!(["in_app", "email", "whatsapp"])
    );
    assert_eq!(find("list_tags")["annotations"]["readOnlyHint"], true);
}

/// Exactly these requests, in this order, with these bodies: nothing for refused arguments.
async fn check_requests(server: &MockServer) {
    let received = server.received_requests().await.expect("recorded requests");
    for request in &received {
        assert_eq!(
            request
                .headers
                .get("authorization")
                .and_then(|v| v.to_str().ok()),
            Some("Bearer test-token")
        );
        assert_eq!(
            request
                .headers
                .get("intercom-version")
                .and_then(|v| v.to_str().ok()),
            Some(intercom_api::API_VERSION)
        );
    }
    let seen: Vec<(String, String, Value)> = received
        .iter()
        .map(|r| {
            let body = if r.body.is_empty() {
                Value::Null
            } else {
                serde_json::from_slice(&r.body).expect("JSON body")
            };
            (r.method.to_string(), r.url.path().to_string(), body)
        })
        .collect();
    let expected = [
        (
            "POST",
            "/contacts",
            json!({"email": "ada@example.com", "role": "user", "custom_attributes": {"plan": "pro"}}),
        ),
        ("POST", "/contacts/6657/companies", json!({"id": "co-1"})),
        (
            "POST",
            "/conversations/search",
            json!({"query": {"field": "state", "operator": "=", "value": "open"}, "pagination": {"per_page": 5}, "sort": {"field": "updated_at", "order": "descending"}}),
        ),
        (
            "POST",
            "/conversations/123/reply",
            json!({"message_type": "comment", "type": "admin", "admin_id": "991", "body": "Thanks, on it."}),
        ),
        (
            "POST",
            "/conversations/123/parts",
            json!({"message_type": "close", "type": "admin", "admin_id": "991", "body": "Solved."}),
        ),
        (
            "POST",
            "/conversations/123/tags",
            json!({"id": "7", "admin_id": "991"}),
        ),
        ("POST", "/contacts/6657/tags", json!({"id": "7"})),
        ("GET", "/contacts/missing", Value::Null),
        ("GET", "/tags", Value::Null),
    ];
    let expected: Vec<(String, String, Value)> = expected
        .into_iter()
        .map(|(m, p, b)| (m.to_string(), p.to_string(), b))
        .collect();
    assert_eq!(seen, expected);
}

#[tokio::test(flavor = "multi_thread")]
async fn all_operations_are_tools_generated_from_the_spec() {
    const TEAM: &str = r#"{"type":"team","id":"814","name":"Support","admin_ids":[991]}"#;
    let server = MockServer::start().await;
    mount(&server, "GET", "/teams/814", 200, TEAM).await;
    mount(&server, "PUT", "/admins/991/away", 200, r#"{"type":"admin","id":"991","name":"Ada","email":"ada@example.com","away_mode_enabled":true,"away_mode_reassign":false}"#).await;
    let calls = json!([
        {"tool": "teams_find", "arguments": {"team_id": "814"}},
        {"tool": "admins_away", "arguments": {"admin_id": 991, "body": {"away_mode_enabled": true, "away_mode_reassign": false}}},
        {"tool": "admins_away", "arguments": {"admin_id": "991", "body": {"away_mode_enabled": "yes"}}},
        {"tool": "admins_away", "arguments": {"admin_id": "991"}},
    ]);
    let report = drive(&server, &["--all-operations"], calls).await;
    let tools = report["tools"].as_array().expect("tools");
    assert!(tools.len() > 140, "{} tools", tools.len());
    let away = tools
        .iter()
        .find(|t| t["name"] == "admins_away")
        .expect("admins_away");
    assert_eq!(away["inputSchema"]["required"], json!(["admin_id", "body"]));
    assert_eq!(
        away["inputSchema"]["properties"]["body"]["title"],
        "SetAwayAdminRequest"
    );
    assert_eq!(
        away["inputSchema"]["properties"]["body"]["properties"]["away_mode_enabled"]["type"],
        "boolean"
    );

    let results = report["results"].as_array().expect("results");
    assert_eq!(results[0]["isError"], false, "{}", results[0]);
    assert_eq!(results[0]["structuredContent"]["name"], "Support");
    assert_eq!(results[0]["structuredContent"]["admin_ids"], json!([991]));
    assert_eq!(results[1]["isError"], false, "{}", results[1]);
    assert_eq!(results[1]["structuredContent"]["away_mode_enabled"], true);
    let refused = &results[2]["structuredContent"];
    assert_eq!(refused["error"], "invalid_arguments", "{refused}");
    assert!(
        refused["message"]
            .as_str()
            .is_some_and(|m| m.contains("away_mode_enabled")),
        "{refused}"
    );
    assert_eq!(results[3]["structuredContent"]["parameter"], "body");

    let received = server.received_requests().await.expect("recorded requests");
    let seen: Vec<(String, String, Vec<u8>)> = received
        .iter()
        .map(|r| {
            (
                r.method.to_string(),
                r.url.path().to_string(),
                r.body.clone(),
            )
        })
        .collect();
    assert_eq!(seen.len(), 2, "{seen:?}");
    assert_eq!(
        (seen[0].0.as_str(), seen[0].1.as_str()),
        ("GET", "/teams/814")
    );
    assert_eq!(
        (seen[1].0.as_str(), seen[1].1.as_str()),
        ("PUT", "/admins/991/away")
    );
    let body: Value = serde_json::from_slice(&seen[1].2).expect("JSON body");
    assert_eq!(
        body,
        json!({"away_mode_enabled": true, "away_mode_reassign": false})
    );
}
