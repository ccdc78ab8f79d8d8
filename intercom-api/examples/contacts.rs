//! Contacts (seed 003): create, get, update, list, search, archive and delete a contact.
//!
//! ```sh
//! INTERCOM_ACCESS_TOKEN=… [INTERCOM_BASE_URL=http://localhost:8080] cargo run --example contacts
//! ```

use intercom_api::models::{CreateContactRequest, UpdateContactRequest};
use intercom_api::search::{ContactField, Order, Search};
use intercom_api::ClientBuilder;
use serde_json::json;

#[tokio::main]
async fn main() -> Result<(), intercom_api::Error> {
    let client = ClientBuilder::from_env()?.build()?;

    // Create a user (the role defaults to `lead`).
    let new = CreateContactRequest::new()
        .role("user")
        .email("ada@example.com")
        .external_id("u-1815")
        .name("Ada Lovelace");
    let created = client.contacts().create(new).send().await?;
    let id = created.id;
    println!("created contact {id}");

    // Get it.
    let contact = client.contacts().find(&id).send().await?;
    println!("{:?} <{:?}>", contact.name, contact.email);

    // Update the phone and a custom attribute; clear the avatar.
    let mut attributes = serde_json::Map::new();
    attributes.insert("plan".into(), json!("pro"));
    let changes = UpdateContactRequest::new()
        .phone("+44 20 7946 0958")
        .custom_attributes(attributes)
        .clear_avatar();
    client.contacts().update(&id, changes).send().await?;

    // List the first page.
    let page = client.contacts().list().per_page(20).send().await?;
    for contact in page.data.unwrap_or_default() {
        println!("  {:?} {:?}", contact.id, contact.email);
    }

    // Search by email domain, newest first.
    let search = Search::new(ContactField::EMAIL_DOMAIN.eq("example.com"))
        .per_page(20)
        .sort(ContactField::CREATED_AT, Order::Descending);
    let found = client.contacts().search(search).send().await?;
    println!("{:?} contacts at example.com", found.total_count);

    // Archive, then delete.
    let archived = client.contacts().archive(&id).send().await?;
    println!("archived: {:?}", archived.archived);
    let deleted = client.contacts().delete(&id).send().await?;
    println!("deleted: {:?}", deleted.deleted);
    Ok(())
}
