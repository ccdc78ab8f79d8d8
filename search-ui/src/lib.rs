//! Holds `tests/search_ui.rs`, the compile-fail cases of `intercom_api::search`.
//!
//! trybuild builds a scratch project from the test crate's dependencies and dev-dependencies
//! in its own target directory. From `intercom-api`'s own tests that project would pull in
//! every dev-dependency (axum, wiremock, proptest, the generator) and the `testing` tables;
//! from here it depends on `intercom-api` with its default features only.
