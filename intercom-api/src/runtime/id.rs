//! Ids as arguments: one conversion for `&str`, `String` and integers.

use super::Error;

/// Anything that names a resource by id: `&str`, `String`, `&String`, `Cow<str>`, and the
/// integer types. Every id argument of the client (path arguments, wrapper arguments) takes
/// `impl IntoId`, so `"123"`, `id_string`, `&id_string` and `123` all work.
///
/// ```
/// use intercom_api::IntoId;
///
/// assert_eq!(42u32.into_id(), "42");
/// assert_eq!("c-1".into_id(), "c-1");
/// assert_eq!(String::from("c-1").into_id(), "c-1");
/// ```
///
/// Where the API wants an integer on the wire, [`numeric_id`] checks the text before
/// anything is sent.
pub trait IntoId {
    /// The id as text, as it goes into a path or a body.
    fn into_id(self) -> String;
}

impl IntoId for &str {
    fn into_id(self) -> String {
        self.to_string()
    }
}

impl IntoId for String {
    fn into_id(self) -> String {
        self
    }
}

impl IntoId for &String {
    fn into_id(self) -> String {
        self.clone()
    }
}

impl IntoId for std::borrow::Cow<'_, str> {
    fn into_id(self) -> String {
        self.into_owned()
    }
}

macro_rules! integer_ids {
    ($($t:ty),*) => {
        $(impl IntoId for $t {
            fn into_id(self) -> String {
                self.to_string()
            }
        })*
    };
}

integer_ids!(i32, i64, u32, u64, usize);

/// The id as the integer the wire wants; a non-numeric id is [`Error::InvalidInput`] naming
/// `what` (e.g. `admin_id`).
pub fn numeric_id(what: &str, id: &str) -> Result<i64, Error> {
    integer_id(what, id).map_err(Error::InvalidInput)
}

/// Like [`numeric_id`], with the reason for a non-numeric id as text (what
/// [`RequestOptions::refuse`](super::RequestOptions::refuse) takes).
pub(crate) fn integer_id(what: &str, id: &str) -> Result<i64, String> {
    id.trim()
        .parse::<i64>()
        .map_err(|_| format!("`{what}` must be a numeric id, got {id:?}"))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_kind_of_id_converts() {
        let owned = String::from("abc");
        assert_eq!((&owned).into_id(), "abc");
        assert_eq!(owned.into_id(), "abc");
        assert_eq!(std::borrow::Cow::Borrowed("x").into_id(), "x");
        assert_eq!((-5i32).into_id(), "-5");
        assert_eq!(7usize.into_id(), "7");
        assert_eq!(9_000_000_000i64.into_id(), "9000000000");
    }

    #[test]
    fn numeric_ids_are_checked() {
        assert_eq!(numeric_id("admin_id", "991267459").ok(), Some(991267459));
        let error = numeric_id("admin_id", "ada").err().map(|e| e.to_string());
        assert!(error.is_some_and(|e| e.contains("admin_id") && e.contains("ada")));
        assert!(numeric_id("admin_id", "").is_err());
    }
}
