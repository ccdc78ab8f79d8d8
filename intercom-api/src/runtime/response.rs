//! A successful response, and decoding it.

use bytes::Bytes;
use reqwest::header::HeaderMap;
use reqwest::StatusCode;

use super::decode::{self, DecodeWarning, Decoded};
use super::error::{snippet, DecodeFailure};
use super::Error;

/// A successful response, not yet decoded.
#[derive(Debug, Clone)]
#[non_exhaustive]
pub struct Response {
    /// The status.
    pub status: StatusCode,
    /// The headers.
    pub headers: HeaderMap,
    /// The body.
    pub body: Bytes,
    /// Whether a body that needs salvage is an error ([`ClientBuilder::strict_decoding`](crate::ClientBuilder::strict_decoding)).
    pub strict: bool,
}

/// Intercom's request id header.
pub(crate) fn request_id(headers: &HeaderMap) -> Option<String> {
    headers
        .get("x-request-id")
        .and_then(|v| v.to_str().ok())
        .map(str::to_string)
}

impl Response {
    fn decode_error(&self, path: String, message: String) -> Error {
        Error::Decode(Box::new(DecodeFailure {
            status: self.status,
            path,
            message,
            snippet: snippet(&self.body, 300),
            request_id: request_id(&self.headers),
        }))
    }

    /// A successful response with this status, headers and body, decoded leniently.
    pub fn new(status: StatusCode, headers: HeaderMap, body: Bytes) -> Self {
        Response {
            status,
            headers,
            body,
            strict: false,
        }
    }

    /// Decodes the body as JSON `T`.
    ///
    /// Values that do not fit their field are left out and logged as `tracing` warnings (see
    /// [`json_with_warnings`](Self::json_with_warnings)); with strict decoding they are an
    /// [`Error::Decode`] naming the first. A body that is not JSON, or whose top level is the
    /// wrong kind, is always an error naming the JSON path and showing the start of the body.
    pub fn json<T: serde::de::DeserializeOwned>(self) -> Result<T, Error> {
        let decoded = self.json_with_warnings()?;
        for warning in &decoded.warnings {
            tracing::warn!(
                path = %warning.path,
                request_id = request_id(&self.headers),
                "response value left out: {warning}"
            );
        }
        Ok(decoded.value)
    }

    /// Decodes the body as JSON `T` and says what had to be left out to do so.
    pub fn json_with_warnings<T: serde::de::DeserializeOwned>(&self) -> Result<Decoded<T>, Error> {
        let decoded = decode::decode::<T>(&self.body)
            .map_err(|failure| self.decode_error(failure.path, failure.message))?;
        match decoded.warnings.first() {
            Some(first) if self.strict => Err(self.strict_error(first, decoded.warnings.len())),
            _ => Ok(decoded),
        }
    }

    fn strict_error(&self, first: &DecodeWarning, count: usize) -> Error {
        let more = match count {
            1 => String::new(),
            n => format!(" (and {} more)", n - 1),
        };
        self.decode_error(
            first.path.clone(),
            format!("{} (strict decoding){more}", first.message),
        )
    }

    /// The body as text.
    pub fn text(self) -> Result<String, Error> {
        match String::from_utf8(self.body.to_vec()) {
            Ok(text) => Ok(text),
            Err(e) => Err(self.decode_error(String::new(), format!("body is not UTF-8: {e}"))),
        }
    }

    /// The `Location` header of a redirect.
    pub fn location(self) -> Result<String, Error> {
        match self
            .headers
            .get(reqwest::header::LOCATION)
            .and_then(|v| v.to_str().ok())
        {
            Some(location) => Ok(location.to_string()),
            None => {
                Err(self.decode_error(String::new(), "the redirect has no Location header".into()))
            }
        }
    }

    /// The raw body.
    pub fn into_bytes(self) -> Bytes {
        self.body
    }
}
