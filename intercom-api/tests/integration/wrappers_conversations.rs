//! The conversation lifecycle wrappers send exactly the bodies of the curl recipes in the
//! seeds (seed 004), with the client's auth and version headers.

use crate::common;

use common::api as client;

use intercom_api::wrappers::{
    AssignConversationRequestType, ContactRef, ConversationPartPartType,
    CreateConversationRequestFromType,
};
use serde_json::{json, Value};
use wiremock::matchers::{body_json, header, method, path};
use wiremock::{Mock, MockServer, ResponseTemplate};

const CONVERSATION: &str = r#"{"type":"conversation","id":"12345678","state":"open","conversation_parts":{"type":"conversation_part.list","total_count":4,"conversation_parts":[
  {"type":"conversation_part","id":"1","part_type":"comment","body":"<p>Hi</p>"},
  {"type":"conversation_part","id":"2","part_type":"note","body":"<p>Internal</p>"},
  {"type":"conversation_part","id":"3","part_type":"assignment","assigned_to":{"type":"team","id":"814"}},
  {"type":"conversation_part","id":"4","part_type":"fin_answer"}]}}"#;

async fn expect(server: &MockServer, verb: &str, route: &str, body: Value) {
    Mock::given(method(verb))
        .and(path(route))
        .and(header("authorization", "Bearer token"))
        .and(header("intercom-version", "2.16"))
        .and(header("content-type", "application/json"))
        .and(body_json(body))
        .respond_with(ResponseTemplate::new(200).set_body_raw(CONVERSATION, "application/json"))
        .expect(1)
        .mount(server)
        .await;
}

#[tokio::test]
async fn reply_as_admin_is_a_comment() {
    let server = MockServer::start().await;
    expect(&server, "POST", "/conversations/12345678/reply", json!({"message_type": "comment", "type": "admin", "admin_id": "42", "body": "Your reply text here."})).await;
    client(&server)
        .conversations()
        .reply_as_admin("12345678", "42", "Your reply text here.")
        .send()
        .await
        .expect("reply");
}

#[tokio::test]
async fn note_keeps_html() {
    let server = MockServer::start().await;
    let html = "<p>Investigation notes here.</p><p>Root cause: ...</p>";
    expect(
        &server,
        "POST",
        "/conversations/12345678/reply",
        json!({"message_type": "note", "type": "admin", "admin_id": "42", "body": html}),
    )
    .await;
    client(&server)
        .conversations()
        .note("12345678", "42", html)
        .send()
        .await
        .expect("note");
}

#[tokio::test]
async fn reply_as_contact_in_each_of_the_three_ways() {
    let server = MockServer::start().await;
    for (key, value) in [
        ("intercom_user_id", "abc"),
        ("user_id", "u-1"),
        ("email", "ada@example.com"),
    ] {
        let mut body = json!({"message_type": "comment", "type": "user", "body": "Thanks!"});
        body[key] = json!(value);
        expect(&server, "POST", "/conversations/12345678/reply", body).await;
    }
    let api = client(&server);
    for contact in [
        ContactRef::IntercomUserId("abc".into()),
        ContactRef::UserId("u-1".into()),
        ContactRef::Email("ada@example.com".into()),
    ] {
        api.conversations()
            .reply_as_contact("12345678", contact, "Thanks!")
            .send()
            .await
            .expect("contact reply");
    }
}

#[tokio::test]
async fn assign_close_snooze_open() {
    let server = MockServer::start().await;
    let parts = "/conversations/12345678/parts";
    expect(&server, "POST", parts, json!({"message_type": "assignment", "type": "admin", "admin_id": "42", "assignee_id": "7", "body": "Assigning to support team for follow-up."})).await;
    expect(&server, "POST", parts, json!({"message_type": "assignment", "type": "team", "admin_id": "42", "assignee_id": "814"})).await;
    expect(&server, "POST", parts, json!({"message_type": "assignment", "type": "admin", "admin_id": "42", "assignee_id": "0"})).await;
    expect(
        &server,
        "POST",
        parts,
        json!({"message_type": "close", "type": "admin", "admin_id": "42"}),
    )
    .await;
    expect(
        &server,
        "POST",
        parts,
        json!({"message_type": "close", "type": "admin", "admin_id": "42", "body": "Solved."}),
    )
    .await;
    expect(&server, "POST", parts, json!({"message_type": "snoozed", "type": "admin", "admin_id": "42", "snoozed_until": 1700000000})).await;
    expect(
        &server,
        "POST",
        parts,
        json!({"message_type": "open", "type": "admin", "admin_id": "42"}),
    )
    .await;
    let api = client(&server);
    let convo = api.conversations();
    let id = "12345678";
    convo
        .assign_with_message(
            id,
            "42",
            "7",
            AssignConversationRequestType::Admin,
            "Assigning to support team for follow-up.",
        )
        .send()
        .await
        .expect("assign");
    convo
        .assign_to_team(id, "42", "814")
        .send()
        .await
        .expect("team");
    convo.unassign(id, "42").send().await.expect("unassign");
    convo.close(id, "42", None).send().await.expect("close");
    convo
        .close(id, "42", Some("Solved."))
        .send()
        .await
        .expect("close with message");
    convo
        .snooze_until(id, "42", intercom_api::Timestamp(1_700_000_000))
        .send()
        .await
        .expect("snooze");
    convo.reopen(id, "42").send().await.expect("open");
}

