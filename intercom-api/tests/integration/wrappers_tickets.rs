//! The ticket wrappers send exactly the documented requests (seeds 003 and 004).

use crate::common;

use common::{api as client, TOKEN};
use intercom_api::wrappers::{ContactRef, TicketAttributes};
use serde_json::{json, Value};
use wiremock::matchers::{body_json, header, method, path};
use wiremock::{Mock, MockServer, ResponseTemplate};

/// A server expecting exactly one `verb path` request with the standard headers and `body`.
async fn expect(verb: &str, at: &str, body: Value, response: Value) -> MockServer {
    let server = MockServer::start().await;
    Mock::given(method(verb))
        .and(path(at))
        .and(header("intercom-version", "2.16"))
        .and(header("authorization", format!("Bearer {TOKEN}").as_str()))
        .and(body_json(body))
        .respond_with(ResponseTemplate::new(200).set_body_json(response))
        .expect(1)
        .mount(&server)
        .await;
    server
}

fn ticket() -> Value {
    json!({"type": "ticket", "id": "64619700005694", "ticket_id": "42"})
}

#[tokio::test]
async fn tracker_ticket_body_is_the_seed_curl_body() {
    let server = expect(
        "POST",
        "/tickets",
        json!({
            "ticket_type_id": "YOUR_TICKET_TYPE_ID",
            "ticket_attributes": {
                "_default_title_": "Short bug title",
                "_default_description_": "Description of the issue and any linked references"
            },
            "contacts": []
        }),
        ticket(),
    )
    .await;
    let created = client(&server)
        .tickets()
        .create_tracker(
            "YOUR_TICKET_TYPE_ID",
            "Short bug title",
            "Description of the issue and any linked references",
        )
        .send()
        .await
        .expect("ticket");
    assert_eq!(created.ticket_id, "42");
    assert_eq!(created.id, "64619700005694");
}

#[tokio::test]
async fn create_ticket_with_contacts_and_attributes() {
    let server = expect(
        "POST",
        "/tickets",
        json!({
            "ticket_type_id": "1234",
            "contacts": [{"id": "6762f0dd1bb69f9f2193bb83"}],
            "ticket_attributes": {
                "_default_title_": "Cannot log in",
                "_default_description_": "The login page loops.",
                "browser": "Firefox",
                "seats": 12.5,
                "urgent": true
            }
        }),
        ticket(),
    )
    .await;
    let attributes = TicketAttributes::new()
        .title("Cannot log in")
        .description("The login page loops.")
        .text("browser", "Firefox")
        .number("seats", 12.5)
        .boolean("urgent", true);
    let contacts = [ContactRef::IntercomUserId(
        "6762f0dd1bb69f9f2193bb83".into(),
    )];
    client(&server)
        .tickets()
        .create_with("1234", contacts, attributes)
        .send()
        .await
        .expect("ticket");
}

#[tokio::test]
async fn ticket_contacts_by_email_and_external_id() {
    let server = expect(
        "POST",
        "/tickets",
        json!({
            "ticket_type_id": "1234",
            "contacts": [{"email": "ada@example.com"}, {"external_id": "u-1"}]
        }),
        ticket(),
    )
    .await;
    let contacts = [
        ContactRef::Email("ada@example.com".into()),
        ContactRef::UserId("u-1".into()),
    ];
    client(&server)
        .tickets()
        .create_with(1234, contacts, TicketAttributes::new())
        .send()
        .await
        .expect("ticket");
}

#[tokio::test]
async fn reply_to_ticket_as_admin() {
    let server = expect(
        "POST",
        "/tickets/64619700005694/reply",
        json!({
            "message_type": "comment",
            "type": "admin",
            "admin_id": "991267459",
            "body": "We are on it."
        }),
        json!({"type": "ticket_part", "id": "1", "part_type": "comment"}),
    )
    .await;
    client(&server)
        .tickets()
        .reply_as_admin("64619700005694", "991267459", "We are on it.")
        .send()
        .await
        .expect("reply");
}

#[tokio::test]
async fn add_ticket_note() {
    let server = expect(
        "POST",
        "/tickets/64619700005694/reply",
        json!({
            "message_type": "note",
            "type": "admin",
            "admin_id": "991267459",
            "body": "<p>Root cause: SSO.</p>"
        }),
        json!({"type": "ticket_part", "id": "2", "part_type": "note"}),
    )
    .await;
    client(&server)
        .tickets()
        .note("64619700005694", "991267459", "<p>Root cause: SSO.</p>")
        .send()
        .await
        .expect("note");
}

#[tokio::test]
async fn assign_ticket() {
    let server = expect(
        "PUT",
        "/tickets/64619700005694",
        json!({"admin_id": 991267459, "assignee_id": "991267460"}),
        ticket(),
    )
    .await;
    client(&server)
        .tickets()
        .assign("64619700005694", 991267459, "991267460")
        .send()
        .await
        .expect("assign");
}

#[tokio::test]
async fn set_ticket_state() {
    let server = expect(
        "PUT",
        "/tickets/64619700005694",
        json!({"ticket_state_id": "7493"}),
        ticket(),
    )
    .await;
    client(&server)
        .tickets()
        .set_state("64619700005694", "7493")
        .send()
        .await
        .expect("state");
}

#[tokio::test]
async fn close_ticket() {
    let server = expect(
        "PUT",
        "/tickets/64619700005694",
        json!({"open": false}),
        ticket(),
    )
    .await;
    client(&server)
        .tickets()
        .close(64619700005694u64)
        .send()
        .await
        .expect("close");
}

#[tokio::test]
async fn update_ticket_attributes() {
    let server = expect(
        "PUT",
        "/tickets/64619700005694",
        json!({"ticket_attributes": {"_default_title_": "New title", "priority": "high", "urgent": false}}),
        ticket(),
    )
    .await;
    let attributes = TicketAttributes::new()
        .title("New title")
        .text("priority", "high")
        .boolean("urgent", false);
    client(&server)
        .tickets()
        .update_attributes("64619700005694", attributes)
        .send()
        .await
        .expect("update");
}
