//! Uniform ids: integers, `String`s and `&String`s are accepted wherever an id is (path
//! arguments of the generated calls, wrapper arguments, model constructors), and a
//! non-numeric id where the API wants an integer fails before anything is sent.

use crate::common;

use common::{api as client, given};
use intercom_api::models::{AttachTagToContactRequest, UpdateArticleRequest};
use intercom_api::wrappers::{ArticleDraft, ContactRef, Recipient};
use intercom_api::Error;
use serde_json::json;
use wiremock::matchers::body_json;
use wiremock::{MockServer, ResponseTemplate};

fn conversation() -> ResponseTemplate {
    ResponseTemplate::new(200).set_body_json(json!({"type": "conversation", "id": "123"}))
}

fn tag() -> ResponseTemplate {
    ResponseTemplate::new(200).set_body_json(json!({"type": "tag", "id": "7", "name": "VIP"}))
}

/// The paths the server was asked for, in order.
async fn paths(server: &MockServer) -> Vec<String> {
    server
        .received_requests()
        .await
        .unwrap_or_default()
        .iter()
        .map(|r| r.url.path().to_string())
        .collect()
}

#[tokio::test]
async fn every_kind_of_id_names_the_same_path() {
    let server = MockServer::start().await;
    given("GET", "/conversations/123")
        .respond_with(conversation())
        .expect(5)
        .mount(&server)
        .await;
    let api = client(&server);
    let owned = String::from("123");
    let conversations = api.conversations();
    conversations.find(123).send().await.expect("i32");
    conversations.find(123u64).send().await.expect("u64");
    conversations.find(&owned).send().await.expect("&String");
    conversations
        .find(owned.clone())
        .send()
        .await
        .expect("String");
    conversations
        .find(owned.as_str())
        .send()
        .await
        .expect("&str");
    assert_eq!(paths(&server).await, vec!["/conversations/123"; 5]);
}

#[tokio::test]
async fn wrappers_take_every_kind_of_id_in_paths_and_bodies() {
    let server = MockServer::start().await;
    given("POST", "/conversations/123/reply")
        .and(body_json(
            json!({"message_type": "comment", "type": "admin", "admin_id": "42", "body": "Hi"}),
        ))
        .respond_with(conversation())
        .expect(3)
        .mount(&server)
        .await;
    given("POST", "/conversations/123/parts")
        .and(body_json(json!({"message_type": "assignment", "type": "team", "admin_id": "42", "assignee_id": "814"})))
        .respond_with(conversation())
        .expect(1)
        .mount(&server)
        .await;
    given("POST", "/contacts/6762f0dd/tags")
        .and(body_json(json!({"id": "7"})))
        .respond_with(tag())
        .expect(1)
        .mount(&server)
        .await;
    given("POST", "/tickets/64619700005694/tags")
        .and(body_json(json!({"id": "7", "admin_id": "42"})))
        .respond_with(tag())
        .expect(1)
        .mount(&server)
        .await;
    let api = client(&server);
    let conversations = api.conversations();
    let (id, admin) = (String::from("123"), String::from("42"));
    conversations
        .reply_as_admin(123, 42, "Hi")
        .send()
        .await
        .expect("integers");
    conversations
        .reply_as_admin(&id, &admin, "Hi")
        .send()
        .await
        .expect("&String");
    conversations
        .reply_as_admin(id.clone(), admin.clone(), "Hi")
        .send()
        .await
        .expect("String");
    conversations
        .assign_to_team(&id, 42u32, 814i64)
        .send()
        .await
        .expect("assign");
    let contact = String::from("6762f0dd");
    api.tags()
        .add_to_contact(7, &contact)
        .send()
        .await
        .expect("tag contact");
    api.tags()
        .add_to_ticket(7u64, 64619700005694u64, admin)
        .send()
        .await
        .expect("tag ticket");
}

