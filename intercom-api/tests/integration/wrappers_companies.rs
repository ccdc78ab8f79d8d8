//! The company wrappers send exactly the documented requests (seed 003).

use crate::common;

use common::{api as client, given};
use serde_json::json;
use wiremock::matchers::body_json;
use wiremock::{MockServer, ResponseTemplate};

fn company() -> ResponseTemplate {
    ResponseTemplate::new(200).set_body_json(json!({
        "type": "company",
        "id": "6762f09a1bb69f9f2193bb34",
        "company_id": "acme",
        "name": "Acme",
        "custom_attributes": {"paid_subscriber": true, "monthly_spend": 155.5, "team_mates": 9}
    }))
}

#[tokio::test]
async fn add_contact_to_company() {
    let server = MockServer::start().await;
    given("POST", "/contacts/c1/companies")
        .and(body_json(json!({"id": "6762f09a1bb69f9f2193bb34"})))
        .respond_with(company())
        .expect(1)
        .mount(&server)
        .await;
    let company = client(&server)
        .companies()
        .add_contact("6762f09a1bb69f9f2193bb34", "c1")
        .send()
        .await
        .expect("attach");
    assert_eq!(company.name, "Acme");
    let attributes = company.custom_attributes.unwrap_or_default();
    assert_eq!(attributes.get("paid_subscriber"), Some(&json!(true)));
}

#[tokio::test]
async fn remove_contact_from_company() {
    let server = MockServer::start().await;
    given("DELETE", "/contacts/c1/companies/6762f09a1bb69f9f2193bb34")
        .respond_with(company())
        .expect(1)
        .mount(&server)
        .await;
    client(&server)
        .companies()
        .remove_contact("6762f09a1bb69f9f2193bb34", "c1")
        .send()
        .await
        .expect("detach");
}

#[tokio::test]
async fn company_custom_attributes_keep_their_json_types() {
    use intercom_api::models::CreateOrUpdateCompanyRequest;
    let server = MockServer::start().await;
    given("POST", "/companies")
        .and(body_json(json!({
            "company_id": "acme",
            "name": "Acme",
            "custom_attributes": {"paid_subscriber": true, "monthly_spend": 155.5}
        })))
        .respond_with(company())
        .expect(1)
        .mount(&server)
        .await;
    let mut attributes = serde_json::Map::new();
    attributes.insert("paid_subscriber".into(), json!(true));
    attributes.insert("monthly_spend".into(), json!(155.5));
    let request = CreateOrUpdateCompanyRequest::new()
        .company_id("acme")
        .name("Acme")
        .custom_attributes(attributes);
    client(&server)
        .companies()
        .create_or_update()
        .body(request)
        .send()
        .await
        .expect("company");
}
