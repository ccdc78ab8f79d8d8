//! How the wrappers name a contact.

/// Who a contact is, in the three ways Intercom accepts.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum ContactRef {
    /// Intercom's own contact id.
    IntercomUserId(String),
    /// Your `user_id` (external id) of the contact.
    UserId(String),
    /// The contact's email address.
    Email(String),
}