#[tokio::test]
async fn snooze_for_a_duration_is_relative_to_now() {
    let server = MockServer::start().await;
    Mock::given(method("POST"))
        .respond_with(ResponseTemplate::new(200).set_body_raw(CONVERSATION, "application/json"))
        .mount(&server)
        .await;
    let before = intercom_api::Timestamp::now().0;
    client(&server)
        .conversations()
        .snooze_for("1", "42", std::time::Duration::from_secs(3600))
        .send()
        .await
        .expect("snooze");
    let sent: Value =
        serde_json::from_slice(&server.received_requests().await.unwrap()[0].body).unwrap();
    let until = sent["snoozed_until"].as_i64().expect("integer timestamp");
    assert!((before + 3600..=before + 3602).contains(&until), "{until}");
}

#[tokio::test]
async fn tags_and_assignment_rules() {
    let server = MockServer::start().await;
    let tag = r#"{"type":"tag","id":"7522907","name":"vip"}"#;
    Mock::given(method("POST"))
        .and(path("/conversations/12345678/tags"))
        .and(body_json(json!({"id": "7522907", "admin_id": "42"})))
        .respond_with(ResponseTemplate::new(200).set_body_raw(tag, "application/json"))
        .expect(1)
        .mount(&server)
        .await;
    Mock::given(method("DELETE"))
        .and(path("/conversations/12345678/tags/7522907"))
        .and(body_json(json!({"admin_id": "42"})))
        .respond_with(ResponseTemplate::new(200).set_body_raw(tag, "application/json"))
        .expect(1)
        .mount(&server)
        .await;
    Mock::given(method("POST"))
        .and(path("/conversations/12345678/run_assignment_rules"))
        .and(header("intercom-version", "2.16"))
        .respond_with(ResponseTemplate::new(200).set_body_raw(CONVERSATION, "application/json"))
        .expect(1)
        .mount(&server)
        .await;
    let api = client(&server);
    let convo = api.conversations();
    convo
        .add_tag("12345678", "42", "7522907")
        .send()
        .await
        .expect("attach");
    convo
        .remove_tag("12345678", "42", "7522907")
        .send()
        .await
        .expect("detach");
    let ruled: intercom_api::models::Conversation = convo
        .run_assignment_rules("12345678")
        .send()
        .await
        .expect("rules");
    assert_eq!(ruled.id, "12345678");
}

#[tokio::test]
async fn parts_are_typed_and_create_starts_from_a_contact() {
    let server = MockServer::start().await;
    Mock::given(method("GET"))
        .and(path("/conversations/12345678"))
        .respond_with(ResponseTemplate::new(200).set_body_raw(CONVERSATION, "application/json"))
        .mount(&server)
        .await;
    Mock::given(method("POST"))
        .and(path("/conversations"))
        .and(body_json(json!({"from": {"type": "user", "id": "6762f0dd"}, "body": "Hello there"})))
        .respond_with(ResponseTemplate::new(200).set_body_raw(r#"{"type":"user_message","id":"403918330","conversation_id":"123","message_type":"inapp"}"#, "application/json"))
        .expect(1)
        .mount(&server)
        .await;
    let api = client(&server);
    let conversation = api
        .conversations()
        .find("12345678")
        .send()
        .await
        .expect("get");
    let kinds: Vec<&ConversationPartPartType> =
        conversation.parts().map(|(kind, _)| kind).collect();
    assert_eq!(
        kinds,
        [
            &ConversationPartPartType::Comment,
            &ConversationPartPartType::Note,
            &ConversationPartPartType::Assignment,
            &ConversationPartPartType::Unknown("fin_answer".into())
        ]
    );
    let message = api
        .conversations()
        .create_from_contact(
            "6762f0dd",
            CreateConversationRequestFromType::User,
            "Hello there",
        )
        .send()
        .await
        .expect("create");
    assert_eq!(message.conversation_id.as_deref(), Some("123"));
}

#[test]
fn snooze_ends_and_taggings_are_grouped_on_the_part_type() {
    for wire in ["timer_unsnooze", "unsnoozed"] {
        let kind = ConversationPartPartType::from(wire);
        assert!(kind.is_snooze_end(), "{wire}");
        assert!(!kind.is_tagging(), "{wire}");
    }
    for wire in ["conversation_tagged", "conversation_untagged", "tagging"] {
        let kind = ConversationPartPartType::from(wire);
        assert!(kind.is_tagging(), "{wire}");
        assert!(!kind.is_snooze_end(), "{wire}");
    }
    for known in [
        ConversationPartPartType::Snoozed,
        ConversationPartPartType::Open,
        ConversationPartPartType::Comment,
        ConversationPartPartType::Unknown("fin_answer".into()),
    ] {
        assert!(!known.is_snooze_end(), "{known:?}");
        assert!(!known.is_tagging(), "{known:?}");
    }
}

#[tokio::test]
async fn a_closed_conversation_is_a_distinguishable_error() {
    let server = MockServer::start().await;
    let body = r#"{"type":"error.list","request_id":"r1","errors":[{"code":"conversation_closed","message":"Conversation is closed"}]}"#;
    Mock::given(method("POST"))
        .respond_with(ResponseTemplate::new(422).set_body_raw(body, "application/json"))
        .mount(&server)
        .await;
    let error = client(&server)
        .conversations()
        .reply_as_admin("1", "42", "hi")
        .send()
        .await
        .expect_err("closed");
    assert!(error.is_conversation_closed());
    assert!(!error.is_retryable());
}
