//! `manageConversation` (`POST /conversations/{id}/parts`) with each of its four message types
//! (close, snoozed, open, assignment): the request-body union picks its alternative by
//! `message_type`, and `type` is required only where the spec lists it (close and assign), so
//! the open and snooze bodies of the API reference are accepted. Each body is sent through the
//! generated builders, the hand-written wrappers and the JSON path (`conformance::call`), and
//! the mock checks exactly what arrives.

use crate::common;

use intercom_api::conformance::Call;
use intercom_api::models::{
    AssignConversationRequest, AssignConversationRequestType, CloseConversationRequest,
    ManageConversationRequest, OpenConversationRequest, SnoozeConversationRequest,
};
use intercom_api::{Error, Timestamp};
use serde_json::{json, Value};
use wiremock::matchers::body_json;
use wiremock::{MockServer, ResponseTemplate};

const CONVERSATION: &str = r#"{"type":"conversation","id":"123","state":"open","open":true,"read":true,"created_at":1717000000,"updated_at":1717000600}"#;
const PARTS: &str = "/conversations/123/parts";

/// The four bodies of the API reference, one per message type, as the spec allows them (open
/// and snooze without `type`).
fn reference_bodies() -> [Value; 4] {
    [
        json!({"message_type": "close", "type": "admin", "admin_id": "12345", "body": "Goodbye :)"}),
        json!({"message_type": "snoozed", "admin_id": "5017691", "snoozed_until": 1673609604}),
        json!({"message_type": "open", "admin_id": "5017690"}),
        json!({"message_type": "assignment", "type": "admin", "admin_id": "12345", "assignee_id": "4324241", "body": "Let me pass you over to one of my colleagues."}),
    ]
}

/// Mounts a mock answering `POST /conversations/123/parts` with exactly `body`, once.
async fn expect(server: &MockServer, body: &Value) {
    common::given("POST", PARTS)
        .and(body_json(body))
        .respond_with(ResponseTemplate::new(200).set_body_raw(CONVERSATION, "application/json"))
        .expect(1)
        .mount(server)
        .await;
}

/// The alternative a body decodes into, by name.
fn alternative(body: &Value) -> Result<&'static str, serde_json::Error> {
    Ok(
        match serde_json::from_value::<ManageConversationRequest>(body.clone())? {
            ManageConversationRequest::CloseConversationRequest(_) => "close",
            ManageConversationRequest::SnoozeConversationRequest(_) => "snoozed",
            ManageConversationRequest::OpenConversationRequest(_) => "open",
            ManageConversationRequest::AssignConversationRequest(_) => "assignment",
            other => panic!("an alternative this test does not know: {other:?}"),
        },
    )
}

