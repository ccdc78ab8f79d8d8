//! Type-level rejections of the search builder: each file under `tests/ui/` must fail to
//! compile with the error recorded next to it.
//!
//! All cases go to one `TestCases`, which trybuild checks in a single `cargo check`. The
//! recorded messages list `Timestamp`'s conversions, so this crate enables neither the
//! `chrono` nor the `time` feature of `intercom-api`.

#[test]
fn type_level_rejections() {
    let cases = trybuild::TestCases::new();
    cases.compile_fail("tests/ui/*.rs");
}
