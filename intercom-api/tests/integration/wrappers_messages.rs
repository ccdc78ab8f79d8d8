//! The message wrappers send exactly the documented requests (seed 003).

use intercom_api::wrappers::Recipient;
use intercom_api::Client;
use serde_json::{json, Value};
use wiremock::matchers::{body_json, header, method, path};
use wiremock::{Mock, MockServer, ResponseTemplate};

const TOKEN: &str = "token";

async fn expect_message(body: Value) -> (MockServer, Client) {
    let server = MockServer::start().await;
    Mock::given(method("POST"))
        .and(path("/messages"))
        .and(header("intercom-version", "2.16"))
        .and(header("authorization", format!("Bearer {TOKEN}").as_str()))
        .and(body_json(body))
        .respond_with(ResponseTemplate::new(200).set_body_json(json!({
            "type": "user_message",
            "id": "403918396",
            "conversation_id": "64619700005570",
            "message_type": "inapp"
        })))
        .expect(1)
        .mount(&server)
        .await;
    let client = Client::builder(TOKEN)
        .base_url(server.uri())
        .build()
        .expect("client");
    (server, client)
}

#[tokio::test]
async fn send_in_app_message() {
    let (_server, client) = expect_message(json!({
        "message_type": "in_app",
        "body": "Your export is ready.",
        "from": {"type": "admin", "id": 991267459},
        "to": {"type": "user", "id": "6762f0dd1bb69f9f2193bb83"}
    }))
    .await;
    let message = client
        .messages()
        .send_in_app(
            991267459,
            Recipient::user("6762f0dd1bb69f9f2193bb83"),
            "Your export is ready.",
        )
        .send()
        .await
        .expect("message");
    assert_eq!(message.conversation_id.as_deref(), Some("64619700005570"));
}

#[tokio::test]
async fn send_email_message() {
    let (_server, client) = expect_message(json!({
        "message_type": "email",
        "subject": "Your export",
        "body": "<p>It is ready.</p>",
        "template": "plain",
        "from": {"type": "admin", "id": 991267459},
        "to": {"type": "lead", "id": "6762f0dd1bb69f9f2193bb84"}
    }))
    .await;
    client
        .messages()
        .send_email(
            "991267459",
            Recipient::lead("6762f0dd1bb69f9f2193bb84"),
            "Your export",
            "<p>It is ready.</p>",
        )
        .send()
        .await
        .expect("message");
}
