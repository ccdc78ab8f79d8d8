//! Type-level rejections of the search builder: each file under `tests/ui/` must fail to
//! compile with the error recorded next to it.
//!
//! The recorded messages list `Timestamp`'s conversions, which the `chrono` and `time`
//! features extend, so the check runs with the default features only.

#[cfg(not(any(feature = "chrono", feature = "time")))]
#[test]
fn type_level_rejections() {
    let cases = trybuild::TestCases::new();
    cases.compile_fail("tests/ui/*.rs");
}
