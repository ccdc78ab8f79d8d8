//! What the wrappers share: ids the wire wants as integers.

/// An id the API wants as an integer, where a request builder is returned rather than a
/// `Result`: the number and, when `id` is not one, the reason to refuse the request (the
/// number is then `0`, never sent: pass the reason to the builder's `refuse_if`).
pub(super) fn wire_integer(what: &str, id: impl crate::IntoId) -> (i64, Option<String>) {
    match crate::runtime::id::integer_id(what, &id.into_id()) {
        Ok(number) => (number, None),
        Err(reason) => (0, Some(reason)),
    }
}
