//! The hand-written runtime every call goes through: the [`Client`] and its configuration
//! ([`ClientBuilder`], [`Region`], [`RetryPolicy`]), sending with retries, the deadline and the
//! shared rate limiter, decoding (leniently, with [`DecodeWarning`]s), the [`Error`] type,
//! pagination ([`pages`], [`items`]), raw requests ([`Client::raw`]) and streamed downloads
//! ([`Download`]), and the value types the models use ([`Timestamp`], [`Nullable`],
//! [`IntoId`]).
//!
//! The main types are re-exported at the crate root, and the crate page is the guide to using
//! them. The rest is the plumbing of the generated request builders ([`Request`],
//! [`Response`], [`segment`], the [`lenient`] decoders), public so that raw requests and tests
//! can use it too.

mod body;
mod call;
mod client;
mod config;
mod decode;
mod download;
mod enums;
mod error;
pub mod field;
mod fit;
pub(crate) mod id;
pub mod lenient;
mod limiter;
mod nullable;
#[doc(hidden)]
pub mod object;
mod paginate;
mod ratelimit;
mod raw;
mod request;
mod response;
mod send;
#[cfg(feature = "redis")]
mod shared;
mod timestamp;
mod untagged;

pub use bytes::Bytes;
pub use client::{
    Client, ClientBuilder, SleepFn, BASE_URL_ENV, DEFAULT_DEADLINE, DEFAULT_MAX_RESPONSE_BYTES,
    TOKEN_ENV,
};
pub use config::{Region, RequestOptions, RetryPolicy};
#[cfg(feature = "webhooks")]
pub(crate) use decode::salvage;
pub use decode::{DecodeWarning, Decoded, Salvage, MAX_SALVAGE};
pub use download::Download;
#[doc(hidden)]
pub use enums::{StrVisitor, StringEnum};
pub use error::{ApiError, ApiErrorItem, ApiFailure, DecodeFailure, Error, RateLimited};
pub use fit::{fit, fit_order, Fit};
pub use futures_util::Stream;
pub use id::{numeric_id, IntoId};
pub use limiter::RateLimitStatus;
pub use nullable::Nullable;
pub use paginate::{items, pages, NextLink, PageInfo, PageKind, PageLinks};
pub use ratelimit::RateLimit;
pub use raw::RawRequest;
pub use request::{RawBody, Request};
pub use reqwest::{Method, StatusCode};
pub use response::Response;
#[cfg(feature = "redis")]
pub use shared::{SharedKey, SharedRedis, DEFAULT_SHARED_RATE_LIMIT_TIMEOUT};
pub use timestamp::Timestamp;
#[doc(hidden)]
pub use untagged::{alternative, untagged, Misfit};

use percent_encoding::{utf8_percent_encode, AsciiSet, NON_ALPHANUMERIC};

/// Everything but RFC 3986 unreserved characters is encoded in a path segment.
const SEGMENT: &AsciiSet = &NON_ALPHANUMERIC
    .remove(b'-')
    .remove(b'_')
    .remove(b'.')
    .remove(b'~');

/// Encodes a path parameter as exactly one path segment.
///
/// An empty value, `.` and `..` are an [`Error::InvalidInput`] (URL parsers would treat the
/// dots as directory steps even when percent-encoded); `/`, `?` and `#` are percent-encoded.
pub fn segment(name: &str, value: &str) -> Result<String, Error> {
    if value.is_empty() {
        return Err(Error::InvalidInput(format!(
            "path parameter `{name}` must not be empty"
        )));
    }
    if value == "." || value == ".." {
        // URL parsers treat these (even percent-encoded) as "this" and "parent" directory.
        return Err(Error::InvalidInput(format!(
            "path parameter `{name}` cannot be `{value}`"
        )));
    }
    Ok(utf8_percent_encode(value, SEGMENT).to_string())
}

/// The string value of property `tag` of a JSON object, if any.
pub fn tag_of<'v>(value: &'v serde_json::Value, tag: &str) -> Option<&'v str> {
    value.get(tag).and_then(serde_json::Value::as_str)
}

/// Decodes a JSON value into `T`, reporting failures through the caller's serde error type.
pub fn from_value<T: serde::de::DeserializeOwned, E: serde::de::Error>(
    value: serde_json::Value,
) -> Result<T, E> {
    serde_path_to_error::deserialize(value)
        .map_err(|e| E::custom(format!("at `{}`: {}", e.path(), e.inner())))
}

/// Decodes `json` as `T` exactly as a response body is decoded (for tests over spec
/// examples): the warnings of a salvaged decode, or the error (with `strict`, any warning).
pub fn check_decode<T: serde::de::DeserializeOwned>(
    json: &str,
    strict: bool,
) -> Result<Vec<DecodeWarning>, Error> {
    let mut response = Response::new(
        StatusCode::OK,
        reqwest::header::HeaderMap::new(),
        Bytes::copy_from_slice(json.as_bytes()),
    );
    response.strict = strict;
    response.json_with_warnings::<T>().map(|d| d.warnings)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn segments_cannot_change_the_path() {
        assert_eq!(segment("id", "../admins").unwrap(), "..%2Fadmins");
        assert_eq!(segment("id", "1/reply?x=").unwrap(), "1%2Freply%3Fx%3D");
        assert!(matches!(segment("id", ".."), Err(Error::InvalidInput(_))));
        assert!(matches!(segment("id", "."), Err(Error::InvalidInput(_))));
        assert_eq!(segment("id", "...").unwrap(), "...");
        assert_eq!(segment("id", "a b#c").unwrap(), "a%20b%23c");
        assert_eq!(segment("id", "abc-1_2.3~").unwrap(), "abc-1_2.3~");
        assert!(matches!(segment("id", ""), Err(Error::InvalidInput(m)) if m.contains("`id`")));
    }
}
