//! Messages (seed 003): send an in-app message and an email from an admin to a contact.
//!
//! ```sh
//! INTERCOM_ACCESS_TOKEN=… [INTERCOM_BASE_URL=http://localhost:8080] [ADMIN_ID=…] [CONTACT_ID=…] \
//!   cargo run --example messages
//! ```

use intercom_api::wrappers::Recipient;
use intercom_api::ClientBuilder;

#[tokio::main]
async fn main() -> Result<(), intercom_api::Error> {
    let client = ClientBuilder::from_env()?.build()?;
    let admin_id = std::env::var("ADMIN_ID").unwrap_or_else(|_| "991267459".to_string());
    let contact_id =
        std::env::var("CONTACT_ID").unwrap_or_else(|_| "6762f0dd1bb69f9f2193bb83".to_string());

    let in_app = client
        .messages()
        .send_in_app(
            &admin_id,
            Recipient::user(&contact_id),
            "Your export is ready.",
        )
        .send()
        .await?;
    println!(
        "in-app message {:?} (conversation {:?})",
        in_app.id, in_app.conversation_id
    );

    let email = client
        .messages()
        .send_email(
            &admin_id,
            Recipient::user(&contact_id),
            "Your export is ready",
            "<p>Hi, your export is ready to download.</p>",
        )
        .send()
        .await?;
    println!(
        "email {:?} (conversation {:?})",
        email.id, email.conversation_id
    );
    Ok(())
}
