//! One request as a generated builder (or a raw call) describes it.

use std::borrow::Cow;
use std::fmt::Display;

use bytes::Bytes;
use reqwest::Method;

use super::{Error, RequestOptions};

/// A request ready to send: method, encoded path, query, headers and body, plus what the
/// retry logic needs to know (is it idempotent, per-request options).
#[derive(Debug, Clone)]
pub struct Request {
    pub(crate) method: Method,
    pub(crate) path: String,
    pub(crate) template: Cow<'static, str>,
    pub(crate) operation: Cow<'static, str>,
    pub(crate) idempotent: bool,
    pub(crate) options: RequestOptions,
    pub(crate) query: Vec<(String, String)>,
    pub(crate) headers: Vec<(String, String)>,
    pub(crate) body: Option<Bytes>,
    pub(crate) expects_redirect: bool,
}

impl Request {
    /// A request for `path` (already encoded), described by its spec `template` and
    /// operation id; `idempotent` requests are retried on transient failures.
    pub fn new(
        method: Method,
        path: String,
        template: &'static str,
        operation: &'static str,
        idempotent: bool,
        options: RequestOptions,
    ) -> Self {
        Request {
            method,
            path,
            template: Cow::Borrowed(template),
            operation: Cow::Borrowed(operation),
            idempotent,
            options,
            query: Vec::new(),
            headers: Vec::new(),
            body: None,
            expects_redirect: false,
        }
    }

    /// Marks this request as answered by a redirect: a `3xx` response is then its success
    /// (never followed; read the target with [`Response::location`](super::Response::location)).
    /// For every other request a `3xx` is an [`Error::Api`].
    pub fn expect_redirect(&mut self) {
        self.expects_redirect = true;
    }

    /// Whether a `3xx` response is this request's success.
    pub fn expects_redirect(&self) -> bool {
        self.expects_redirect
    }

    /// Adds a query parameter.
    pub fn query(&mut self, name: &str, value: &(impl Display + ?Sized)) {
        self.query.push((name.to_string(), value.to_string()));
    }

    /// Sets a query parameter, replacing any earlier value of it.
    pub fn set_query(&mut self, name: &str, value: &(impl Display + ?Sized)) {
        self.query.retain(|(n, _)| n != name);
        self.query(name, value);
    }

    /// Adds an object-valued query parameter, exploded into one parameter per property
    /// (OpenAPI `style: form, explode: true`).
    pub fn query_object(&mut self, name: &str, value: &impl serde::Serialize) -> Result<(), Error> {
        let serde_json::Value::Object(map) = query_json(name, value)? else {
            return Err(Error::InvalidInput(format!(
                "query parameter `{name}` must be an object"
            )));
        };
        for (key, v) in map {
            if !v.is_null() {
                self.query.push((key, query_text(v)));
            }
        }
        Ok(())
    }

    /// Adds an array-valued query parameter (OpenAPI `style: form`): one `name=item` per item
    /// when `explode`, else one `name=a,b,c`. Text items are written as they are, other
    /// values as JSON.
    pub fn query_list<T: serde::Serialize>(
        &mut self,
        name: &str,
        items: &[T],
        explode: bool,
    ) -> Result<(), Error> {
        let mut texts = Vec::with_capacity(items.len());
        for item in items {
            texts.push(query_text(query_json(name, item)?));
        }
        if explode {
            for text in texts {
                self.query.push((name.to_string(), text));
            }
        } else if !texts.is_empty() {
            self.query.push((name.to_string(), texts.join(",")));
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
        self.body = Some(Bytes::from(bytes));
        Ok(())
    }

    /// Sets a body the caller encoded (e.g. `multipart/form-data`), with its content type.
    pub fn raw_body(&mut self, body: RawBody) {
        self.headers
            .push(("Content-Type".into(), body.content_type));
        self.body = Some(body.bytes);
    }

    /// The HTTP method.
    pub fn method(&self) -> &Method {
        &self.method
    }

    /// The encoded path, e.g. `/conversations/123`.
    pub fn path(&self) -> &str {
        &self.path
    }

    /// The spec's path template, e.g. `/conversations/{conversation_id}`.
    pub fn template(&self) -> &str {
        &self.template
    }

    /// The operation id.
    pub fn operation(&self) -> &str {
        &self.operation
    }

    /// The query parameters, in order.
    pub fn query_pairs(&self) -> &[(String, String)] {
        &self.query
    }

    /// The body, if any.
    pub fn body(&self) -> Option<&Bytes> {
        self.body.as_ref()
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

/// A query parameter's value as JSON, or the input error naming the parameter.
fn query_json(name: &str, value: &impl serde::Serialize) -> Result<serde_json::Value, Error> {
    serde_json::to_value(value)
        .map_err(|e| Error::InvalidInput(format!("query parameter `{name}`: {e}")))
}

/// A JSON value as query text: a string as it is, anything else as JSON.
fn query_text(value: serde_json::Value) -> String {
    match value {
        serde_json::Value::String(s) => s,
        other => other.to_string(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn request() -> Request {
        Request::new(
            Method::GET,
            "/x".into(),
            "/x",
            "x",
            true,
            RequestOptions::default(),
        )
    }

    fn pairs(request: &Request) -> Vec<(&str, &str)> {
        request
            .query_pairs()
            .iter()
            .map(|(k, v)| (k.as_str(), v.as_str()))
            .collect()
    }

    #[test]
    fn list_parameters_are_one_per_item_or_comma_separated() {
        let mut exploded = request();
        exploded.query_list("ids", &[1, 2], true).unwrap();
        exploded.query_list("states", &["draft"], true).unwrap();
        assert_eq!(
            pairs(&exploded),
            [("ids", "1"), ("ids", "2"), ("states", "draft")]
        );

        let mut joined = request();
        joined.query_list("ids", &[1, 2, 3], false).unwrap();
        joined
            .query_list("states", &["published", "draft"], false)
            .unwrap();
        joined.query_list::<i64>("none", &[], false).unwrap();
        assert_eq!(
            pairs(&joined),
            [("ids", "1,2,3"), ("states", "published,draft")]
        );
    }
}
