//! How the pages of a search endpoint are read. The [`Paged`](super::Paged) impls are
//! generated with the resources (`generated/search.rs`), from each search operation's
//! pagination: these tests check the cursor they read.

use super::resource::Paged;
use crate::models::ContactList;
use crate::search::Contacts;

fn next_of(json: &str) -> Option<String> {
    let response = crate::runtime::Response::new(
        reqwest::StatusCode::OK,
        Default::default(),
        json.to_owned().into(),
    );
    let list: ContactList = response.json().expect("contact list");
    <Contacts as Paged>::next_cursor(&list)
}

#[test]
fn reads_the_next_cursor_in_every_form() {
    let object = r#"{"data":[],"pages":{"next":{"page":2,"starting_after":"WzE2"}}}"#;
    assert_eq!(next_of(object).as_deref(), Some("WzE2"));
    let url =
        r#"{"pages":{"next":"https://api.intercom.io/contacts?per_page=5&starting_after=abc%3D"}}"#;
    assert_eq!(next_of(url).as_deref(), Some("abc="));
    for last in [
        r#"{"pages":{"next":null}}"#,
        r#"{"pages":{}}"#,
        r#"{}"#,
        r#"{"pages":{"next":{"page":2}}}"#,
        r#"{"pages":{"next":"https://api.intercom.io/contacts?page=2"}}"#,
    ] {
        assert_eq!(next_of(last), None, "{last}");
    }
}
