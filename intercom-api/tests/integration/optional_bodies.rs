//! Operations whose body the spec lets the caller leave out (not `required`, schema
//! `nullable`) take it through a `.body(..)` setter, and send no body at all when none is set.

use crate::common;

use std::future::Future;
use std::pin::Pin;

use intercom_api::{Client, Error};
use wiremock::{MockServer, ResponseTemplate};

/// Sends one operation without a body; the answer is not looked at.
type SendWithout = for<'c> fn(&'c Client) -> Pin<Box<dyn Future<Output = Result<(), Error>> + 'c>>;

/// Operation id, method, path, and the call without a body.
const CASES: &[(&str, &str, &str, SendWithout)] = &[
    ("createArticle", "POST", "/articles", |c| {
        Box::pin(async move { c.articles().create().send().await.map(drop) })
    }),
    ("updateArticle", "PUT", "/articles/123", |c| {
        Box::pin(async move { c.articles().update(123).send().await.map(drop) })
    }),
    ("stageArticleDraft", "PUT", "/articles/123/draft", |c| {
        Box::pin(async move { c.articles().stage_draft(123).send().await.map(drop) })
    }),
    (
        "publishArticleDraft",
        "POST",
        "/articles/123/draft/publish",
        |c| Box::pin(async move { c.articles().publish_draft(123).send().await.map(drop) }),
    ),
    ("registerFinVoiceCall", "POST", "/fin_voice/register", |c| {
        Box::pin(async move { c.calls().register_fin_voice().send().await.map(drop) })
    }),
    ("createOrUpdateCompany", "POST", "/companies", |c| {
        Box::pin(async move { c.companies().create_or_update().send().await.map(drop) })
    }),
    ("UpdateCompany", "PUT", "/companies/abc", |c| {
        Box::pin(async move { c.companies().update("abc").send().await.map(drop) })
    }),
    ("createInternalArticle", "POST", "/internal_articles", |c| {
        Box::pin(async move { c.internal_articles().create().send().await.map(drop) })
    }),
    (
        "updateInternalArticle",
        "PUT",
        "/internal_articles/7",
        |c| Box::pin(async move { c.internal_articles().update(7).send().await.map(drop) }),
    ),
    ("createMessage", "POST", "/messages", |c| {
        Box::pin(async move { c.messages().create().send().await.map(drop) })
    }),
    ("createPhoneSwitch", "POST", "/phone_call_redirects", |c| {
        Box::pin(async move { c.phone_call_redirects().create().send().await.map(drop) })
    }),
    ("createTicketType", "POST", "/ticket_types", |c| {
        Box::pin(async move { c.ticket_types().create().send().await.map(drop) })
    }),
    ("updateTicketType", "PUT", "/ticket_types/9", |c| {
        Box::pin(async move { c.ticket_types().update("9").send().await.map(drop) })
    }),
];

#[tokio::test]
async fn optional_bodies_are_not_sent_when_not_set() {
    for (id, verb, at, send) in CASES {
        let server = MockServer::start().await;
        common::given(verb, at)
            .respond_with(ResponseTemplate::new(200).set_body_json(serde_json::json!({})))
            .expect(1)
            .mount(&server)
            .await;
        // The answer (`{}`) need not decode into every operation's type; the request counts.
        let _answer = send(&common::api(&server)).await;
        let received = server.received_requests().await.unwrap_or_default();
        assert_eq!(received.len(), 1, "{id}: one request to {verb} {at}");
        let request = &received[0];
        assert_eq!(request.method.as_str(), *verb, "{id}");
        assert_eq!(request.url.path(), *at, "{id}");
        assert!(request.body.is_empty(), "{id}: a body was sent");
        assert!(
            request.headers.get("content-type").is_none(),
            "{id}: Content-Type without a body"
        );
    }
}

#[test]
fn every_optional_body_operation_is_in_the_table() {
    let options = codegen::testing::options(intercom_api::API_VERSION);
    let doc = codegen::load::load(&options).unwrap_or_else(|e| panic!("{e}"));
    let api = codegen::ir::build(&doc).unwrap_or_else(|e| panic!("{e}"));
    let mut optional: Vec<&str> = api
        .operations
        .iter()
        .filter(|op| op.body.as_ref().is_some_and(|b| !b.required))
        .map(|op| op.id.as_str())
        .collect();
    optional.sort_unstable();
    let mut tested: Vec<&str> = CASES.iter().map(|c| c.0).collect();
    tested.sort_unstable();
    assert_eq!(optional, tested);
}

#[tokio::test]
async fn a_body_set_through_the_setter_is_sent_as_json() {
    let server = MockServer::start().await;
    common::given("POST", "/companies")
        .and(wiremock::matchers::header(
            "content-type",
            "application/json",
        ))
        .and(wiremock::matchers::body_json(
            serde_json::json!({"company_id": "acme"}),
        ))
        .respond_with(ResponseTemplate::new(200).set_body_json(serde_json::json!({
            "type": "company", "id": "531ee472cce572a6ec000006", "company_id": "acme"
        })))
        .expect(1)
        .mount(&server)
        .await;
    let company = common::api(&server)
        .companies()
        .create_or_update()
        .body(intercom_api::models::CreateOrUpdateCompanyRequest::new().company_id("acme"))
        .send()
        .await
        .expect("company");
    assert_eq!(company.company_id, "acme");
}
