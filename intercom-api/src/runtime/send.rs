//! Sending a request: auth, version, retries with backoff, one deadline per call, tracing,
//! error decoding.

use std::cell::Cell;
use std::future::Future;
use std::time::{Duration, Instant, SystemTime};

use reqwest::header::{HeaderMap, HeaderName, HeaderValue, ACCEPT, AUTHORIZATION, CONTENT_TYPE};
use reqwest::StatusCode;
use tracing::Instrument;

use super::body::{read_capped, read_error_body, BodyError};
use super::client::header_value;
use super::error::{is_retryable_status, is_transient, ApiFailure, RateLimited};
use super::limiter::Slot;
use super::ratelimit::{retry_after, RateLimit};
use super::response::request_id;
use super::{ApiError, Client, Error, Request, Response};

/// What one attempt produced.
enum Attempt<T> {
    Done(T),
    Failed(ApiFailure),
    Broken(reqwest::Error),
    Fatal(Error),
}

/// The parts of a request that are checked once and reused by every attempt.
struct Prepared {
    url: reqwest::Url,
    headers: HeaderMap,
}

/// Headers only the HTTP layer may set: a user value would change where or how the request
/// travels.
const RESERVED_HEADERS: &[&str] = &["host", "content-length", "transfer-encoding", "connection"];

/// Headers the client sets itself; a user value replaces the client's, never adds a second.
const CLIENT_HEADERS: &[&str] = &[
    "authorization",
    "intercom-version",
    "accept",
    "content-type",
    "user-agent",
];

impl Client {
    /// Sends a request (retrying as the policy allows) and reads the whole successful body,
    /// up to [`ClientBuilder::max_response_bytes`](super::ClientBuilder::max_response_bytes).
    pub async fn execute(&self, request: Request) -> Result<Response, Error> {
        let limit = self.inner.max_response_bytes;
        let strict = self.inner.strict_decoding;
        self.send_with(&request, |response| async move {
            let status = response.status();
            let headers = response.headers().clone();
            let body = read_capped(response, limit).await?;
            let mut response = Response::new(status, headers, body);
            response.strict = strict;
            Ok(response)
        })
        .await
    }

    /// Sends a request (retrying as the policy allows); the successful body is not read yet.
    pub(crate) async fn send(&self, request: &Request) -> Result<reqwest::Response, Error> {
        self.send_with(request, |response| async move { Ok(response) })
            .await
    }

    /// Sends a request (retrying as the policy allows) and turns the successful response into
    /// `T` with `finish`; a connection broken inside `finish` is retried like any other.
    async fn send_with<T, F, Fut>(&self, request: &Request, finish: F) -> Result<T, Error>
    where
        F: Fn(reqwest::Response) -> Fut,
        Fut: Future<Output = Result<T, BodyError>>,
    {
        let span = tracing::info_span!(
            "intercom.request",
            method = %request.method,
            path = %request.template,
            operation = %request.operation,
        );
        self.send_with_retries(request, finish)
            .instrument(span)
            .await
    }

