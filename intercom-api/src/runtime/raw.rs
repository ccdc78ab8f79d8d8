//! Raw requests: any method, path, query and body, through the same auth, version, retry and
//! error handling as the generated operations — for endpoints outside the pinned spec.

use std::borrow::Cow;

use reqwest::Method;

use super::{Client, Download, Error, Request, RequestOptions, Response};

/// A request to any endpoint, built by [`Client::raw`].
#[derive(Debug)]
#[must_use = "a request does nothing until it is sent"]
pub struct RawRequest<'a> {
    client: &'a Client,
    request: Request,
    error: Option<Error>,
}

impl Client {
    /// Starts a request to `path` (e.g. `/conversations/123/run_assignment_rules`), which must
    /// start with `/`; encode ids in it with [`segment`](super::segment).
    ///
    /// GET, PUT and DELETE are retried on transient failures; POST only after
    /// [`RawRequest::retry_non_idempotent`].
    pub fn raw(&self, method: Method, path: impl Into<String>) -> RawRequest<'_> {
        let path = path.into();
        let error = (!path.starts_with('/'))
            .then(|| Error::InvalidInput(format!("raw request path `{path}` must start with `/`")));
        let idempotent = !matches!(method, Method::POST | Method::PATCH);
        let mut request = Request::new(
            method,
            path,
            "",
            "raw",
            idempotent,
            RequestOptions::default(),
        );
        request.template = Cow::Owned(request.path.clone());
        RawRequest {
            client: self,
            request,
            error,
        }
    }
}

impl<'a> RawRequest<'a> {
    /// Adds a query parameter.
    pub fn query(mut self, name: &str, value: impl std::fmt::Display) -> Self {
        self.request.query(name, &value);
        self
    }

    /// Adds a header.
    pub fn header(mut self, name: &str, value: impl std::fmt::Display) -> Self {
        self.request.header(name, &value);
        self
    }

    /// Sets a JSON body.
    pub fn json(mut self, body: &impl serde::Serialize) -> Self {
        if let Err(e) = self.request.json(body) {
            self.error.get_or_insert(e);
        }
        self
    }

    /// Sends this request with another `Intercom-Version` than the client's (e.g. an older
    /// version for an endpoint the pinned version dropped).
    pub fn intercom_version(mut self, version: impl Into<String>) -> Self {
        self.request.options.version = Some(version.into());
        self
    }

    /// Lets the client retry this request on transient failures although its method is not
    /// idempotent.
    pub fn retry_non_idempotent(mut self) -> Self {
        self.request.options.retry_non_idempotent = true;
        self
    }

    fn ready(self) -> Result<(&'a Client, Request), Error> {
        match self.error {
            Some(e) => Err(e),
            None => Ok((self.client, self.request)),
        }
    }

    /// Sends the request and returns the raw successful response.
    pub async fn send(self) -> Result<Response, Error> {
        let (client, request) = self.ready()?;
        client.execute(request).await
    }

    /// Sends the request and decodes the JSON answer as `T` (`serde_json::Value` for any).
    pub async fn send_json<T: serde::de::DeserializeOwned>(self) -> Result<T, Error> {
        self.send().await?.json()
    }

    /// Sends the request and returns the body unread, to stream it.
    pub async fn download(self) -> Result<Download, Error> {
        let (client, request) = self.ready()?;
        client.download(request).await
    }
}
