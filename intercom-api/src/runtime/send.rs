//! Sending a request: auth, version, retries with backoff, tracing, error decoding.

use std::cell::Cell;
use std::time::{Duration, Instant, SystemTime};

use reqwest::header::{ACCEPT, CONTENT_TYPE};
use reqwest::StatusCode;
use tracing::Instrument;

use super::error::{is_retryable_status, ApiFailure, RateLimited};
use super::ratelimit::{retry_after, RateLimit};
use super::response::request_id;
use super::{ApiError, Client, Error, Request, Response};

/// What one attempt produced.
enum Attempt {
    Done(reqwest::Response),
    Failed(ApiFailure),
    Broken(reqwest::Error),
}

impl Client {
    /// Sends a request (retrying as the policy allows) and reads the whole successful body.
    pub async fn execute(&self, request: Request) -> Result<Response, Error> {
        let response = self.send(&request).await?;
        let status = response.status();
        let headers = response.headers().clone();
        let body = response.bytes().await?;
        let mut response = Response::new(status, headers, body);
        response.strict = self.inner.strict_decoding;
        Ok(response)
    }

    /// Sends a request (retrying as the policy allows); the successful body is not read yet.
    pub(crate) async fn send(&self, request: &Request) -> Result<reqwest::Response, Error> {
        let span = tracing::info_span!(
            "intercom.request",
            method = %request.method,
            path = %request.template,
            operation = %request.operation,
        );
        self.send_with_retries(request).instrument(span).await
    }

    async fn send_with_retries(&self, request: &Request) -> Result<reqwest::Response, Error> {
        let policy = &self.inner.retry;
        let may_retry = request.idempotent
            || policy.retry_non_idempotent
            || request.options.retry_non_idempotent;
        let mut waited = Duration::ZERO;
        let mut attempt: u32 = 0;
        loop {
            attempt += 1;
            let started = Instant::now();
            let outcome = self.attempt(request).await;
            let elapsed_ms = started.elapsed().as_millis() as u64;
            let retries_left = may_retry && attempt <= policy.max_retries;
            let wait = match outcome {
                Attempt::Done(response) => {
                    let status = response.status().as_u16();
                    let request_id = request_id(response.headers());
                    tracing::debug!(attempt, status, request_id, elapsed_ms, "response");
                    return Ok(response);
                }
                Attempt::Failed(failure) => {
                    let status = failure.status.as_u16();
                    tracing::debug!(
                        attempt,
                        status,
                        request_id = failure.request_id,
                        elapsed_ms,
                        "error response"
                    );
                    let server_wait = server_wait(&failure, SystemTime::now());
                    let retryable = retries_left && is_retryable_status(failure.status);
                    let wait = server_wait.unwrap_or_else(|| self.backoff(attempt));
                    if !retryable || waited + wait > policy.max_total_wait {
                        return Err(give_up(failure, attempt));
                    }
                    wait
                }
                Attempt::Broken(error) => {
                    tracing::debug!(attempt, error = %error, elapsed_ms, "request failed");
                    let transient = error.is_connect() || error.is_timeout() || error.is_request();
                    let wait = self.backoff(attempt);
                    if !(retries_left && transient) || waited + wait > policy.max_total_wait {
                        return Err(error.into());
                    }
                    wait
                }
            };
            tracing::info!(attempt, wait_ms = wait.as_millis() as u64, "retrying");
            (self.inner.sleep)(wait).await;
            waited += wait;
        }
    }

    /// The backoff before the retry that follows attempt `attempt`, with jitter if enabled.
    fn backoff(&self, attempt: u32) -> Duration {
        let policy = &self.inner.retry;
        let base = policy.backoff(attempt);
        if policy.jitter {
            base / 2 + base.mul_f64(random_unit() / 2.0)
        } else {
            base
        }
    }

