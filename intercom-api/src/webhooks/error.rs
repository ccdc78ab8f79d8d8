//! What can go wrong when checking or reading a webhook delivery.

use std::fmt;

/// Why a webhook delivery was refused: its signature did not check out, or its body is not a
/// notification.
///
/// The signature variants say exactly what was wrong with the `X-Hub-Signature` header, which
/// helps to tell a misconfigured secret ([`Mismatch`](Self::Mismatch)) from a proxy that
/// mangles headers (the others). Answer any of them with `401 Unauthorized`, and the body
/// variants with `400 Bad Request`.
#[derive(Debug)]
#[non_exhaustive]
pub enum WebhookError {
    /// The client secret to verify with is empty: almost certainly a missing configuration
    /// value, and a signature keyed with an empty secret proves nothing.
    EmptySecret,
    /// The `X-Hub-Signature` header is empty (or was not sent).
    EmptySignature,
    /// The header does not start with `sha1=`.
    MissingPrefix,
    /// A character after `sha1=` is not a hexadecimal digit.
    BadHex {
        /// The offending character.
        found: char,
        /// Its position (in characters) after `sha1=`.
        position: usize,
    },
    /// The signature after `sha1=` does not have the 40 hexadecimal digits of a SHA-1 digest.
    WrongLength {
        /// How many characters followed `sha1=`.
        found: usize,
    },
    /// The signature is well formed but was not made from this body with this secret.
    Mismatch,
    /// The body is not JSON.
    InvalidJson(serde_json::Error),
    /// The body is JSON but not shaped like a notification (a required field is missing or
    /// has the wrong type); the message says where.
    InvalidEnvelope(String),
    /// The body's `type` is not `notification_event`.
    NotANotification {
        /// The `type` the body has.
        found: String,
    },
}

impl WebhookError {
    /// Whether this error is about the signature (answer `401`) rather than the body (`400`).
    pub fn is_signature_error(&self) -> bool {
        matches!(
            self,
            Self::EmptySecret
                | Self::EmptySignature
                | Self::MissingPrefix
                | Self::BadHex { .. }
                | Self::WrongLength { .. }
                | Self::Mismatch
        )
    }
}

impl fmt::Display for WebhookError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            Self::EmptySecret => f.write_str("the client secret to verify webhooks with is empty"),
            Self::EmptySignature => f.write_str("the X-Hub-Signature header is empty or missing"),
            Self::MissingPrefix => f.write_str("the X-Hub-Signature header does not start with `sha1=`"),
            Self::BadHex { found, position } => write!(
                f,
                "the X-Hub-Signature header has {found:?} at position {position} after `sha1=`, which is not a hexadecimal digit"
            ),
            Self::WrongLength { found } => write!(
                f,
                "the X-Hub-Signature header has {found} hexadecimal digits after `sha1=`, expected 40"
            ),
            Self::Mismatch => f.write_str(
                "the X-Hub-Signature does not match the body: wrong client secret, or the body was altered",
            ),
            Self::InvalidJson(e) => write!(f, "the webhook body is not JSON: {e}"),
            Self::InvalidEnvelope(message) => {
                write!(f, "the webhook body is not a notification: {message}")
            }
            Self::NotANotification { found } => write!(
                f,
                "the webhook body has type {found:?}, expected \"notification_event\""
            ),
        }
    }
}

impl std::error::Error for WebhookError {
    fn source(&self) -> Option<&(dyn std::error::Error + 'static)> {
        match self {
            Self::InvalidJson(e) => Some(e),
            _ => None,
        }
    }
}
