// A resource's search call takes a search of that resource: a ticket query is not a
// conversation search.
use intercom_api::search::{Search, TicketField};

async fn run(client: intercom_api::Client) {
    let _ = client.conversations().search(TicketField::OPEN.eq(true));
    let _ = client.contacts().search(Search::new(TicketField::OPEN.eq(true)));
}

fn main() {
    let _ = run;
}
