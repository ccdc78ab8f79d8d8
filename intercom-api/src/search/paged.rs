//! How the pages of each search endpoint are read: which property holds the items, where the
//! next cursor is.

use super::Paged;
use crate::models::{
    Contact, ContactList, ConversationList, ConversationListItem, CursorPages, Ticket, TicketList,
};
use crate::runtime::PageLinks;

/// `pages.next.starting_after` of any cursor list (or `starting_after` of a next-page URL).
fn cursor(pages: Option<&CursorPages>) -> Option<String> {
    pages?.next_link().cursor()
}

impl Paged for super::Contacts {
    type List = ContactList;
    type Item = Contact;
    fn items(list: &ContactList) -> &[Contact] {
        list.data.as_deref().unwrap_or_default()
    }
    fn into_items(list: ContactList) -> Vec<Contact> {
        list.data.unwrap_or_default()
    }
    fn next_cursor(list: &ContactList) -> Option<String> {
        cursor(list.pages.as_ref())
    }
    fn total_count(list: &ContactList) -> Option<i64> {
        list.total_count
    }
}

impl Paged for super::Conversations {
    type List = ConversationList;
    type Item = ConversationListItem;
    fn items(list: &ConversationList) -> &[ConversationListItem] {
        list.conversations.as_deref().unwrap_or_default()
    }
    fn into_items(list: ConversationList) -> Vec<ConversationListItem> {
        list.conversations.unwrap_or_default()
    }
    fn next_cursor(list: &ConversationList) -> Option<String> {
        cursor(list.pages.as_ref())
    }
    fn total_count(list: &ConversationList) -> Option<i64> {
        list.total_count
    }
}

impl Paged for super::Tickets {
    type List = TicketList;
    type Item = Ticket;
    fn items(list: &TicketList) -> &[Ticket] {
        list.tickets.as_deref().unwrap_or_default()
    }
    fn into_items(list: TicketList) -> Vec<Ticket> {
        list.tickets.unwrap_or_default()
    }
    fn next_cursor(list: &TicketList) -> Option<String> {
        cursor(list.pages.as_ref())
    }
    fn total_count(list: &TicketList) -> Option<i64> {
        list.total_count
    }
}

#[cfg(test)]
mod tests {
    use super::*;
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
        let url = r#"{"pages":{"next":"https://api.intercom.io/contacts?per_page=5&starting_after=abc%3D"}}"#;
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
}
