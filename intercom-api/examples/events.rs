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
        .track_event("order-completed", ContactRef::UserId(user_id), metadata)
        .send()
        .await?;
    println!("tracked order-completed");

    // At a given time, for a contact known by email, without metadata.
    let user = ContactRef::Email("ada@example.com".into());
    let no_metadata: [(&str, serde_json::Value); 0] = [];
    client
        .track_event_at("invited-friend", user, no_metadata, 1_671_028_894)
        .send()
        .await?;
    println!("tracked invited-friend");
    Ok(())
}
