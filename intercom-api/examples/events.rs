//! Events (seed 003): track a custom event for a contact, with metadata.
//!
//! ```sh
//! INTERCOM_ACCESS_TOKEN=… [INTERCOM_BASE_URL=http://localhost:8080] [USER_ID=…] \
//!   cargo run --example events
//! ```

use intercom_api::wrappers::ContactRef;
use intercom_api::ClientBuilder;
use serde_json::json;

#[tokio::main]
async fn main() -> Result<(), intercom_api::Error> {
    let client = ClientBuilder::from_env()?.build()?;
    let user_id = std::env::var("USER_ID").unwrap_or_else(|_| "314159".to_string());

    // Happening now, for the contact with your user_id.
    let metadata = [
        ("order_value", json!(99.99)),
        ("order_id", json!("A-1042")),
        ("items", json!(3)),
    ];
    client
        .events()
        .track_with("order-completed", ContactRef::user_id(user_id), metadata)
        .send()
        .await?;
    println!("tracked order-completed");

    // Happening now, for a contact known by email, without metadata.
    let ada = ContactRef::email("ada@example.com");
    client.events().track("invited-friend", ada).send().await?;
    println!("tracked invited-friend");

    // At a given time (the same name, contact and time are counted once).
    let ada = ContactRef::email("ada@example.com");
    let metadata = [("invitee_email", json!("grace@example.com"))];
    client
        .events()
        .track_at("invited-friend", ada, metadata, 1_671_028_894)
        .send()
        .await?;
    println!("tracked invited-friend at 1671028894");
    Ok(())
}