    async fn send_with_retries<T, F, Fut>(&self, request: &Request, finish: F) -> Result<T, Error>
    where
        F: Fn(reqwest::Response) -> Fut,
        Fut: Future<Output = Result<T, BodyError>>,
    {
        let prepared = self.prepare(request)?;
        let policy = &self.inner.retry;
        let may_retry = request.idempotent
            || policy.retry_non_idempotent
            || request.options.retry_non_idempotent;
        let deadline = request.options.deadline.unwrap_or(self.inner.deadline);
        let started = Instant::now();
        let mut in_attempts = Duration::ZERO;
        let mut waited = Duration::ZERO;
        // Time used so far: the clock, or attempts plus requested waits when the sleep
        // function does not really wait (tests).
        let used = |in_attempts: Duration, waited: Duration| {
            started.elapsed().max(in_attempts.saturating_add(waited))
        };
        let mut attempt: u32 = 0;
        loop {
            attempt += 1;
            let ticket = match &self.inner.limiter {
                Some(limiter) => Some(loop {
                    let (ticket, wait) = limiter.slot().await;
                    let room = deadline.saturating_sub(used(in_attempts, waited));
                    let wait = wait.min(room);
                    if !wait.is_zero() {
                        (self.inner.sleep)(wait).await;
                        waited = waited.saturating_add(wait);
                    }
                    // Woken after the slot's window ended (the process stalled): sent now,
                    // the request would count in the next window on top of its budget.
                    if wait == room || !ticket.outlived(Instant::now()) {
                        break ticket;
                    }
                    tracing::debug!(
                        attempt,
                        "rate limiter: the slot's window ended during the wait; taking another"
                    );
                }),
                None => None,
            };
            let remaining = deadline.saturating_sub(used(in_attempts, waited));
            let timeout = self.inner.timeout.map_or(remaining, |t| t.min(remaining));
            let attempt_started = Instant::now();
            let outcome = self
                .attempt(request, &prepared, timeout, ticket, &finish)
                .await;
            in_attempts = in_attempts.saturating_add(attempt_started.elapsed());
            let elapsed_ms = attempt_started.elapsed().as_millis() as u64;
            let retries_left = attempt <= policy.max_retries;
            let mut rate_limited = false;
            let (retry, wait, error) = match outcome {
                Attempt::Done(done) => {
                    tracing::debug!(attempt, elapsed_ms, "response");
                    return Ok(done);
                }
                Attempt::Fatal(error) => {
                    tracing::debug!(attempt, error = %error, elapsed_ms, "unusable response");
                    return Err(error);
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
                    // A 429 was turned away before it was processed: safe to repeat.
                    let may = may_retry || failure.status == StatusCode::TOO_MANY_REQUESTS;
                    let retry = may && retries_left && is_retryable_status(failure.status);
                    let wait = server_wait(&failure, SystemTime::now())
                        .unwrap_or_else(|| self.backoff(attempt));
                    rate_limited = is_rate_limited(&failure);
                    (retry, wait, give_up(failure, attempt))
                }
                Attempt::Broken(error) => {
                    tracing::debug!(attempt, error = %error, elapsed_ms, "request failed");
                    let retry = may_retry && retries_left && is_transient(&error);
                    (retry, self.backoff(attempt), Error::from(error))
                }
            };
            let within_budget = waited
                .checked_add(wait)
                .is_some_and(|total| total <= policy.max_total_wait);
            let within_deadline = used(in_attempts, waited)
                .checked_add(wait)
                .is_some_and(|total| total < deadline);
            if !(retry && within_budget && within_deadline) {
                return Err(error);
            }
            tracing::info!(attempt, wait_ms = wait.as_millis() as u64, "retrying");
            (self.inner.sleep)(wait).await;
            waited = waited.saturating_add(wait);
            if let (true, Some(limiter)) = (rate_limited, &self.inner.limiter) {
                limiter.waited_out();
            }
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

    /// Checks and assembles the URL and headers, before anything is sent.
    fn prepare(&self, request: &Request) -> Result<Prepared, Error> {
        let inner = &self.inner;
        let url = reqwest::Url::parse(&format!("{}{}", inner.base_url, request.path))
            .map_err(|e| Error::InvalidInput(format!("request path `{}`: {e}", request.path)))?;
        let mut headers = HeaderMap::new();
        headers.insert(AUTHORIZATION, inner.auth.clone());
        let version = match &request.options.version {
            Some(version) => header_value("Intercom-Version", version)?,
            None => inner.version_value.clone(),
        };
        headers.insert(HeaderName::from_static("intercom-version"), version);
        headers.insert(ACCEPT, HeaderValue::from_static("application/json"));
        if request.body.is_some() {
            headers.insert(CONTENT_TYPE, HeaderValue::from_static("application/json"));
        }
        for (name, value) in &request.headers {
            let header = HeaderName::from_bytes(name.as_bytes()).map_err(|_| {
                Error::InvalidInput(format!("header name {name:?} is not a valid header name"))
            })?;
            if RESERVED_HEADERS.contains(&header.as_str()) {
                return Err(Error::InvalidInput(format!(
                    "header `{name}` is set by the HTTP layer and cannot be sent"
                )));
            }
            let value = header_value(name, value)?;
            if CLIENT_HEADERS.contains(&header.as_str()) {
                headers.insert(header, value);
            } else {
                headers.append(header, value);
            }
        }
        Ok(Prepared { url, headers })
    }

    async fn attempt<T, F, Fut>(
        &self,
        request: &Request,
        prepared: &Prepared,
        timeout: Duration,
        ticket: Option<Slot<'_>>,
        finish: &F,
    ) -> Attempt<T>
    where
        F: Fn(reqwest::Response) -> Fut,
        Fut: Future<Output = Result<T, BodyError>>,
    {
        let mut builder = self
            .inner
            .http
            .request(request.method.clone(), prepared.url.clone())
            .headers(prepared.headers.clone())
            .timeout(timeout);
        if !request.query.is_empty() {
            builder = builder.query(&request.query);
        }
        if let Some(body) = &request.body {
            builder = builder.body(body.clone());
        }
        let response = match builder.send().await {
            Ok(response) => response,
            Err(error) => return Attempt::Broken(error),
        };
        let status = response.status();
        if let Some(ticket) = ticket {
            ticket.observe(response.headers(), status).await;
        }
        if status.is_success() || status.is_redirection() && request.expects_redirect {
            tracing::debug!(
                status = status.as_u16(),
                request_id = request_id(response.headers()),
                "success"
            );
            return match finish(response).await {
                Ok(done) => Attempt::Done(done),
                Err(BodyError::Broken(error)) => Attempt::Broken(error),
                Err(BodyError::Fatal(error)) => Attempt::Fatal(error),
            };
        }
        let headers = response.headers().clone();
        let body = read_error_body(response).await;
        Attempt::Failed(failure(status, &headers, body))
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

/// How long the server asked us to wait: `Retry-After`, else the rate-limit reset; `None`
/// when it did not say, or said zero or a time in the past (the backoff applies then).
fn server_wait(failure: &ApiFailure, now: SystemTime) -> Option<Duration> {
    let wait = match failure.retry_after {
        Some(wait) => wait,
        None if is_rate_limited(failure) => failure.rate_limit?.reset?.duration_since(now).ok()?,
        None => return None,
    };
    (!wait.is_zero()).then_some(wait)
}

/// The error to return when no retry follows.
fn give_up(failure: ApiFailure, attempts: u32) -> Error {
    if is_rate_limited(&failure) {
        let now = SystemTime::now();
        let reset = failure
            .rate_limit
            .and_then(|r| r.reset)
            .or_else(|| failure.retry_after.and_then(|wait| now.checked_add(wait)));
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
