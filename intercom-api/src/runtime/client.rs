//! The client and its configuration.

use std::fmt;
use std::future::Future;
use std::pin::Pin;
use std::sync::Arc;
use std::time::Duration;

use reqwest::header::HeaderValue;

use super::limiter::{Limiter, RateLimitStatus};
#[cfg(feature = "redis")]
use super::shared::{Shared, SharedKey, SharedRedis, DEFAULT_SHARED_RATE_LIMIT_TIMEOUT};
use super::{Error, Region, RetryPolicy};

/// How the client waits between attempts (replaceable in tests to observe the waits).
pub type SleepFn = Arc<dyn Fn(Duration) -> Pin<Box<dyn Future<Output = ()> + Send>> + Send + Sync>;

/// The environment variable [`ClientBuilder::from_env`] reads the access token from.
pub const TOKEN_ENV: &str = "INTERCOM_ACCESS_TOKEN";
/// The environment variable [`ClientBuilder::from_env`] reads an optional base URL from.
pub const BASE_URL_ENV: &str = "INTERCOM_BASE_URL";

/// The default [`ClientBuilder::max_response_bytes`]: 64 MiB.
pub const DEFAULT_MAX_RESPONSE_BYTES: u64 = 64 << 20;

/// The default [`ClientBuilder::deadline`]: two minutes.
pub const DEFAULT_DEADLINE: Duration = Duration::from_secs(120);

/// A client for the Intercom REST API. Cheap to clone; clones share connections.
///
/// The access token is never printed: not by `Debug`, not in errors, not in logs.
#[derive(Clone)]
pub struct Client {
    pub(crate) inner: Arc<Inner>,
}

pub(crate) struct Inner {
    pub(crate) http: reqwest::Client,
    pub(crate) base_url: String,
    pub(crate) auth: HeaderValue,
    pub(crate) version: String,
    pub(crate) version_value: HeaderValue,
    pub(crate) retry: RetryPolicy,
    pub(crate) sleep: SleepFn,
    pub(crate) strict_decoding: bool,
    pub(crate) timeout: Option<Duration>,
    pub(crate) deadline: Duration,
    pub(crate) max_response_bytes: u64,
    pub(crate) limiter: Option<Limiter>,
}

impl fmt::Debug for Client {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_struct("Client")
            .field("base_url", &self.inner.base_url)
            .field("version", &self.inner.version)
            .field("retry", &self.inner.retry)
            .field("deadline", &self.inner.deadline)
            .field("max_response_bytes", &self.inner.max_response_bytes)
            .field("token", &"<redacted>")
            .finish()
    }
}

/// Configures a [`Client`].
#[derive(Clone)]
pub struct ClientBuilder {
    token: String,
    base_url: String,
    version: String,
    timeout: Option<Duration>,
    connect_timeout: Option<Duration>,
    retry: RetryPolicy,
    sleep: Option<SleepFn>,
    strict_decoding: bool,
    deadline: Duration,
    max_response_bytes: u64,
    rate_limiter: bool,
    #[cfg(feature = "redis")]
    shared: Option<(SharedRedis, SharedKey)>,
    #[cfg(feature = "redis")]
    shared_timeout: Duration,
}

impl fmt::Debug for ClientBuilder {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let mut d = f.debug_struct("ClientBuilder");
        d.field("base_url", &self.base_url)
            .field("version", &self.version)
            .field("timeout", &self.timeout)
            .field("connect_timeout", &self.connect_timeout)
            .field("retry", &self.retry)
            .field("strict_decoding", &self.strict_decoding)
            .field("deadline", &self.deadline)
            .field("max_response_bytes", &self.max_response_bytes)
            .field("rate_limiter", &self.rate_limiter)
            .field("token", &"<redacted>");
        #[cfg(feature = "redis")]
        d.field("shared_rate_limit", &self.shared)
            .field("shared_rate_limit_timeout", &self.shared_timeout);
        d.finish_non_exhaustive()
    }
}

impl ClientBuilder {
    /// A builder with the token from `INTERCOM_ACCESS_TOKEN` and, when set, the base URL from
    /// `INTERCOM_BASE_URL`.
    pub fn from_env() -> Result<ClientBuilder, Error> {
        let token = std::env::var(TOKEN_ENV)
            .map_err(|_| Error::InvalidInput(format!("{TOKEN_ENV} is not set")))?;
        let builder = Client::builder(token);
        Ok(match std::env::var(BASE_URL_ENV) {
            Ok(url) if !url.is_empty() => builder.base_url(url),
            _ => builder,
        })
    }

    /// Sends requests to a region's API (US by default).
    pub fn region(self, region: Region) -> Self {
        self.base_url(region.base_url())
    }

    /// Sends requests to `url` instead (a proxy, a mock server).
    pub fn base_url(mut self, url: impl Into<String>) -> Self {
        self.base_url = url.into().trim_end_matches('/').to_string();
        self
    }

