// A value an API version removed no longer compiles: 2.14's `priority` is not a 2.16 priority.
use intercom_api::models::ConversationPriority;
use intercom_api::search::ConversationField;

fn main() {
    let _ = ConversationField::PRIORITY.eq(ConversationPriority::Priority);
}