#[test]
fn the_union_picks_its_alternative_by_message_type() {
    for body in reference_bodies() {
        let picked = alternative(&body).unwrap_or_else(|e| panic!("{body} refused: {e}"));
        assert_eq!(Some(picked), body["message_type"].as_str(), "{body}");
    }
    let open = serde_json::from_value::<ManageConversationRequest>(
        json!({"message_type": "open", "admin_id": "5017690"}),
    );
    assert!(
        matches!(&open, Ok(ManageConversationRequest::OpenConversationRequest(o)) if o.admin_id == "5017690" && o.r#type.is_none()),
        "{open:?}"
    );
    let snoozed = serde_json::from_value::<ManageConversationRequest>(
        json!({"message_type": "snoozed", "admin_id": "5017691", "snoozed_until": 1673609604}),
    );
    assert!(
        matches!(&snoozed, Ok(ManageConversationRequest::SnoozeConversationRequest(s)) if s.snoozed_until == Timestamp(1_673_609_604) && s.r#type.is_none()),
        "{snoozed:?}"
    );
    // `type: admin` is still accepted where the spec leaves it out.
    let typed = json!({"message_type": "open", "type": "admin", "admin_id": "5017690"});
    assert_eq!(alternative(&typed).ok(), Some("open"));
}

#[test]
fn what_the_spec_requires_is_still_required() {
    // Close and assign list `type` as required; an unknown or absent `message_type` matches
    // no alternative.
    for (body, missing) in [
        (json!({"message_type": "close", "admin_id": "1"}), "type"),
        (
            json!({"message_type": "assignment", "admin_id": "1", "assignee_id": "2"}),
            "type",
        ),
        (json!({"message_type": "open"}), "admin_id"),
    ] {
        let err = alternative(&body).expect_err("refused").to_string();
        assert!(err.contains(missing), "{body}: {err}");
    }
    let no_time = json!({"message_type": "snoozed", "admin_id": "1"});
    assert!(alternative(&no_time).is_err(), "{no_time} accepted");
    for body in [
        json!({"message_type": "reopen", "admin_id": "1"}),
        json!({"admin_id": "1"}),
    ] {
        let err = alternative(&body).expect_err("refused").to_string();
        assert!(err.contains("matches no alternative"), "{body}: {err}");
    }
}

#[tokio::test]
async fn the_generated_builders_send_each_message_type() {
    let server = MockServer::start().await;
    for body in reference_bodies() {
        expect(&server, &body).await;
    }
    let api = common::api(&server);
    let conversations = api.conversations();
    let requests: [ManageConversationRequest; 4] = [
        CloseConversationRequest::new("12345")
            .body("Goodbye :)")
            .into(),
        SnoozeConversationRequest::new("5017691", Timestamp(1_673_609_604)).into(),
        OpenConversationRequest::new("5017690").into(),
        AssignConversationRequest::new("12345", "4324241", AssignConversationRequestType::Admin)
            .body("Let me pass you over to one of my colleagues.")
            .into(),
    ];
    for request in requests {
        let conversation = conversations
            .manage("123", request)
            .send()
            .await
            .expect("managed");
        assert_eq!(conversation.id, "123");
    }
}

#[tokio::test]
async fn the_wrappers_send_type_admin_for_each_message_type() {
    let server = MockServer::start().await;
    for body in [
        json!({"message_type": "close", "type": "admin", "admin_id": "42"}),
        json!({"message_type": "snoozed", "type": "admin", "admin_id": "42", "snoozed_until": 1673609604}),
        json!({"message_type": "open", "type": "admin", "admin_id": "42"}),
        json!({"message_type": "assignment", "type": "admin", "admin_id": "42", "assignee_id": "7"}),
    ] {
        expect(&server, &body).await;
    }
    let api = common::api(&server);
    let conversations = api.conversations();
    conversations
        .close("123", "42", None)
        .send()
        .await
        .expect("close");
    conversations
        .snooze_until("123", "42", Timestamp(1_673_609_604))
        .send()
        .await
        .expect("snooze");
    conversations
        .reopen("123", "42")
        .send()
        .await
        .expect("open");
    conversations
        .assign_to_admin("123", "42", "7")
        .send()
        .await
        .expect("assign");
}

#[tokio::test]
async fn the_json_path_accepts_each_message_type() {
    let server = MockServer::start().await;
    for body in reference_bodies() {
        expect(&server, &body).await;
    }
    let api = common::api(&server);
    for body in reference_bodies() {
        let call = Call {
            path: vec!["123".into()],
            body: Some(body.clone()),
            ..Call::default()
        };
        let answer = intercom_api::conformance::call(&api, "manageConversation", &call)
            .await
            .expect("a known operation")
            .unwrap_or_else(|e| panic!("{body} refused: {e}"));
        assert_eq!(answer.status, 200, "{body}");
    }
}

#[tokio::test]
async fn the_json_path_refuses_a_close_without_type_before_sending() {
    let server = MockServer::start().await;
    let api = common::api(&server);
    let call = Call {
        path: vec!["123".into()],
        body: Some(json!({"message_type": "close", "admin_id": "12345"})),
        ..Call::default()
    };
    let result = intercom_api::conformance::call(&api, "manageConversation", &call)
        .await
        .expect("a known operation");
    assert!(
        matches!(&result, Err(Error::InvalidInput(m)) if m.contains("missing field `type`")),
        "{result:?}"
    );
    let received = server.received_requests().await.unwrap_or_default();
    assert!(received.is_empty(), "{} requests sent", received.len());
}
