//! The tag wrappers send exactly the documented requests (seed 003).

use crate::common;

use common::{api as client, given};
use serde_json::{json, Value};
use wiremock::matchers::body_json;
use wiremock::{Mock, MockServer, ResponseTemplate};

fn tag() -> ResponseTemplate {
    ResponseTemplate::new(200).set_body_json(json!({"type": "tag", "id": "7522907", "name": "VIP"}))
}

async fn mount(mock: Mock) -> MockServer {
    let server = MockServer::start().await;
    mock.mount(&server).await;
    server
}

#[tokio::test]
async fn add_to_contact() {
    let body: Value = json!({"id": "7522907"});
    let server = mount(
        given("POST", "/contacts/c1/tags")
            .and(body_json(body))
            .respond_with(tag())
            .expect(1),
    )
    .await;
    let tag = client(&server)
        .tags()
        .add_to_contact("7522907", "c1")
        .send()
        .await
        .expect("tag");
    assert_eq!(tag.name, "VIP");
}

#[tokio::test]
async fn remove_from_contact() {
    let server = mount(
        given("DELETE", "/contacts/c1/tags/7522907")
            .respond_with(tag())
            .expect(1),
    )
    .await;
    client(&server)
        .tags()
        .remove_from_contact("7522907", "c1")
        .send()
        .await
        .expect("untag");
}

#[tokio::test]
async fn add_to_ticket() {
    let body = json!({"id": "7522907", "admin_id": "991267459"});
    let server = mount(
        given("POST", "/tickets/t1/tags")
            .and(body_json(body))
            .respond_with(tag())
            .expect(1),
    )
    .await;
    client(&server)
        .tags()
        .add_to_ticket("7522907", "t1", "991267459")
        .send()
        .await
        .expect("tag");
}

#[tokio::test]
async fn remove_from_ticket() {
    let body = json!({"admin_id": "991267459"});
    let server = mount(
        given("DELETE", "/tickets/t1/tags/7522907")
            .and(body_json(body))
            .respond_with(tag())
            .expect(1),
    )
    .await;
    client(&server)
        .tags()
        .remove_from_ticket("7522907", "t1", "991267459")
        .send()
        .await
        .expect("untag");
}
