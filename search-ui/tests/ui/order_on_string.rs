// `<` and `>` exist for numbers and dates only: `state` is a String.
use intercom_api::search::ConversationField;

fn main() {
    let _ = ConversationField::STATE.gt("open");
}
