//! Reading response bodies with a size cap, counted after decompression.

use bytes::Bytes;
use reqwest::header::CONTENT_ENCODING;

use super::Error;

/// How much of an error body is kept: enough for any `error.list`, never a flood.
pub(crate) const ERROR_BODY_CAP: usize = 64 << 10;

/// Why a body could not be read.
pub(crate) enum BodyError {
    /// The connection failed while the body was read (retried like a connection failure).
    Broken(reqwest::Error),
    /// The body is not acceptable (too large); never retried.
    Fatal(Error),
}

/// Reads a successful body whole, failing with [`Error::TooLarge`] as soon as more than
/// `limit` bytes arrived (after decompression). A `Content-Length` above the limit fails
/// before anything is read.
pub(crate) async fn read_capped(
    mut response: reqwest::Response,
    limit: u64,
) -> Result<Bytes, BodyError> {
    let status = response.status();
    let too_large = || BodyError::Fatal(Error::TooLarge { status, limit });
    let encoded = response.headers().contains_key(CONTENT_ENCODING);
    let announced = response.content_length();
    if !encoded && announced.is_some_and(|n| n > limit) {
        return Err(too_large());
    }
    let hint = announced.unwrap_or(0).min(limit).min(1 << 20);
    let mut body = Vec::with_capacity(usize::try_from(hint).unwrap_or(0));
    while let Some(chunk) = response.chunk().await.map_err(BodyError::Broken)? {
        let total = u64::try_from(body.len().saturating_add(chunk.len())).unwrap_or(u64::MAX);
        if total > limit {
            return Err(too_large());
        }
        body.extend_from_slice(&chunk);
    }
    Ok(Bytes::from(body))
}

/// Reads at most [`ERROR_BODY_CAP`] bytes of an error body; what arrived before a failure
/// or the cap is kept, the rest is never read.
pub(crate) async fn read_error_body(mut response: reqwest::Response) -> Bytes {
    let mut body = Vec::new();
    while let Ok(Some(chunk)) = response.chunk().await {
        let room = ERROR_BODY_CAP - body.len();
        if chunk.len() >= room {
            body.extend_from_slice(&chunk[..room]);
            break;
        }
        body.extend_from_slice(&chunk);
    }
    Bytes::from(body)
}
