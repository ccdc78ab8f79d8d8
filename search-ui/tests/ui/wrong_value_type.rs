// A date field takes a timestamp, an integer field an integer (not the string "12345").
use intercom_api::search::{ContactField, ConversationField};

fn main() {
    let _ = ContactField::CREATED_AT.eq("yesterday");
    let _ = ConversationField::ADMIN_ASSIGNEE_ID.eq("12345");
}
