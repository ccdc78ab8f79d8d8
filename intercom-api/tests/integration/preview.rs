//! The Preview surface (feature `preview`): its calls go through the shared runtime (auth,
//! base URL, typed errors) and send `Intercom-Version: Preview`, the Preview description's own
//! default, whatever version the client was built for.

use crate::common;

use common::TOKEN;
use intercom_api::{Client, Error};
use serde_json::json;
use wiremock::matchers::{header, method, path};
use wiremock::{Mock, MockServer, ResponseTemplate};

fn client(server: &MockServer) -> Client {
    common::api(server)
}

#[tokio::test]
async fn a_preview_call_sends_the_preview_version_and_decodes_its_model() {
    assert_eq!(intercom_api::preview::API_VERSION, "Preview");
    let server = MockServer::start().await;
    Mock::given(method("GET"))
        .and(path("/audiences/42"))
        .and(header("intercom-version", "Preview"))
        .and(header("authorization", format!("Bearer {TOKEN}").as_str()))
        .respond_with(ResponseTemplate::new(200).set_body_json(json!({
            "type": "audience", "id": "42", "name": "Trial users", "created_at": 1700000000
        })))
        .expect(1)
        .mount(&server)
        .await;
    let audience = client(&server)
        .preview()
        .audiences()
        .find(42)
        .send()
        .await
        .expect("the audience");
    assert_eq!(audience.id.as_deref(), Some("42"));
    assert_eq!(audience.name.as_deref(), Some("Trial users"));
}

#[tokio::test]
async fn stable_calls_keep_the_clients_version_beside_preview_ones() {
    let server = MockServer::start().await;
    Mock::given(method("GET"))
        .and(path("/admins"))
        .and(header("intercom-version", intercom_api::API_VERSION))
        .respond_with(
            ResponseTemplate::new(200).set_body_json(json!({"type": "admin.list", "admins": []})),
        )
        .expect(1)
        .mount(&server)
        .await;
    Mock::given(method("GET"))
        .and(path("/admins"))
        .and(header("intercom-version", "Preview"))
        .respond_with(
            ResponseTemplate::new(200).set_body_json(json!({"type": "admin.list", "admins": []})),
        )
        .expect(1)
        .mount(&server)
        .await;
    let client = client(&server);
    client.admins().list().send().await.expect("stable admins");
    client
        .preview()
        .admins()
        .list()
        .send()
        .await
        .expect("preview admins");
}

#[tokio::test]
async fn a_preview_request_can_name_another_version() {
    let server = MockServer::start().await;
    Mock::given(method("GET"))
        .and(path("/audiences/42"))
        .and(header("intercom-version", "2.16"))
        .respond_with(ResponseTemplate::new(200).set_body_json(json!({"id": "42"})))
        .expect(1)
        .mount(&server)
        .await;
    client(&server)
        .preview()
        .audiences()
        .find("42")
        .intercom_version("2.16")
        .send()
        .await
        .expect("the audience");
}

#[tokio::test]
async fn preview_errors_are_the_clients_typed_errors() {
    let server = MockServer::start().await;
    Mock::given(method("GET"))
        .and(path("/audiences/404"))
        .respond_with(ResponseTemplate::new(404).set_body_json(json!({
            "type": "error.list",
            "request_id": "req-1",
            "errors": [{"code": "not_found", "message": "Audience Not Found"}]
        })))
        .mount(&server)
        .await;
    let error = client(&server)
        .preview()
        .audiences()
        .find("404")
        .send()
        .await
        .expect_err("a 404");
    assert!(
        matches!(error, Error::Api(_)),
        "not a typed API error: {error:?}"
    );
    assert_eq!(error.status().map(|s| s.as_u16()), Some(404));
    assert!(error.has_code("not_found"), "{error:?}");
    assert_eq!(error.request_id(), Some("req-1"));
    assert!(!error.is_retryable());
}
