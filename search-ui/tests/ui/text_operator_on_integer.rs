// `~ !~ ^ $` exist for string fields only: `owner_id` is an Integer.
use intercom_api::search::ContactField;

fn main() {
    let _ = ContactField::OWNER_ID.contains("5");
}
