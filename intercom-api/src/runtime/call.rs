//! What the generated builders' `send()` and `send_with_warnings()` run: one generic function
//! per kind of answer, so that each operation's `send()` is a plain function returning this
//! future rather than an `async fn` of its own.

use serde::de::DeserializeOwned;

use super::{Client, Decoded, Download, Error, Request};

impl Client {
    /// Sends a builder's request and decodes the JSON answer as `T` (a JSON operation's
    /// `send()`).
    #[doc(hidden)]
    pub async fn call_json<T: DeserializeOwned>(
        &self,
        request: Result<Request, Error>,
    ) -> Result<T, Error> {
        self.execute(request?).await?.json()
    }

    /// Sends a builder's request and decodes the JSON answer as `T`, with what did not fit
    /// (a JSON operation's `send_with_warnings()`).
    #[doc(hidden)]
    pub async fn call_json_with_warnings<T: DeserializeOwned>(
        &self,
        request: Result<Request, Error>,
    ) -> Result<Decoded<T>, Error> {
        self.execute(request?).await?.json_with_warnings()
    }

    /// Sends a builder's request whose answer has no body.
    #[doc(hidden)]
    pub async fn call_empty(&self, request: Result<Request, Error>) -> Result<(), Error> {
        self.execute(request?).await.map(|_| ())
    }

    /// Sends a builder's request whose answer is text.
    #[doc(hidden)]
    pub async fn call_text(&self, request: Result<Request, Error>) -> Result<String, Error> {
        self.execute(request?).await?.text()
    }

    /// Sends a builder's request whose answer is a redirect, and returns where it points.
    #[doc(hidden)]
    pub async fn call_redirect(&self, request: Result<Request, Error>) -> Result<String, Error> {
        self.execute(request?).await?.location()
    }

    /// Sends a builder's request whose answer is a binary download.
    #[doc(hidden)]
    pub async fn call_download(&self, request: Result<Request, Error>) -> Result<Download, Error> {
        self.download(request?).await
    }
}
