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
    /// A path with a `.` or `..` segment (also percent-encoded, in any case, or separated by
    /// `\\`), or with CR, LF or NUL, is an [`Error::InvalidInput`] when sent: it is never
    /// resolved or cleaned up silently.
    ///
    /// GET, PUT and DELETE are retried on transient failures; POST only after
    /// [`RawRequest::retry_non_idempotent`] (a 429 is retried for every method).
    pub fn raw(&self, method: Method, path: impl Into<String>) -> RawRequest<'_> {
        let path = path.into();
        let error = check_path(&path).err();
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

/// Why a raw path cannot be sent as it is, if it cannot.
fn check_path(path: &str) -> Result<(), Error> {
    let invalid = |why: &str| {
        Err(Error::InvalidInput(format!(
            "raw request path {path:?} {why}"
        )))
    };
    if !path.starts_with('/') {
        return invalid("must start with `/`");
    }
    if path.contains(['\r', '\n', '\0']) {
        return invalid("contains CR, LF or NUL");
    }
    let end = path.find(['?', '#']).unwrap_or(path.len());
    for segment in path[..end].split(['/', '\\']) {
        let decoded = percent_encoding::percent_decode_str(segment).collect::<Vec<u8>>();
        if decoded == b"." || decoded == b".." {
            return invalid("has a `.` or `..` segment");
        }
    }
    Ok(())
}

impl<'a> RawRequest<'a> {
    /// Adds a query parameter.
    pub fn query(mut self, name: &str, value: impl std::fmt::Display) -> Self {
        self.request.query(name, &value);
        self
    }

    /// Adds a header. A header the client sets itself (`Authorization`, `Intercom-Version`,
    /// `Accept`, `Content-Type`, `User-Agent`) replaces the client's value; `Host`,
    /// `Content-Length`, `Transfer-Encoding` and `Connection` are refused, and so is a value
    /// with CR, LF or NUL ([`Error::InvalidInput`] naming the header, when sent).
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

    /// Ends this call (all attempts and waits) after `deadline` instead of the client's.
    pub fn deadline(mut self, deadline: std::time::Duration) -> Self {
        self.request.options.deadline = Some(deadline);
        self
    }

    /// Accepts a `3xx` answer as this request's success (never followed: read the target
    /// with [`Response::location`]); without it a `3xx` is an [`Error::Api`].
    pub fn expect_redirect(mut self) -> Self {
        self.request.expect_redirect();
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

#[cfg(test)]
mod tests {
    use super::check_path;

    #[test]
    fn paths_that_would_move_or_split_are_refused() {
        for bad in [
            "me",
            "/../admins",
            "/contacts/..",
            "/a/./b",
            "/a/%2e%2e/b",
            "/a/%2E%2e/b",
            "/a/.%2E",
            "/a/%2e",
            "/a\\..\\b",
            "/me\r\nX-Injected: 1",
            "/me\n",
            "/me\0",
        ] {
            assert!(check_path(bad).is_err(), "{bad:?}");
        }
        for good in [
            "/me",
            "/me%0d%0a",
            "/a/.../b",
            "/a/..b",
            "/a/%2e%2e%2e",
            "/search?q=..",
            "/",
        ] {
            assert!(check_path(good).is_ok(), "{good:?}");
        }
    }
}
