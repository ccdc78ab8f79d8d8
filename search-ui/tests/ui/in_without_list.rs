// `IN` takes a list of values, not one value.
use intercom_api::search::ContactField;

fn main() {
    let _ = ContactField::EMAIL.is_in("ada@example.com");
}
