// `<` and `>` exist for numbers and dates only: `source.subject` is a String.
use intercom_api::search::ConversationField;

fn main() {
    let _ = ConversationField::SOURCE_SUBJECT.gt("open");
}
