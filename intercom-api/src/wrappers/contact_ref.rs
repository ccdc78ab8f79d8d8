//! How the wrappers name a contact.

use crate::IntoId;

/// Who a contact is, in the three ways Intercom accepts.
///
/// ```
/// use intercom_api::wrappers::ContactRef;
///
/// assert_eq!(ContactRef::id("6762f0dd"), ContactRef::IntercomUserId("6762f0dd".into()));
/// assert_eq!(ContactRef::user_id(314159), ContactRef::UserId("314159".into()));
/// assert_eq!(ContactRef::email("ada@example.com"), ContactRef::Email("ada@example.com".into()));
/// ```
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum ContactRef {
    /// Intercom's own contact id.
    IntercomUserId(String),
    /// Your `user_id` (external id) of the contact.
    UserId(String),
    /// The contact's email address.
    Email(String),
}

impl ContactRef {
    /// The contact with Intercom's id `id`.
    pub fn id(id: impl IntoId) -> Self {
        ContactRef::IntercomUserId(id.into_id())
    }

    /// The contact with your `user_id` (external id) `user_id`.
    pub fn user_id(user_id: impl IntoId) -> Self {
        ContactRef::UserId(user_id.into_id())
    }

    /// The contact with the email address `email`.
    pub fn email(email: impl Into<String>) -> Self {
        ContactRef::Email(email.into())
    }
}
