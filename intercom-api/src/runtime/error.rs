//! The error type of every call.

use std::fmt;
use std::time::Duration;

use bytes::Bytes;
use reqwest::StatusCode;

use super::ratelimit::RateLimit;

/// Intercom's error body (`{"type": "error.list", "request_id": …, "errors": […]}`).
#[derive(Debug, Clone, PartialEq, Eq, Default, serde::Deserialize)]
#[non_exhaustive]
pub struct ApiError {
    /// Always `error.list`.
    #[serde(rename = "type", default)]
    pub kind: Option<String>,
    /// Intercom's id for the failed request (quote it to Intercom support).
    #[serde(default, deserialize_with = "super::lenient::opt_string")]
    pub request_id: Option<String>,
    /// What went wrong.
    #[serde(default)]
    pub errors: Vec<ApiErrorItem>,
}

/// One entry of [`ApiError::errors`].
#[derive(Debug, Clone, PartialEq, Eq, Default, serde::Deserialize)]
#[non_exhaustive]
pub struct ApiErrorItem {
    /// A machine-readable code such as `not_found` or `conversation_closed`.
    #[serde(default, deserialize_with = "super::lenient::opt_string")]
    pub code: Option<String>,
    /// A human-readable message.
    #[serde(default, deserialize_with = "super::lenient::opt_string")]
    pub message: Option<String>,
    /// The request field the error is about, when Intercom says.
    #[serde(default, deserialize_with = "super::lenient::opt_string")]
    pub field: Option<String>,
}

/// A non-success answer from the API.
#[derive(Debug, Clone)]
#[non_exhaustive]
pub struct ApiFailure {
    /// The HTTP status.
    pub status: StatusCode,
    /// Intercom's decoded `error.list`, when the body was one.
    pub error: Option<ApiError>,
    /// The request id: from the body, else from the `X-Request-Id` header.
    pub request_id: Option<String>,
    /// Rate-limit figures from the `X-RateLimit-*` headers, when present.
    pub rate_limit: Option<RateLimit>,
    /// How long the server asked to wait (`Retry-After`), when it said.
    pub retry_after: Option<Duration>,
    /// The raw response body.
    pub body: Bytes,
}

impl ApiFailure {
    /// Whether any entry of the `error.list` has this code (e.g. `conversation_closed`).
    pub fn has_code(&self, code: &str) -> bool {
        self.error
            .as_ref()
            .is_some_and(|e| e.errors.iter().any(|i| i.code.as_deref() == Some(code)))
    }
}

/// Rate limited (429, or 503 from Intercom's limiter) and the retry budget is spent.
#[derive(Debug, Clone)]
#[non_exhaustive]
pub struct RateLimited {
    /// The last answer.
    pub last: ApiFailure,
    /// How many requests were sent in all.
    pub attempts: u32,
    /// When the limit resets, as the server said (`X-RateLimit-Reset` or `Retry-After`).
    pub reset: Option<std::time::SystemTime>,
}

/// A response body that is not what the operation returns.
#[derive(Debug, Clone)]
#[non_exhaustive]
pub struct DecodeFailure {
    /// The HTTP status of the response.
    pub status: StatusCode,
    /// Where in the JSON decoding failed (serde path, e.g. `data[3].id`).
    pub path: String,
    /// The decoder's message.
    pub message: String,
    /// The start of the body, for diagnosis.
    pub snippet: String,
    /// The request id from the `X-Request-Id` header, if any.
    pub request_id: Option<String>,
}

/// Why a call failed.
#[derive(Debug)]
#[non_exhaustive]
pub enum Error {
    /// The API answered with a non-success status (after any retries).
    Api(Box<ApiFailure>),
    /// Rate limited, and retries are exhausted or the reset is beyond the retry budget.
    RateLimited(Box<RateLimited>),
    /// The request could not be sent or the response could not be read.
    Transport(reqwest::Error),
    /// The request (or connecting) took longer than the configured timeout.
    Timeout(reqwest::Error),
    /// The response body was not what the operation returns.
    Decode(Box<DecodeFailure>),
    /// The arguments were rejected before anything was sent (for example an empty id).
    InvalidInput(String),
    /// The response body (counted after decompression) was larger than the client accepts
    /// ([`ClientBuilder::max_response_bytes`](super::ClientBuilder::max_response_bytes)); reading
    /// stopped at the limit.
    TooLarge {
        /// The HTTP status of the response.
        status: StatusCode,
        /// The limit in bytes.
        limit: u64,
    },
}

impl Error {
    /// The HTTP status, when there was a response.
    pub fn status(&self) -> Option<StatusCode> {
        match self {
            Error::Api(f) => Some(f.status),
            Error::RateLimited(r) => Some(r.last.status),
            Error::Decode(d) => Some(d.status),
            Error::Transport(e) | Error::Timeout(e) => e.status(),
            Error::TooLarge { status, .. } => Some(*status),
            Error::InvalidInput(_) => None,
        }
    }

    /// Whether the same request may succeed if sent again later: exactly the failures the
    /// client's retry loop retries (rate limits, 500/502/503/504, connection failures, timeouts
    /// and connections broken while the body was read).
    pub fn is_retryable(&self) -> bool {
        match self {
            Error::Api(f) => is_retryable_status(f.status),
            Error::RateLimited(_) | Error::Timeout(_) => true,
            Error::Transport(e) => is_transient(e),
            Error::Decode(_) | Error::InvalidInput(_) | Error::TooLarge { .. } => false,
        }
    }

    /// The API's answer, for API errors and exhausted rate limits.
    pub fn api_failure(&self) -> Option<&ApiFailure> {
        match self {
            Error::Api(f) => Some(f),
            Error::RateLimited(r) => Some(&r.last),
            _ => None,
        }
    }