    async fn attempt(&self, request: &Request) -> Attempt {
        let inner = &self.inner;
        let version = request.options.version.as_deref().unwrap_or(&inner.version);
        let mut builder = inner
            .http
            .request(
                request.method.clone(),
                format!("{}{}", inner.base_url, request.path),
            )
            .bearer_auth(&inner.token)
            .header("Intercom-Version", version);
        if !request.query.is_empty() {
            builder = builder.query(&request.query);
        }
        let has = |name: &str| {
            request
                .headers
                .iter()
                .any(|(n, _)| n.eq_ignore_ascii_case(name))
        };
        if !has("accept") {
            builder = builder.header(ACCEPT, "application/json");
        }
        for (name, value) in &request.headers {
            builder = builder.header(name.as_str(), value.as_str());
        }
        if let Some(body) = &request.body {
            if !has("content-type") {
                builder = builder.header(CONTENT_TYPE, "application/json");
            }
            builder = builder.body(body.clone());
        }
        let response = match builder.send().await {
            Ok(response) => response,
            Err(error) => return Attempt::Broken(error),
        };
        let status = response.status();
        if status.is_success() || status.is_redirection() {
            return Attempt::Done(response);
        }
        let headers = response.headers().clone();
        match response.bytes().await {
            Ok(body) => Attempt::Failed(failure(status, &headers, body)),
            Err(error) => Attempt::Broken(error),
        }
    }
}

/// An [`ApiFailure`] from a non-success response.
fn failure(
    status: StatusCode,
    headers: &reqwest::header::HeaderMap,
    body: bytes::Bytes,
) -> ApiFailure {
    let error = serde_json::from_slice::<ApiError>(&body)
        .ok()
        .filter(|e| !e.errors.is_empty() || e.kind.is_some());
    let request_id = error
        .as_ref()
        .and_then(|e| e.request_id.clone())
        .or_else(|| request_id(headers));
    ApiFailure {
        status,
        error,
        request_id,
        rate_limit: RateLimit::from_headers(headers),
        retry_after: retry_after(headers, SystemTime::now()),
        body,
    }
}

/// Whether a failure is Intercom's rate limiter: 429, or 503 with the limit used up.
fn is_rate_limited(failure: &ApiFailure) -> bool {
    failure.status == StatusCode::TOO_MANY_REQUESTS
        || failure.status == StatusCode::SERVICE_UNAVAILABLE
            && failure.rate_limit.is_some_and(|r| r.remaining == Some(0))
}

/// How long the server asked us to wait: `Retry-After`, else the rate-limit reset.
fn server_wait(failure: &ApiFailure, now: SystemTime) -> Option<Duration> {
    if let Some(wait) = failure.retry_after {
        return Some(wait);
    }
    if !is_rate_limited(failure) {
        return None;
    }
    let reset = failure.rate_limit?.reset?;
    Some(reset.duration_since(now).unwrap_or(Duration::ZERO))
}

/// The error to return when no retry follows.
fn give_up(failure: ApiFailure, attempts: u32) -> Error {
    if is_rate_limited(&failure) {
        let now = SystemTime::now();
        let reset = failure
            .rate_limit
            .and_then(|r| r.reset)
            .or_else(|| failure.retry_after.map(|wait| now + wait));
        return Error::RateLimited(Box::new(RateLimited {
            last: failure,
            attempts,
            reset,
        }));
    }
    Error::Api(Box::new(failure))
}

thread_local! {
    static SEED: Cell<u64> = Cell::new(
        SystemTime::now()
            .duration_since(SystemTime::UNIX_EPOCH)
            .map(|d| d.as_nanos() as u64)
            .unwrap_or(0x9E37_79B9_7F4A_7C15)
            | 1,
    );
}

/// A uniform number in `[0, 1)` (xorshift; jitter needs no cryptographic quality).
fn random_unit() -> f64 {
    SEED.with(|seed| {
        let mut x = seed.get();
        x ^= x << 13;
        x ^= x >> 7;
        x ^= x << 17;
        seed.set(x);
        (x >> 11) as f64 / (1u64 << 53) as f64
    })
}

#[cfg(test)]
mod tests {
    use super::random_unit;

    #[test]
    fn random_unit_stays_in_range() {
        for _ in 0..10_000 {
            let x = random_unit();
            assert!((0.0..1.0).contains(&x));
        }
    }
}
