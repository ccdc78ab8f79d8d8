// `~ !~ ^ $` exist for string fields only: `admin_assignee_id` is an Integer.
use intercom_api::search::ConversationField;

fn main() {
    let _ = ConversationField::ADMIN_ASSIGNEE_ID.contains("5");
}