    /// Sends this `Intercom-Version` instead of the one the crate was generated from.
    pub fn version(mut self, version: impl Into<String>) -> Self {
        self.version = version.into();
        self
    }

    /// Limits each attempt as a whole (connect, send, receive the body).
    pub fn timeout(mut self, timeout: Duration) -> Self {
        self.timeout = Some(timeout);
        self
    }

    /// Limits each call as a whole: every attempt, every wait between attempts and every
    /// wait for the rate limiter (default [`DEFAULT_DEADLINE`]). A request can override it
    /// ([`RequestOptions::deadline`](super::RequestOptions::deadline)). When the deadline
    /// leaves no room for the next wait, the call ends with the last failure; an attempt cut
    /// short by the deadline ends as [`Error::Timeout`].
    pub fn deadline(mut self, deadline: Duration) -> Self {
        self.deadline = deadline;
        self
    }

    /// The largest response body read into memory, counted after decompression (default
    /// [`DEFAULT_MAX_RESPONSE_BYTES`]). A larger body ends the call with [`Error::TooLarge`]
    /// as soon as the limit is passed. Error bodies are read only up to 64 KiB (what was read
    /// is kept in the [`ApiFailure`](super::ApiFailure)); downloads are streamed and not
    /// limited.
    pub fn max_response_bytes(mut self, limit: u64) -> Self {
        self.max_response_bytes = limit;
        self
    }

    /// Turns the shared rate limiter on (the default) or off. When on, all clones of the
    /// client pace their requests by the `X-RateLimit-*` figures of the responses: the budget
    /// left in the window is spread over the time left in it, never sent in a burst past it.
    /// See [`Client::rate_limit_status`].
    pub fn rate_limiter(mut self, enabled: bool) -> Self {
        self.rate_limiter = enabled;
        self
    }

    /// Shares the rate limiter's window with every process that uses the same Redis and `key`
    /// (feature `redis`): Intercom's limits belong to the app, so a fleet of workers that
    /// each pace by their own limiter together spend the budget many times over. Each request
    /// then takes its slot from a window kept in Redis, which every response's
    /// `X-RateLimit-*` figures update; 429s are still retried as before.
    ///
    /// `redis` is a URL (`"redis://127.0.0.1:6379"`), a [`redis::Client`] or a
    /// [`redis::aio::ConnectionManager`]; `key` names the window: a name of your choosing, or
    /// [`SharedKey::TokenHash`] (a hash of the access token, never the token itself). A URL
    /// that does not parse is an [`Error::InvalidInput`] from [`build`](Self::build).
    ///
    /// When Redis cannot be reached, answers later than
    /// [`shared_rate_limit_timeout`](Self::shared_rate_limit_timeout) or has lost the window
    /// (restarted), requests are paced by this client's own limiter; one `tracing` warning
    /// is logged per outage, no call fails because of Redis, and shared pacing resumes when
    /// Redis answers again. Data in the key that is not the limiter's is overwritten.
    /// [`RateLimitStatus::shared`] tells whether the shared window is in use. Has no effect
    /// when [`rate_limiter`](Self::rate_limiter) is off.
    #[cfg(feature = "redis")]
    pub fn shared_rate_limit(
        mut self,
        redis: impl Into<SharedRedis>,
        key: impl Into<SharedKey>,
    ) -> Self {
        self.shared = Some((redis.into(), key.into()));
        self
    }

    /// How long the shared limiter waits for Redis before it paces a request locally
    /// (default [`DEFAULT_SHARED_RATE_LIMIT_TIMEOUT`], 250 ms; feature `redis`).
    #[cfg(feature = "redis")]
    pub fn shared_rate_limit_timeout(mut self, timeout: Duration) -> Self {
        self.shared_timeout = timeout;
        self
    }

    /// Limits connecting.
    pub fn connect_timeout(mut self, timeout: Duration) -> Self {
        self.connect_timeout = Some(timeout);
        self
    }

    /// Sets when and how long to retry ([`RetryPolicy::never`] disables retries).
    pub fn retry_policy(mut self, policy: RetryPolicy) -> Self {
        self.retry = policy;
        self
    }

    /// Replaces how the client waits between attempts (the default is `tokio::time::sleep`).
    pub fn sleep_fn(mut self, sleep: SleepFn) -> Self {
        self.sleep = Some(sleep);
        self
    }

    /// Makes any response value that does not fit its type an [`Error::Decode`] instead of a
    /// warning (off by default: such values are left out, logged, and reported by
    /// `send_with_warnings()`). Useful in tests, so that drift between the API and the crate
    /// shows.
    pub fn strict_decoding(mut self, strict: bool) -> Self {
        self.strict_decoding = strict;
        self
    }