    /// The decoded `error.list` of an API error.
    pub fn api_error(&self) -> Option<&ApiError> {
        self.api_failure().and_then(|f| f.error.as_ref())
    }

    /// Intercom's request id, when the failure has one.
    pub fn request_id(&self) -> Option<&str> {
        match self {
            Error::Decode(d) => d.request_id.as_deref(),
            _ => self.api_failure().and_then(|f| f.request_id.as_deref()),
        }
    }

    /// Whether the API answered with this error code (e.g. `conversation_closed`).
    pub fn has_code(&self, code: &str) -> bool {
        self.api_failure().is_some_and(|f| f.has_code(code))
    }
}

/// Statuses worth retrying: Intercom's rate limits (429, 503) and transient server errors.
pub(crate) fn is_retryable_status(status: StatusCode) -> bool {
    matches!(status.as_u16(), 429 | 500 | 502 | 503 | 504)
}

/// Whether a transport failure is worth retrying: connecting failed, the request could not
/// be sent, it timed out, or the connection broke while the body was read.
pub(crate) fn is_transient(e: &reqwest::Error) -> bool {
    e.is_connect() || e.is_timeout() || e.is_request() || broke_mid_body(e)
}

/// Whether the connection broke while the body was read. The body reader may wrap that
/// failure in a decoding error, so the whole chain of causes is looked at.
fn broke_mid_body(e: &reqwest::Error) -> bool {
    let mut cause: Option<&(dyn std::error::Error + 'static)> = Some(e);
    while let Some(error) = cause {
        if error
            .downcast_ref::<reqwest::Error>()
            .is_some_and(reqwest::Error::is_body)
        {
            return true;
        }
        cause = error.source();
    }
    false
}

/// The first `max` characters of a body, for messages; only a prefix of the body is looked
/// at (at most four bytes per character), however large the body is.
pub(crate) fn snippet(body: &[u8], max: usize) -> String {
    let prefix = &body[..body.len().min(max.saturating_mul(4))];
    let text = String::from_utf8_lossy(prefix);
    let mut chars = text.chars();
    let mut out: String = chars.by_ref().take(max).collect();
    if chars.next().is_some() || prefix.len() < body.len() {
        out.push('…');
    }
    out
}

impl fmt::Display for ApiFailure {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "Intercom API error {}", self.status)?;
        match &self.error {
            Some(e) if !e.errors.is_empty() => {
                for item in &e.errors {
                    let code = item.code.as_deref().unwrap_or("unknown");
                    write!(f, "; {code}: {}", item.message.as_deref().unwrap_or(""))?;
                }
            }
            _ if self.body.is_empty() => {}
            _ => write!(f, ": {}", snippet(&self.body, 200))?,
        }
        if let Some(id) = &self.request_id {
            write!(f, " (request id {id})")?;
        }
        Ok(())
    }
}

impl fmt::Display for Error {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            Error::Api(failure) => failure.fmt(f),
            Error::RateLimited(r) => {
                write!(
                    f,
                    "rate limited, gave up after {} attempts: {}",
                    r.attempts, r.last
                )?;
                if let Some(reset) = r.reset {
                    let secs = reset
                        .duration_since(std::time::UNIX_EPOCH)
                        .map(|d| d.as_secs())
                        .unwrap_or(0);
                    write!(f, "; the limit resets at {secs} (Unix seconds)")?;
                }
                Ok(())
            }
            Error::Transport(e) => write!(f, "request failed: {e}"),
            Error::Timeout(e) => write!(f, "request timed out: {e}"),
            Error::Decode(d) => write!(
                f,
                "cannot decode the {} response at `{}`: {}; body starts: {}",
                d.status, d.path, d.message, d.snippet
            ),
            Error::InvalidInput(message) => write!(f, "invalid input: {message}"),
            Error::TooLarge { status, limit } => write!(
                f,
                "the {status} response body is larger than the limit of {limit} bytes \
                 (see ClientBuilder::max_response_bytes)"
            ),
        }
    }
}

impl std::error::Error for Error {
    fn source(&self) -> Option<&(dyn std::error::Error + 'static)> {
        match self {
            Error::Transport(e) | Error::Timeout(e) => Some(e),
            _ => None,
        }
    }
}

impl From<reqwest::Error> for Error {
    fn from(e: reqwest::Error) -> Self {
        let e = e.without_url();
        if e.is_timeout() {
            Error::Timeout(e)
        } else {
            Error::Transport(e)
        }
    }
}

#[cfg(test)]
mod tests {
    use super::snippet;

    #[test]
    fn snippets_look_only_at_a_prefix() {
        assert_eq!(snippet(b"short", 200), "short");
        assert_eq!(snippet("héllo wörld".as_bytes(), 5), "héllo…");
        let body = vec![b'a'; 300];
        assert_eq!(snippet(&body, 200), format!("{}…", "a".repeat(200)));
        assert_eq!(snippet(&body[..200], 200), "a".repeat(200));
        let multibyte = "é".repeat(100);
        assert_eq!(snippet(multibyte.as_bytes(), 100), multibyte);
    }

    #[test]
    fn a_huge_body_is_not_converted_whole() {
        // Invalid UTF-8 everywhere: converting the whole body would allocate three bytes per
        // input byte (U+FFFD); the snippet must stay small and fast however large the body.
        let body = vec![0xFFu8; 64 << 20];
        let started = std::time::Instant::now();
        for _ in 0..50 {
            let text = snippet(&body, 200);
            assert_eq!(text.chars().count(), 201);
        }
        assert!(started.elapsed() < std::time::Duration::from_secs(2));
    }
}
