// A contact search cannot be sorted by a ticket field.
use intercom_api::search::{ContactField, Order, Search, TicketField};

fn main() {
    let _ = Search::new(ContactField::EMAIL.eq("ada@example.com"))
        .sort(TicketField::CREATED_AT, Order::Ascending);
}
