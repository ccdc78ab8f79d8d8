// `<` and `>` exist for numbers and dates only: `has_hard_bounced` is a Boolean.
use intercom_api::search::ContactField;

fn main() {
    let _ = ContactField::HAS_HARD_BOUNCED.lt(true);
}
