// A query is on one resource: a contact field and a ticket field cannot be combined.
use intercom_api::search::{and, ContactField, TicketField};

fn main() {
    let _ = and([ContactField::EMAIL.eq("ada@example.com"), TicketField::OPEN.eq(true)]);
}
