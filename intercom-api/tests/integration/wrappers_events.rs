//! The event wrappers send exactly the documented requests (seed 003).

use crate::common;

use std::time::{SystemTime, UNIX_EPOCH};

use common::api as client;
use intercom_api::wrappers::ContactRef;
use serde_json::{json, Value};
use wiremock::matchers::body_json;
use wiremock::{MockBuilder, MockServer, Request, ResponseTemplate};

fn given_event() -> MockBuilder {
    common::given("POST", "/events")
}

fn now() -> i64 {
    SystemTime::now()
        .duration_since(UNIX_EPOCH)
        .map(|d| d.as_secs() as i64)
        .unwrap_or_default()
}

#[tokio::test]
async fn track_at_with_metadata() {
    let server = MockServer::start().await;
    given_event()
        .and(body_json(json!({
            "event_name": "order-completed",
            "created_at": 1671028894,
            "user_id": "314159",
            "metadata": {"order_value": 99.99, "invite_code": "ADDAFRIEND"}
        })))
        .respond_with(ResponseTemplate::new(202))
        .expect(1)
        .mount(&server)
        .await;
    let metadata = [
        ("order_value", json!(99.99)),
        ("invite_code", json!("ADDAFRIEND")),
    ];
    client(&server)
        .events()
        .track_at(
            "order-completed",
            ContactRef::UserId("314159".into()),
            metadata,
            1671028894,
        )
        .send()
        .await
        .expect("event");
}

#[tokio::test]
async fn track_at_by_email_without_metadata() {
    let server = MockServer::start().await;
    given_event()
        .and(body_json(json!({
            "event_name": "invited-friend",
            "created_at": 1671028894,
            "email": "frodo.baggins@example.com"
        })))
        .respond_with(ResponseTemplate::new(202))
        .expect(1)
        .mount(&server)
        .await;
    let user = ContactRef::Email("frodo.baggins@example.com".into());
    client(&server)
        .events()
        .track_at("invited-friend", user, serde_json::Map::new(), 1671028894)
        .send()
        .await
        .expect("event");
}

#[tokio::test]
async fn track_with_happens_now() {
    let before = now();
    let server = MockServer::start().await;
    given_event()
        .and(move |request: &Request| {
            let Ok(mut body) = serde_json::from_slice::<Value>(&request.body) else {
                return false;
            };
            let created_at = body
                .as_object_mut()
                .and_then(|o| o.remove("created_at"))
                .and_then(|v| v.as_i64());
            let recent = created_at.is_some_and(|t| t >= before && t <= now() + 1);
            recent
                && body
                    == json!({
                        "event_name": "order-completed",
                        "id": "8a88a590-e1c3-41e2-a502-e0649dbf721c",
                        "metadata": {"order_value": 99.99}
                    })
        })
        .respond_with(ResponseTemplate::new(202))
        .expect(1)
        .mount(&server)
        .await;
    let user = ContactRef::IntercomUserId("8a88a590-e1c3-41e2-a502-e0649dbf721c".into());
    client(&server)
        .events()
        .track_with("order-completed", user, [("order_value", 99.99)])
        .send()
        .await
        .expect("event");
}
