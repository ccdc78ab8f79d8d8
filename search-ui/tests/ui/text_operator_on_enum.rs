// `~ !~ ^ $` exist for free strings only: `state` takes a `ConversationState`.
use intercom_api::models::ConversationState;
use intercom_api::search::ConversationField;

fn main() {
    let _ = ConversationField::STATE.contains(ConversationState::Open);
    let _ = ConversationField::STATE.starts_with("op");
}