#[tokio::test]
async fn an_id_the_wire_wants_as_an_integer_is_sent_as_one_whatever_its_rust_type() {
    let server = MockServer::start().await;
    given("POST", "/messages")
        .and(body_json(json!({
            "message_type": "in_app",
            "body": "Hi",
            "from": {"type": "admin", "id": 991267459},
            "to": {"type": "user", "id": "6762f0dd"}
        })))
        .respond_with(
            ResponseTemplate::new(200).set_body_json(json!({"type": "user_message", "id": "1"})),
        )
        .expect(2)
        .mount(&server)
        .await;
    given("PUT", "/tickets/64619700005694")
        .and(body_json(
            json!({"admin_id": 991267459, "assignee_id": "0"}),
        ))
        .respond_with(
            ResponseTemplate::new(200)
                .set_body_json(json!({"type": "ticket", "id": "64619700005694"})),
        )
        .expect(1)
        .mount(&server)
        .await;
    let api = client(&server);
    let admin = String::from("991267459");
    api.messages()
        .send_in_app(&admin, Recipient::user("6762f0dd"), "Hi")
        .send()
        .await
        .expect("&String admin id");
    api.messages()
        .send_in_app(
            991267459u64,
            Recipient::user(String::from("6762f0dd")),
            "Hi",
        )
        .send()
        .await
        .expect("integer admin id");
    api.tickets()
        .assign(64619700005694u64, admin, 0)
        .send()
        .await
        .expect("String admin id");
}

/// `error` is the `InvalidInput` naming `what` and the refused id.
fn assert_refused(error: Error, what: &str, id: &str) {
    match error {
        Error::InvalidInput(reason) => {
            assert!(
                reason.contains(what) && reason.contains(id),
                "reason {reason:?} should name {what} and {id}"
            );
        }
        other => panic!("expected InvalidInput, got {other:?}"),
    }
}

#[tokio::test]
async fn a_non_numeric_id_where_the_wire_wants_an_integer_is_refused_before_sending() {
    let server = MockServer::start().await;
    let api = client(&server);
    let to = || Recipient::lead("6762f0dd");

    let error = api.messages().send_in_app("ada", to(), "Hi").send().await;
    assert_refused(error.expect_err("in-app"), "admin_id", "ada");
    let error = api
        .messages()
        .send_email(String::from("ada"), to(), "S", "B")
        .send()
        .await;
    assert_refused(error.expect_err("email"), "admin_id", "ada");
    let error = api.tickets().assign(1, "admin-7", 2).send().await;
    assert_refused(error.expect_err("assign"), "admin_id", "admin-7");
    let request = api.tickets().assign(1, "admin-7", 2).request();
    assert_refused(request.expect_err("request()"), "admin_id", "admin-7");

    let draft = ArticleDraft::new("grace", "T");
    let error = api.articles().create_draft(draft).send().await;
    assert_refused(error.expect_err("author"), "author_id", "grace");
    let draft = ArticleDraft::new(1, "T").in_collection("faq");
    let error = api.articles().create_draft(draft).send().await;
    assert_refused(error.expect_err("collection"), "collection_id", "faq");
    let draft = ArticleDraft::new("grace", "T").in_section("x");
    let error = api.articles().create_draft(draft).send().await;
    assert_refused(error.expect_err("first reason"), "author_id", "grace");

    assert_eq!(paths(&server).await, Vec::<String>::new());
}

#[tokio::test]
async fn a_refused_request_is_refused_whatever_is_set_after() {
    let server = MockServer::start().await;
    let api = client(&server);
    let error = api
        .messages()
        .send_in_app("ada", Recipient::user(1), "Hi")
        .intercom_version("2.13")
        .retry_non_idempotent()
        .send()
        .await;
    assert_refused(error.expect_err("refused"), "admin_id", "ada");
    let error = api
        .articles()
        .save_draft(1, UpdateArticleRequest::new())
        .refuse_if(Some("a reason".into()))
        .send()
        .await;
    assert!(matches!(error, Err(Error::InvalidInput(reason)) if reason == "a reason"));
    assert_eq!(paths(&server).await, Vec::<String>::new());
}

#[test]
fn model_constructors_take_any_id() {
    assert_eq!(AttachTagToContactRequest::new(123).id, "123");
    assert_eq!(AttachTagToContactRequest::new(String::from("7")).id, "7");
    let owned = String::from("8");
    assert_eq!(AttachTagToContactRequest::new(&owned).id, "8");
    assert_eq!(ContactRef::id(5u64), ContactRef::IntercomUserId("5".into()));
    assert_eq!(Recipient::user(9).id, "9");
}
