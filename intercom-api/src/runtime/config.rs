//! Client configuration: regions, retry policy, per-request options.

use std::time::Duration;

use super::Error;

/// Where an Intercom workspace is hosted.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Default)]
#[non_exhaustive]
pub enum Region {
    /// `https://api.intercom.io`
    #[default]
    Us,
    /// `https://api.eu.intercom.io`
    Eu,
    /// `https://api.au.intercom.io`
    Au,
}

impl Region {
    /// The region's API base URL.
    pub fn base_url(self) -> &'static str {
        match self {
            Region::Us => "https://api.intercom.io",
            Region::Eu => "https://api.eu.intercom.io",
            Region::Au => "https://api.au.intercom.io",
        }
    }
}

/// When and how long to retry.
///
/// Retried: 429 and 503 (Intercom's rate limits), 500, 502, 504, connection failures,
/// timeouts and connections broken while the body was read — for idempotent requests (GET,
/// PUT, DELETE, and read-only searches) by default, for other POSTs only when the client or
/// the request opts in. A 429 is retried for every method, POST included: the rate limiter
/// turned the request away before it was processed. Waits grow exponentially with jitter; a
/// positive `Retry-After` or `X-RateLimit-Reset` takes precedence (a zero or past one falls
/// back to the backoff). The whole call, attempts and waits together, also ends at the
/// client's deadline ([`ClientBuilder::deadline`](super::ClientBuilder::deadline),
/// [`RequestOptions::deadline`]).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct RetryPolicy {
    /// Retries after the first attempt (0 disables retrying).
    pub max_retries: u32,
    /// The first backoff; doubled on every retry.
    pub initial_backoff: Duration,
    /// The longest single backoff (a server-given wait may be longer, up to `max_total_wait`).
    pub max_backoff: Duration,
    /// The most time spent waiting between attempts of one request.
    pub max_total_wait: Duration,
    /// Randomise each backoff between half and all of it.
    pub jitter: bool,
    /// Also retry POSTs that are not known to be safe to repeat.
    pub retry_non_idempotent: bool,
}

impl Default for RetryPolicy {
    fn default() -> Self {
        RetryPolicy {
            max_retries: 3,
            initial_backoff: Duration::from_millis(500),
            max_backoff: Duration::from_secs(20),
            max_total_wait: Duration::from_secs(60),
            jitter: true,
            retry_non_idempotent: false,
        }
    }
}

impl RetryPolicy {
    /// A policy that never retries.
    pub fn never() -> Self {
        RetryPolicy {
            max_retries: 0,
            ..RetryPolicy::default()
        }
    }

    /// The exponential backoff before retry number `retry` (1-based), before jitter.
    pub(crate) fn backoff(&self, retry: u32) -> Duration {
        let factor = 2u32.saturating_pow(retry.saturating_sub(1));
        self.initial_backoff
            .saturating_mul(factor)
            .min(self.max_backoff)
    }
}

/// Options a single request can override (set through each request builder).
#[derive(Debug, Clone, Default, PartialEq, Eq)]
#[non_exhaustive]
pub struct RequestOptions {
    /// Send this `Intercom-Version` instead of the client's.
    pub version: Option<String>,
    /// Retry this request even though it is not idempotent.
    pub retry_non_idempotent: bool,
    /// End this call (all attempts and waits) after this long instead of the client's
    /// deadline.
    pub deadline: Option<Duration>,
    /// Why the request must not be sent, when an argument was refused where no `Result`
    /// could be returned (see [`refuse`](Self::refuse)).
    refused: Option<String>,
}

impl RequestOptions {
    /// Options that send this `Intercom-Version` instead of the client's (the Preview
    /// surface's builders start from these).
    pub fn with_version(version: &str) -> RequestOptions {
        RequestOptions {
            version: Some(version.to_string()),
            ..RequestOptions::default()
        }
    }

    /// Refuses the request: building it ([`check`](Self::check), which every request builder
    /// runs first) fails with [`Error::InvalidInput`] with this reason, before anything is sent.
    /// For calls that return a request builder although an argument can be invalid, such as a
    /// non-numeric id where the API wants an integer. The first reason is kept.
    pub fn refuse(&mut self, reason: impl Into<String>) {
        if self.refused.is_none() {
            self.refused = Some(reason.into());
        }
    }

    /// [`Error::InvalidInput`] when the request was [refused](Self::refuse).
    pub fn check(&self) -> Result<(), Error> {
        match &self.refused {
            Some(reason) => Err(Error::InvalidInput(reason.clone())),
            None => Ok(()),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn backoff_doubles_up_to_the_cap() {
        let p = RetryPolicy {
            max_backoff: Duration::from_secs(3),
            ..RetryPolicy::default()
        };
        let waits: Vec<u128> = (1..=5).map(|n| p.backoff(n).as_millis()).collect();
        assert_eq!(waits, [500, 1000, 2000, 3000, 3000]);
        assert_eq!(p.backoff(200), Duration::from_secs(3));
    }

    #[test]
    fn a_refused_request_fails_its_check_with_the_first_reason() {
        let mut options = RequestOptions::default();
        assert!(options.check().is_ok());
        options.refuse("`admin_id` must be a numeric id, got \"ada\"");
        options.refuse("a later reason");
        let error = options.check().err().map(|e| e.to_string());
        assert_eq!(
            error.as_deref(),
            Some("invalid input: `admin_id` must be a numeric id, got \"ada\"")
        );
    }

    #[test]
    fn regions() {
        assert_eq!(Region::default().base_url(), "https://api.intercom.io");
        assert_eq!(Region::Eu.base_url(), "https://api.eu.intercom.io");
        assert_eq!(Region::Au.base_url(), "https://api.au.intercom.io");
    }
}
