//! One request as the generated builders describe it, and the raw response.

use std::fmt::Display;

use bytes::Bytes;
use reqwest::header::HeaderMap;
use reqwest::{Method, StatusCode};

use super::error::snippet;
use super::Error;

/// A request ready to send: method, encoded path, query, headers and JSON body.
#[derive(Debug, Clone)]
pub struct Request {
    pub(crate) method: Method,
    pub(crate) path: String,
    pub(crate) template: &'static str,
    pub(crate) operation: &'static str,
    pub(crate) query: Vec<(String, String)>,
    pub(crate) headers: Vec<(String, String)>,
    pub(crate) body: Option<Vec<u8>>,
}

impl Request {
    /// A request for `path` (already encoded), described by its spec `template` and operation id.
    pub fn new(
        method: Method,
        path: String,
        template: &'static str,
        operation: &'static str,
    ) -> Self {
        Request {
            method,
            path,
            template,
            operation,
            query: Vec::new(),
            headers: Vec::new(),
            body: None,
        }
    }

    /// Adds a query parameter.
    pub fn query(&mut self, name: &str, value: &(impl Display + ?Sized)) {
        self.query.push((name.to_string(), value.to_string()));
    }

    /// Adds an object-valued query parameter, exploded into one parameter per property
    /// (OpenAPI `style: form, explode: true`).
    pub fn query_object(&mut self, name: &str, value: &impl serde::Serialize) -> Result<(), Error> {
        let value = serde_json::to_value(value)
            .map_err(|e| Error::InvalidInput(format!("query parameter `{name}`: {e}")))?;
        let serde_json::Value::Object(map) = value else {
            return Err(Error::InvalidInput(format!(
                "query parameter `{name}` must be an object"
            )));
        };
        for (key, v) in map {
            match v {
                serde_json::Value::Null => {}
                serde_json::Value::String(s) => self.query.push((key, s)),
                other => self.query.push((key, other.to_string())),
            }
        }
        Ok(())
    }

    /// Adds a header.
    pub fn header(&mut self, name: &str, value: &(impl Display + ?Sized)) {
        self.headers.push((name.to_string(), value.to_string()));
    }

    /// Sets the JSON body.
    pub fn json(&mut self, body: &impl serde::Serialize) -> Result<(), Error> {
        let bytes = serde_json::to_vec(body)
            .map_err(|e| Error::InvalidInput(format!("request body: {e}")))?;
        self.body = Some(bytes);
        Ok(())
    }

    /// Sets a body the caller encoded (e.g. `multipart/form-data`), with its content type.
    pub fn raw_body(&mut self, body: RawBody) {
        self.headers
            .push(("Content-Type".into(), body.content_type));
        self.body = Some(body.bytes.to_vec());
    }

    /// The spec's path template, e.g. `/conversations/{conversation_id}`.
    pub fn template(&self) -> &'static str {
        self.template
    }

    /// The operation id.
    pub fn operation(&self) -> &'static str {
        self.operation
    }
}

/// A request body in a media type other than JSON, encoded by the caller.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct RawBody {
    /// The full `Content-Type`, e.g. `multipart/form-data; boundary=XYZ`.
    pub content_type: String,
    /// The encoded body.
    pub bytes: Bytes,
}

impl RawBody {
    /// A body of `bytes` sent with `content_type`.
    pub fn new(content_type: impl Into<String>, bytes: impl Into<Bytes>) -> Self {
        RawBody {
            content_type: content_type.into(),
            bytes: bytes.into(),
        }
    }
}

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

impl Response {
    /// Decodes the body as JSON; a failure names the JSON path and shows the start of the body.
    pub fn json<T: serde::de::DeserializeOwned>(self) -> Result<T, Error> {
        let de = &mut serde_json::Deserializer::from_slice(&self.body);
        serde_path_to_error::deserialize(de).map_err(|e| Error::Decode {
            status: self.status,
            path: e.path().to_string(),
            message: e.inner().to_string(),
            snippet: snippet(&self.body, 300),
        })
    }

    /// The body as text.
    pub fn text(self) -> Result<String, Error> {
        String::from_utf8(self.body.to_vec()).map_err(|e| Error::Decode {
            status: self.status,
            path: String::new(),
            message: format!("body is not UTF-8: {e}"),
            snippet: snippet(&self.body, 300),
        })
    }

    /// The `Location` header of a redirect.
    pub fn location(self) -> Result<String, Error> {
        self.headers
            .get(reqwest::header::LOCATION)
            .and_then(|v| v.to_str().ok())
            .map(str::to_string)
            .ok_or_else(|| Error::Decode {
                status: self.status,
                path: String::new(),
                message: "the redirect has no Location header".into(),
                snippet: snippet(&self.body, 300),
            })
    }

    /// The raw body.
    pub fn into_bytes(self) -> Bytes {
        self.body
    }
}
