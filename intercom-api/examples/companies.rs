//! Companies (seed 003): create or update a company, get it, list companies, add a contact to
//! it and remove it.
//!
//! ```sh
//! INTERCOM_ACCESS_TOKEN=… [INTERCOM_BASE_URL=http://localhost:8080] [CONTACT_ID=…] \
//!   cargo run --example companies
//! ```

use intercom_api::models::CreateOrUpdateCompanyRequest;
use intercom_api::ClientBuilder;
use serde_json::json;

#[tokio::main]
async fn main() -> Result<(), intercom_api::Error> {
    let client = ClientBuilder::from_env()?.build()?;
    let contact_id =
        std::env::var("CONTACT_ID").unwrap_or_else(|_| "6762f0dd1bb69f9f2193bb83".to_string());

    // Create or update, by your own company_id.
    let mut attributes = serde_json::Map::new();
    attributes.insert("paid_subscriber".into(), json!(true));
    attributes.insert("team_mates".into(), json!(9));
    let request = CreateOrUpdateCompanyRequest::new()
        .company_id("acme")
        .name("Acme Ltd")
        .plan("pro")
        .size(120)
        .website("https://acme.example.com")
        .custom_attributes(attributes);
    let company = client
        .companies()
        .create_or_update()
        .body(request)
        .send()
        .await?;
    let id = company.id;
    println!("company {id} ({:?})", company.name);

    // Get it by Intercom id, and by your company_id.
    let company = client.companies().find(&id).send().await?;
    println!(
        "{:?} users, attributes {:?}",
        company.user_count, company.custom_attributes
    );
    let by_company_id = client
        .companies()
        .retrieve()
        .company_id("acme")
        .send()
        .await?;
    println!("{:?} match company_id acme", by_company_id.total_count);

    // List the first page.
    let page = client.companies().list().per_page(20).send().await?;
    for company in page.data.unwrap_or_default() {
        println!("  {:?} {:?}", company.id, company.name);
    }

    // Add a contact, then remove it.
    let company = client
        .companies()
        .add_contact(&id, &contact_id)
        .send()
        .await?;
    println!("added; {:?} users", company.user_count);
    client
        .companies()
        .remove_contact(&id, &contact_id)
        .send()
        .await?;
    println!("removed");
    Ok(())
}
