//! A typed client for the [Intercom REST API](https://developers.intercom.com/docs/references/rest-api/api.intercom.io).
//!
//! Every operation of the pinned API version (see [`API_VERSION`]) is a method on [`Client`]
//! that returns a request builder: required arguments up front, optional ones as chained
//! setters, then `.send().await`.
//!
//! ```no_run
//! # async fn run() -> Result<(), intercom_api::Error> {
//! let client = intercom_api::Client::new("my-access-token")?;
//! let me = client.admins().identify().send().await?;
//! println!("{:?}", me.email);
//! # Ok(()) }
//! ```
//!
//! Responses decode what Intercom really sends: fields it always sends are plain values, and a
//! value that does not fit its type is left out with a warning (see
//! [`Decoded`], `send_with_warnings()` and [`ClientBuilder::strict_decoding`]) instead of
//! failing the whole response.
//!
//! The models and operations are generated from Intercom's OpenAPI description by
//! `cargo xtask regen`; the runtime (auth, requests, errors) is written by hand.
//!
//! With the `webhooks` feature, the `webhooks` module verifies and decodes the notifications
//! Intercom sends to your endpoint.

#![forbid(unsafe_code)]
#![warn(missing_docs)]

#[allow(missing_docs)]
#[rustfmt::skip]
mod generated;
mod paging;
pub mod runtime;
#[cfg(all(feature = "contacts", feature = "conversations", feature = "tickets"))]
pub mod search;
#[cfg(feature = "webhooks")]
pub mod webhooks;
pub mod wrappers;

pub use generated::{models, operations, API_VERSION};
pub use runtime::{
    ApiError, ApiErrorItem, ApiFailure, Client, ClientBuilder, DecodeWarning, Decoded, Download,
    Error, IntoId, Nullable, PageKind, RateLimit, RateLimitStatus, RateLimited, Region,
    RetryPolicy, Timestamp,
};

/// Test support (feature `testing`, never on by default): every spec example decoded by name.
#[cfg(feature = "testing")]
#[doc(hidden)]
pub use generated::examples;

/// Test support (feature `testing`, never on by default): every operation called from JSON
/// inputs, for the Prism conformance test.
#[cfg(feature = "testing")]
#[doc(hidden)]
pub use generated::conformance;

/// Support for the `intercom-mcp` binary (feature `mcp`): every operation's inputs as JSON
/// Schema.
#[cfg(feature = "mcp")]
#[doc(hidden)]
pub use generated::schemas;

/// Support for the `intercom-mcp` binary (feature `mcp`): every operation called by id from
/// JSON inputs, its typed answer serialized back.
#[cfg(feature = "mcp")]
#[doc(hidden)]
pub use generated::dispatch;

/// The README's examples, compiled as doctests.
#[doc = include_str!("../../README.md")]
#[cfg(doctest)]
pub struct ReadmeDoctests;
