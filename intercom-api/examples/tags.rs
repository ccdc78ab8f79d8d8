//! Tags (seed 003): list and create tags, tag and untag a contact and a conversation.
//!
//! ```sh
//! INTERCOM_ACCESS_TOKEN=… [INTERCOM_BASE_URL=http://localhost:8080] [CONTACT_ID=…] \
//!   [CONVERSATION_ID=…] [ADMIN_ID=…] cargo run --example tags
//! ```

use intercom_api::models::CreateOrUpdateTagRequest;
use intercom_api::ClientBuilder;

fn var(name: &str, default: &str) -> String {
    std::env::var(name).unwrap_or_else(|_| default.to_string())
}

#[tokio::main]
async fn main() -> Result<(), intercom_api::Error> {
    let client = ClientBuilder::from_env()?.build()?;
    let contact_id = var("CONTACT_ID", "6762f0dd1bb69f9f2193bb83");
    let conversation_id = var("CONVERSATION_ID", "64619700005570");
    let admin_id = var("ADMIN_ID", "991267459");

    // List the workspace's tags.
    let tags = client.tags().list().send().await?;
    for tag in tags.data.unwrap_or_default() {
        println!("  {:?} {:?}", tag.id, tag.name);
    }

    // Create a tag (or find it: names are case insensitive).
    let tag = client
        .tags()
        .create(CreateOrUpdateTagRequest::new("VIP"))
        .send()
        .await?;
    let tag_id = tag.id;
    println!("tag VIP is {tag_id}");

    // Tag and untag a contact.
    let tags = client.tags();
    tags.add_to_contact(&tag_id, &contact_id).send().await?;
    tags.remove_from_contact(&tag_id, &contact_id)
        .send()
        .await?;
    println!("tagged and untagged contact {contact_id}");

    // Tag and untag a conversation (as an admin).
    let conversations = client.conversations();
    conversations
        .add_tag(&conversation_id, &admin_id, &tag_id)
        .send()
        .await?;
    conversations
        .remove_tag(&conversation_id, &admin_id, &tag_id)
        .send()
        .await?;
    println!("tagged and untagged conversation {conversation_id}");
    Ok(())
}
