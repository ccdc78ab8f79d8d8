//! Binary downloads, streamed rather than buffered.

use bytes::Bytes;
use futures_util::{Stream, TryStreamExt};
use reqwest::header::HeaderMap;
use reqwest::StatusCode;

use super::{Client, Error, Request};

/// A successful binary response whose body has not been read yet.
#[derive(Debug)]
pub struct Download {
    response: reqwest::Response,
}

impl Download {
    /// The status.
    pub fn status(&self) -> StatusCode {
        self.response.status()
    }

    /// The headers.
    pub fn headers(&self) -> &HeaderMap {
        self.response.headers()
    }

    /// The `Content-Type`, if given.
    pub fn content_type(&self) -> Option<&str> {
        self.headers()
            .get(reqwest::header::CONTENT_TYPE)?
            .to_str()
            .ok()
    }

    /// The body length, if the server said.
    pub fn content_length(&self) -> Option<u64> {
        self.response.content_length()
    }

    /// The body as a stream of chunks, read as the stream is polled.
    pub fn bytes_stream(self) -> impl Stream<Item = Result<Bytes, Error>> + Send {
        self.response.bytes_stream().map_err(Error::from)
    }

    /// Reads the whole body into memory.
    pub async fn bytes(self) -> Result<Bytes, Error> {
        Ok(self.response.bytes().await?)
    }
}

impl Client {
    /// Sends a request (retrying as the policy allows) and returns the body unread.
    pub async fn download(&self, request: Request) -> Result<Download, Error> {
        Ok(Download {
            response: self.send(&request).await?,
        })
    }
}
