//! A successful response, and decoding it.

use bytes::Bytes;
use reqwest::header::HeaderMap;
use reqwest::StatusCode;

use super::error::{snippet, DecodeFailure};
use super::Error;

/// A successful response, not yet decoded.
#[derive(Debug, Clone)]
pub struct Response {
    /// The status.
    pub status: StatusCode,
    /// The headers.
    pub headers: HeaderMap,
    /// The body.
    pub body: Bytes,
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

    /// Decodes the body as JSON; a failure names the JSON path and shows the start of the body.
    pub fn json<T: serde::de::DeserializeOwned>(self) -> Result<T, Error> {
        decode(&self, &self.body)
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

/// Decodes `body` (a part of `response`) as JSON `T`.
pub(crate) fn decode<T: serde::de::DeserializeOwned>(
    response: &Response,
    body: &[u8],
) -> Result<T, Error> {
    let de = &mut serde_json::Deserializer::from_slice(body);
    serde_path_to_error::deserialize(de)
        .map_err(|e| response.decode_error(e.path().to_string(), e.inner().to_string()))
}
