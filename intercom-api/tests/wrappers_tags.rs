//! The tag wrappers send exactly the documented requests (seed 003).

mod common;

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
async fn tag_contact() {
    let body: Value = json!({"id": "7522907"});
    let server = mount(
        given("POST", "/contacts/c1/tags")
            .and(body_json(body))
            .respond_with(tag())
            .expect(1),
    )
    .await;
    let tag = client(&server)
        .tag_contact("c1", "7522907")
        .send()
        .await
        .expect("tag");
    assert_eq!(tag.name, "VIP");
}

#[tokio::test]
async fn untag_contact() {
    let server = mount(
        given("DELETE", "/contacts/c1/tags/7522907")
            .respond_with(tag())
            .expect(1),
    )
    .await;
    client(&server)
        .untag_contact("c1", "7522907")
        .send()
        .await
        .expect("untag");
}

#[tokio::test]
async fn tag_ticket() {
    let body = json!({"id": "7522907", "admin_id": "991267459"});
    let server = mount(
        given("POST", "/tickets/t1/tags")
            .and(body_json(body))
            .respond_with(tag())
            .expect(1),
    )
    .await;
    client(&server)
        .tag_ticket("t1", "991267459", "7522907")
        .send()
        .await
        .expect("tag");
}

#[tokio::test]
async fn untag_ticket() {
    let body = json!({"admin_id": "991267459"});
    let server = mount(
        given("DELETE", "/tickets/t1/tags/7522907")
            .and(body_json(body))
            .respond_with(tag())
            .expect(1),
    )
    .await;
    client(&server)
        .untag_ticket("t1", "991267459", "7522907")
        .send()
        .await
        .expect("untag");
}
