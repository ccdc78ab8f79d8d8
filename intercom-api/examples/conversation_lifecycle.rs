//! The conversation lifecycle of the seeds, end to end: create a conversation from a contact,
//! reply, add a note, assign to a team, snooze, reopen, tag, close, and read the parts.
//!
//! `INTERCOM_ACCESS_TOKEN=… [INTERCOM_BASE_URL=http://127.0.0.1:4010] cargo run --example conversation_lifecycle`
//! Optional: `INTERCOM_ADMIN_ID`, `INTERCOM_CONTACT_ID`, `INTERCOM_TEAM_ID`, `INTERCOM_TAG_ID`.

use std::time::Duration;

use intercom_api::wrappers::{ContactRef, CreateConversationRequestFromType};
use intercom_api::ClientBuilder;

fn var(name: &str, default: &str) -> String {
    std::env::var(name).unwrap_or_else(|_| default.to_string())
}

#[tokio::main]
async fn main() -> Result<(), intercom_api::Error> {
    let client = ClientBuilder::from_env()?.build()?;
    let conversations = client.conversations();
    let admin = var("INTERCOM_ADMIN_ID", "991267459");
    let contact = var("INTERCOM_CONTACT_ID", "6762f0dd1bb69f9f2193bb83");

    let message = conversations
        .create_from_contact(
            &contact,
            CreateConversationRequestFromType::User,
            "My order has not arrived.",
        )
        .send()
        .await?;
    let id = message
        .conversation_id
        .unwrap_or_else(|| var("INTERCOM_CONVERSATION_ID", "123"));
    println!("created conversation {id}");

    conversations
        .reply_as_admin(&id, &admin, "Sorry to hear that, checking now.")
        .send()
        .await?;
    conversations
        .note(
            &id,
            &admin,
            "<p>Carrier shows the parcel stuck in Dublin.</p>",
        )
        .send()
        .await?;
    conversations
        .reply_as_contact(&id, ContactRef::id(&contact), "Thanks!")
        .send()
        .await?;
    conversations
        .assign_to_team(&id, &admin, var("INTERCOM_TEAM_ID", "814"))
        .send()
        .await?;
    conversations
        .snooze_for(&id, &admin, Duration::from_secs(24 * 3600))
        .send()
        .await?;
    conversations.reopen(&id, &admin).send().await?;
    conversations
        .add_tag(&id, &admin, var("INTERCOM_TAG_ID", "7522907"))
        .send()
        .await?;
    match conversations
        .close(&id, &admin, Some("Delivered today, closing."))
        .send()
        .await
    {
        Err(e) if e.is_conversation_closed() => println!("already closed"),
        other => {
            other?;
        }
    }

    let conversation = conversations.find(&id).send().await?;
    println!("state: {:?}", conversation.state);
    for (kind, part) in conversation.parts() {
        println!("  {kind:?} {}", part.body.as_deref().unwrap_or(""));
    }
    Ok(())
}
