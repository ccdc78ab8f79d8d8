// A field whose values are an enum takes the enum, not a string (not even a valid one).
use intercom_api::search::{ContactField, ConversationField};

fn main() {
    let _ = ConversationField::PRIORITY.eq("high");
    let _ = ContactField::ROLE.is_in(["user", "lead"]);
}
