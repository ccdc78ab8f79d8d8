//! The error type of every call.

use std::fmt;

use bytes::Bytes;
use reqwest::StatusCode;

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

/// Why a call failed.
#[derive(Debug)]
#[non_exhaustive]
pub enum Error {
    /// The API answered with a non-success status.
    Api {
        /// The HTTP status.
        status: StatusCode,
        /// The decoded `error.list`, when the body was one.
        error: Option<ApiError>,
        /// The raw response body.
        body: Bytes,
    },
    /// The request could not be sent or the response could not be read.
    Transport(reqwest::Error),
    /// The response body was not what the operation returns.
    Decode {
        /// The HTTP status of the response.
        status: StatusCode,
        /// Where in the JSON decoding failed (serde path, e.g. `data[3].id`).
        path: String,
        /// The decoder's message.
        message: String,
        /// The start of the body, for diagnosis.
        snippet: String,
    },
    /// The arguments were rejected before anything was sent (for example an empty id).
    InvalidInput(String),
}

impl Error {
    /// The HTTP status, when there was a response.
    pub fn status(&self) -> Option<StatusCode> {
        match self {
            Error::Api { status, .. } | Error::Decode { status, .. } => Some(*status),
            Error::Transport(e) => e.status(),
            Error::InvalidInput(_) => None,
        }
    }

    /// Whether the same request may succeed if tried again later.
    pub fn is_retryable(&self) -> bool {
        match self {
            Error::Api { status, .. } => matches!(status.as_u16(), 429 | 500 | 502 | 503 | 504),
            Error::Transport(e) => e.is_timeout() || e.is_connect() || e.is_request(),
            Error::Decode { .. } | Error::InvalidInput(_) => false,
        }
    }

    /// The decoded `error.list` of an API error.
    pub fn api_error(&self) -> Option<&ApiError> {
        match self {
            Error::Api { error, .. } => error.as_ref(),
            _ => None,
        }
    }
}

/// The first `max` characters of a body, for messages.
pub(crate) fn snippet(body: &[u8], max: usize) -> String {
    let text = String::from_utf8_lossy(body);
    let mut out: String = text.chars().take(max).collect();
    if text.chars().count() > max {
        out.push('…');
    }
    out
}

impl fmt::Display for Error {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            Error::Api {
                status,
                error: Some(e),
                ..
            } => {
                write!(f, "Intercom API error {status}")?;
                for item in &e.errors {
                    let code = item.code.as_deref().unwrap_or("unknown");
                    write!(f, "; {code}: {}", item.message.as_deref().unwrap_or(""))?;
                }
                if let Some(id) = &e.request_id {
                    write!(f, " (request id {id})")?;
                }
                Ok(())
            }
            Error::Api { status, body, .. } => {
                write!(f, "Intercom API error {status}: {}", snippet(body, 200))
            }
            Error::Transport(e) => write!(f, "request failed: {e}"),
            Error::Decode {
                status,
                path,
                message,
                snippet,
            } => {
                write!(f, "cannot decode the {status} response at `{path}`: {message}; body starts: {snippet}")
            }
            Error::InvalidInput(message) => write!(f, "invalid input: {message}"),
        }
    }
}

impl std::error::Error for Error {
    fn source(&self) -> Option<&(dyn std::error::Error + 'static)> {
        match self {
            Error::Transport(e) => Some(e),
            _ => None,
        }
    }
}

impl From<reqwest::Error> for Error {
    fn from(e: reqwest::Error) -> Self {
        Error::Transport(e.without_url())
    }
}