    /// Builds the client.
    pub fn build(self) -> Result<Client, Error> {
        if self.token.is_empty() {
            return Err(Error::InvalidInput("the access token is empty".into()));
        }
        let mut auth =
            header_value("Authorization", &format!("Bearer {}", self.token)).map_err(|_| {
                Error::InvalidInput(
                    "header `Authorization`: the access token contains CR, LF, NUL or another \
                     character not allowed in a header"
                        .into(),
                )
            })?;
        auth.set_sensitive(true);
        let version_value = header_value("Intercom-Version", &self.version)?;
        reqwest::Url::parse(&self.base_url)
            .map_err(|e| Error::InvalidInput(format!("base URL `{}`: {e}", self.base_url)))?;
        let mut http = reqwest::Client::builder()
            .user_agent(concat!("intercom-api/", env!("CARGO_PKG_VERSION")))
            .redirect(reqwest::redirect::Policy::none());
        if let Some(t) = self.timeout {
            http = http.timeout(t);
        }
        if let Some(t) = self.connect_timeout {
            http = http.connect_timeout(t);
        }
        let limiter = if self.rate_limiter {
            Some(self.limiter()?)
        } else {
            None
        };
        let sleep = self
            .sleep
            .unwrap_or_else(|| Arc::new(|d| Box::pin(tokio::time::sleep(d))));
        Ok(Client {
            inner: Arc::new(Inner {
                http: http.build()?,
                base_url: self.base_url,
                auth,
                version: self.version,
                version_value,
                retry: self.retry,
                sleep,
                strict_decoding: self.strict_decoding,
                timeout: self.timeout,
                deadline: self.deadline,
                max_response_bytes: self.max_response_bytes,
                limiter,
            }),
        })
    }
}

impl ClientBuilder {
    /// The rate limiter: shared through Redis when configured.
    fn limiter(&self) -> Result<Limiter, Error> {
        #[cfg(feature = "redis")]
        if let Some((redis, key)) = &self.shared {
            let key = key.redis_key(&self.token);
            let shared = Shared::new(redis.clone(), key, self.shared_timeout)
                .map_err(Error::InvalidInput)?;
            return Ok(Limiter::with_shared(shared));
        }
        Ok(Limiter::new())
    }
}

impl Client {
    /// A client for the US region with the given access token, the pinned API version and
    /// the default retry policy. Use [`Client::builder`] for anything else.
    pub fn new(token: impl Into<String>) -> Result<Client, Error> {
        Client::builder(token).build()
    }

    /// Starts configuring a client.
    pub fn builder(token: impl Into<String>) -> ClientBuilder {
        ClientBuilder {
            token: token.into(),
            base_url: Region::Us.base_url().to_string(),
            version: crate::API_VERSION.to_string(),
            timeout: Some(Duration::from_secs(60)),
            connect_timeout: Some(Duration::from_secs(10)),
            retry: RetryPolicy::default(),
            sleep: None,
            strict_decoding: false,
            deadline: DEFAULT_DEADLINE,
            max_response_bytes: DEFAULT_MAX_RESPONSE_BYTES,
            rate_limiter: true,
            #[cfg(feature = "redis")]
            shared: None,
            #[cfg(feature = "redis")]
            shared_timeout: DEFAULT_SHARED_RATE_LIMIT_TIMEOUT,
        }
    }

    /// The base URL requests go to.
    pub fn base_url(&self) -> &str {
        &self.inner.base_url
    }

    /// The `Intercom-Version` sent with each request (unless a request overrides it).
    pub fn version(&self) -> &str {
        &self.inner.version
    }

    /// The retry policy.
    pub fn retry_policy(&self) -> &RetryPolicy {
        &self.inner.retry
    }

    /// Whether response values that do not fit their type are errors rather than warnings.
    pub fn strict_decoding(&self) -> bool {
        self.inner.strict_decoding
    }

    /// What the shared rate limiter knows: the server's limit, the budget left in the current
    /// window, and how often and how long requests waited for a slot (shared by all clones).
    pub fn rate_limit_status(&self) -> RateLimitStatus {
        match &self.inner.limiter {
            Some(limiter) => limiter.status(),
            None => RateLimitStatus {
                enabled: false,
                limit: None,
                budget: None,
                window_reset: None,
                waits: 0,
                total_wait: Duration::ZERO,
                shared: false,
            },
        }
    }
}

/// A header value, or an [`Error::InvalidInput`] naming the header when the value holds CR,
/// LF, NUL or another character a header cannot carry.
pub(crate) fn header_value(name: &str, value: &str) -> Result<HeaderValue, Error> {
    HeaderValue::from_str(value).map_err(|_| {
        Error::InvalidInput(format!(
            "header `{name}`: the value contains CR, LF, NUL or another character not allowed \
             in a header"
        ))
    })
}
