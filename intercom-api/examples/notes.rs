//! Notes (seed 003): add a note to a contact, then list the contact's notes.
//!
//! ```sh
//! INTERCOM_ACCESS_TOKEN=… [INTERCOM_BASE_URL=http://localhost:8080] [CONTACT_ID=…] [ADMIN_ID=…] \
//!   cargo run --example notes
//! ```

use intercom_api::models::CreateNoteRequest;
use intercom_api::ClientBuilder;

fn var(name: &str, default: &str) -> String {
    std::env::var(name).unwrap_or_else(|_| default.to_string())
}

#[tokio::main]
async fn main() -> Result<(), intercom_api::Error> {
    let client = ClientBuilder::from_env()?.build()?;
    let contact_id = var("CONTACT_ID", "6762f0dd1bb69f9f2193bb83");

    let note = CreateNoteRequest::new("<p>Asked about the enterprise plan.</p>")
        .admin_id(var("ADMIN_ID", "991267459"));
    let note = client.notes().create(&contact_id, note).send().await?;
    println!("note {:?}: {:?}", note.id, note.body);

    let notes = client.notes().list(&contact_id).per_page(10).send().await?;
    for note in notes.data.unwrap_or_default() {
        println!("  {:?} {:?}", note.id, note.body);
    }
    Ok(())
}
