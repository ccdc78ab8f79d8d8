//! Tickets (seeds 003 and 004): create a ticket for a contact, read it, reply, add a note,
//! assign it, move it to another state, update its attributes, search, and create a tracker
//! ticket.
//!
//! ```sh
//! INTERCOM_ACCESS_TOKEN=… [INTERCOM_BASE_URL=http://localhost:8080] \
//!   [TICKET_TYPE_ID=…] [TRACKER_TYPE_ID=…] [ADMIN_ID=…] [CONTACT_EMAIL=…] [TICKET_STATE_ID=…] \
//!   cargo run --example tickets
//! ```

use intercom_api::search::{Order, Search, TicketField};
use intercom_api::wrappers::{ContactRef, TicketAttributes};
use intercom_api::ClientBuilder;

fn var(name: &str, default: &str) -> String {
    std::env::var(name).unwrap_or_else(|_| default.to_string())
}

#[tokio::main]
async fn main() -> Result<(), intercom_api::Error> {
    let client = ClientBuilder::from_env()?.build()?;
    let ticket_type_id = var("TICKET_TYPE_ID", "1234");
    let admin_id = var("ADMIN_ID", "991267459");
    let tickets = client.tickets();

    // Create a customer ticket for a contact (by email: created if unknown).
    let attributes = TicketAttributes::new()
        .title("Cannot log in")
        .description("The login page loops back to itself after SSO.");
    let contacts = [ContactRef::email(var("CONTACT_EMAIL", "ada@example.com"))];
    let ticket = tickets
        .create_with(&ticket_type_id, contacts, attributes)
        .send()
        .await?;
    let id = ticket.id.clone();
    println!("created ticket {id} (#{})", ticket.ticket_id);

    // Read it back.
    let ticket = tickets.get(&id).send().await?;
    let state = ticket.ticket_state.internal_label;
    println!("state: {state:?}, open: {:?}", ticket.open);

    // Reply to the customer, then leave a note for the team.
    tickets
        .reply_as_admin(&id, &admin_id, "Thanks, we are looking into it.")
        .send()
        .await?;
    tickets
        .note(&id, &admin_id, "<p>Probably the SSO redirect change.</p>")
        .send()
        .await?;

    // Assign, move to another state, update an attribute.
    tickets.assign(&id, &admin_id, &admin_id).send().await?;
    tickets
        .set_state(&id, var("TICKET_STATE_ID", "7493"))
        .send()
        .await?;
    tickets
        .update_attributes(&id, TicketAttributes::new().title("Login loop after SSO"))
        .send()
        .await?;

    // Search the open tickets, most recent first.
    let search = Search::new(TicketField::OPEN.eq(true))
        .per_page(20)
        .sort(TicketField::CREATED_AT, Order::Descending);
    let page = client.tickets().search(search).send().await?;
    println!("{:?} open tickets", page.total_count);
    for ticket in page.tickets.unwrap_or_default() {
        println!("  {:?} {:?}", ticket.id, ticket.ticket_id);
    }

    // A tracker ticket groups related customer issues (no contact).
    let tracker = tickets
        .create_tracker(
            var("TRACKER_TYPE_ID", "1235"),
            "Login loop after SSO",
            "Several customers are sent back to the login page after SSO.",
        )
        .send()
        .await?;
    println!(
        "tracker ticket {:?} (internal id {:?})",
        tracker.ticket_id, tracker.id
    );
    Ok(())
}
