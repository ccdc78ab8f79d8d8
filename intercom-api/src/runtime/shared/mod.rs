//! The rate limiter's state in Redis, shared by every process that uses the same app
//! (feature `redis`).
//!
//! Intercom's limits belong to the app and the workspace, not to a process. With
//! [`ClientBuilder::shared_rate_limit`](super::ClientBuilder::shared_rate_limit), each request
//! takes its slot from one window kept in a Redis hash (`acquire.lua`, one atomic script), and
//! each response's `X-RateLimit-*` figures are written back to it (`record.lua`), so every
//! process paces by the server's view of the budget they all spend.
//!
//! Redis is a help, never a dependency: when it cannot be reached, answers too slowly or has
//! lost the window (a restart), requests are paced by the client's own limiter, which sees
//! every response too. One warning is logged per outage; calls never fail because of Redis.

use std::sync::{Mutex, MutexGuard, OnceLock};
use std::time::{Duration, Instant, SystemTime, UNIX_EPOCH};

use redis::aio::{ConnectionManager, ConnectionManagerConfig};
use reqwest::header::HeaderMap;
use reqwest::StatusCode;
use sha2::{Digest, Sha256};

use super::ratelimit::{number, MAX_WINDOW};

/// The default [`ClientBuilder::shared_rate_limit_timeout`](super::ClientBuilder::shared_rate_limit_timeout):
/// 250 ms.
pub const DEFAULT_SHARED_RATE_LIMIT_TIMEOUT: Duration = Duration::from_millis(250);

/// The prefix of every key the shared limiter writes.
const KEY_PREFIX: &str = "intercom-api:rate-limit:";

/// While Redis is out, how often a request tries it again (the others go straight to the
/// client's own limiter).
const RETRY_EVERY: Duration = Duration::from_secs(1);

/// How long a window's hash outlives its last use.
const TTL: Duration = Duration::from_secs(600);

/// The largest figure taken from a header (Lua counts in doubles).
const MAX_FIGURE: u64 = 1 << 40;

/// Where the shared limiter keeps its state: a Redis URL, a [`redis::Client`] or a
/// [`ConnectionManager`] the application already has. Converts from each.
#[derive(Clone)]
pub struct SharedRedis(Source);

#[derive(Clone)]
enum Source {
    Url(String),
    Client(redis::Client),
    Manager(ConnectionManager),
}

impl std::fmt::Debug for SharedRedis {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        // A URL can hold a password: never printed.
        f.write_str(match self.0 {
            Source::Url(_) => "SharedRedis(<url>)",
            Source::Client(_) => "SharedRedis(<client>)",
            Source::Manager(_) => "SharedRedis(<connection manager>)",
        })
    }
}

impl From<&str> for SharedRedis {
    fn from(url: &str) -> Self {
        SharedRedis(Source::Url(url.to_string()))
    }
}

impl From<String> for SharedRedis {
    fn from(url: String) -> Self {
        SharedRedis(Source::Url(url))
    }
}

impl From<redis::Client> for SharedRedis {
    fn from(client: redis::Client) -> Self {
        SharedRedis(Source::Client(client))
    }
}

impl From<ConnectionManager> for SharedRedis {
    fn from(manager: ConnectionManager) -> Self {
        SharedRedis(Source::Manager(manager))
    }
}

/// The name of the shared window in Redis: every process that paces the same Intercom app
/// must use the same key. Converts from a string (a name of your choosing).
#[derive(Clone, PartialEq, Eq)]
#[non_exhaustive]
pub enum SharedKey {
    /// A name of your choosing (the Redis key is `intercom-api:rate-limit:<name>`).
    Name(String),
    /// The SHA-256 of the access token, in hex (the Redis key is
    /// `intercom-api:rate-limit:token-sha256:<hex>`): processes with the same token share a
    /// window without naming it. The token itself is never written to Redis.
    TokenHash,
}

impl std::fmt::Debug for SharedKey {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self {
            SharedKey::Name(name) => f.debug_tuple("Name").field(name).finish(),
            SharedKey::TokenHash => f.write_str("TokenHash"),
        }
    }
}

impl From<&str> for SharedKey {
    fn from(name: &str) -> Self {
        SharedKey::Name(name.to_string())
    }
}

impl From<String> for SharedKey {
    fn from(name: String) -> Self {
        SharedKey::Name(name)
    }
}

impl SharedKey {
    /// The Redis key for a client with `token`.
    pub(crate) fn redis_key(&self, token: &str) -> String {
        match self {
            SharedKey::Name(name) => format!("{KEY_PREFIX}{name}"),
            SharedKey::TokenHash => {
                let digest = Sha256::digest(token.as_bytes());
                let hex: String = digest.iter().map(|b| format!("{b:02x}")).collect();
                format!("{KEY_PREFIX}token-sha256:{hex}")
            }
        }
    }
}

/// Whether Redis answered last time, and since when it has not.
#[derive(Debug, Default)]
struct Health {
    /// The last operation succeeded.
    up: bool,
    /// In an outage (already warned about): try again from `retry_at`.
    down: bool,
    retry_at: Option<Instant>,
}

/// The shared limiter of one client (and its clones).
pub(crate) struct Shared {
    source: SharedRedis,
    manager: OnceLock<Option<ConnectionManager>>,
    key: String,
    timeout: Duration,
    health: Mutex<Health>,
    acquire: redis::Script,
    record: redis::Script,
}

impl std::fmt::Debug for Shared {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("Shared")
            .field("key", &self.key)
            .field("timeout", &self.timeout)
            .finish_non_exhaustive()
    }
}

/// A slot taken from the shared window: report the response with it.
#[derive(Debug, Clone, Copy)]
pub(crate) struct SharedGrant(u64);

/// What the shared window answered.
pub(crate) enum Acquired {
    /// A slot: wait this long, then send; the slot's window ends at the instant given.
    Slot(SharedGrant, Duration, Instant),
    /// Redis answered but knows no window yet (none written, or lost in a restart).
    Unknown,
    /// Redis cannot be used now.
    Unavailable,
}

/// Why Redis could not be used.
enum Fault {
    Redis(redis::RedisError),
    Timeout,
    NoConnection,
}

impl std::fmt::Display for Fault {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self {
            Fault::Redis(error) => write!(f, "{error}"),
            Fault::Timeout => f.write_str("no answer in time"),
            Fault::NoConnection => f.write_str("the connection could not be set up"),
        }
    }
}

impl Shared {
    /// A shared limiter on `source` under `key` (already resolved). A URL that does not parse
    /// is an error here, before anything is sent.
    pub(crate) fn new(source: SharedRedis, key: String, timeout: Duration) -> Result<Self, String> {
        let source = match source.0 {
            Source::Url(url) => SharedRedis(Source::Client(
                redis::Client::open(url.as_str())
                    .map_err(|e| format!("shared rate limit: the Redis URL is not usable: {e}"))?,
            )),
            other => SharedRedis(other),
        };
        Ok(Shared {
            source,
            manager: OnceLock::new(),
            key,
            timeout,
            health: Mutex::new(Health::default()),
            acquire: redis::Script::new(include_str!("acquire.lua")),
            record: redis::Script::new(include_str!("record.lua")),
        })
    }

    fn health(&self) -> MutexGuard<'_, Health> {
        self.health
            .lock()
            .unwrap_or_else(|poisoned| poisoned.into_inner())
    }

    /// Whether the last Redis operation succeeded.
    pub(crate) fn up(&self) -> bool {
        self.health().up
    }

    /// The connection, set up on first use (it reconnects by itself after a failure).
    fn connection(&self) -> Option<ConnectionManager> {
        self.manager
            .get_or_init(|| match &self.source.0 {
                Source::Manager(manager) => Some(manager.clone()),
                Source::Client(client) => {
                    let config = ConnectionManagerConfig::new()
                        .set_connection_timeout(Some(self.timeout))
                        .set_response_timeout(Some(self.timeout))
                        .set_number_of_retries(1)
                        .set_max_delay(RETRY_EVERY);
                    ConnectionManager::new_lazy_with_config(client.clone(), config)
                        .map_err(|error| {
                            tracing::warn!(
                                %error,
                                "shared rate limiter: cannot use Redis; pacing locally"
                            );
                        })
                        .ok()
                }
                Source::Url(_) => None,
            })
            .clone()
    }

    /// Whether to try Redis for this request (not while an outage's retry is not due).
    fn due(&self) -> bool {
        let mut health = self.health();
        match health.retry_at {
            Some(at) if health.down && Instant::now() < at => false,
            Some(_) if health.down => {
                // This request tries; the others keep going locally meanwhile.
                health.retry_at = Instant::now().checked_add(RETRY_EVERY);
                true
            }
            _ => true,
        }
    }

    fn succeeded(&self) {
        let mut health = self.health();
        if health.down {
            tracing::info!(key = %self.key, "shared rate limiter: Redis is back; pacing shared again");
        }
        health.up = true;
        health.down = false;
        health.retry_at = None;
    }

    fn failed(&self, fault: &Fault) {
        let mut health = self.health();
        health.up = false;
        if !health.down {
            health.down = true;
            tracing::warn!(
                key = %self.key,
                error = %fault,
                "shared rate limiter: Redis is unavailable; pacing with this process's own \
                 limiter until it is back"
            );
        }
        health.retry_at = Instant::now().checked_add(RETRY_EVERY);
    }

    async fn run<T: redis::FromRedisValue>(
        &self,
        invocation: redis::ScriptInvocation<'_>,
    ) -> Result<T, Fault> {
        let mut connection = self.connection().ok_or(Fault::NoConnection)?;
        match tokio::time::timeout(self.timeout, invocation.invoke_async(&mut connection)).await {
            Ok(Ok(value)) => Ok(value),
            Ok(Err(error)) => Err(Fault::Redis(error)),
            Err(_) => Err(Fault::Timeout),
        }
    }

    /// Takes the next slot of the shared window: the grant and how long to wait before
    /// sending, unless Redis cannot be used now or does not know the window yet (the client's
    /// own limiter decides then).
    pub(crate) async fn acquire(&self) -> Acquired {
        if !self.due() {
            return Acquired::Unavailable;
        }
        let (asked, now) = (Instant::now(), unix_ms());
        let mut invocation = self.acquire.prepare_invoke();
        invocation.key(&self.key).arg(now).arg(ms(TTL));
        match self.run::<(i64, i64, i64)>(invocation).await {
            Ok((wait, grant, until_end)) => {
                self.succeeded();
                match (
                    u64::try_from(wait),
                    u64::try_from(grant),
                    u64::try_from(until_end),
                ) {
                    (Ok(wait), Ok(grant), Ok(until_end)) if grant > 0 => {
                        let wait = Duration::from_millis(wait).min(MAX_WINDOW * 2);
                        let until_end = Duration::from_millis(until_end).max(wait);
                        let ends = asked.checked_add(until_end).unwrap_or(asked);
                        Acquired::Slot(SharedGrant(grant), wait, ends)
                    }
                    _ => Acquired::Unknown,
                }
            }
            Err(fault) => {
                self.failed(&fault);
                Acquired::Unavailable
            }
        }
    }

    /// Writes a response's figures to the shared window (nothing when it carries none).
    pub(crate) async fn record(
        &self,
        grant: Option<SharedGrant>,
        headers: &HeaderMap,
        status: StatusCode,
    ) {
        let limit = number(headers, "x-ratelimit-limit").map(|n| n.min(MAX_FIGURE));
        let Some(remaining) = number(headers, "x-ratelimit-remaining").or(limit) else {
            return;
        };
        if !self.due() {
            return;
        }
        let remaining = if status == StatusCode::TOO_MANY_REQUESTS {
            0
        } else {
            remaining.min(MAX_FIGURE)
        };
        let now = unix_ms();
        let latest = now.saturating_add(ms(MAX_WINDOW));
        let reset = number(headers, "x-ratelimit-reset")
            .map_or(now.saturating_add(1000), |s| s.saturating_mul(1000))
            .min(latest);
        let mut invocation = self.record.prepare_invoke();
        invocation
            .key(&self.key)
            .arg(now)
            .arg(limit.map_or(-1, |l| l as i64))
            .arg(remaining)
            .arg(reset)
            .arg(grant.map_or(0, |g| g.0))
            .arg(ms(MAX_WINDOW))
            .arg(ms(TTL));
        match self.run::<i64>(invocation).await {
            Ok(_) => self.succeeded(),
            Err(fault) => self.failed(&fault),
        }
    }
}

fn ms(duration: Duration) -> u64 {
    u64::try_from(duration.as_millis()).unwrap_or(u64::MAX)
}

fn unix_ms() -> u64 {
    SystemTime::now().duration_since(UNIX_EPOCH).map_or(0, ms)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn token_hash_keys_never_hold_the_token() {
        let key = SharedKey::TokenHash.redis_key("secret-token-123");
        assert!(key.starts_with("intercom-api:rate-limit:token-sha256:"));
        assert!(!key.contains("secret-token-123"));
        assert_eq!(key.len(), KEY_PREFIX.len() + "token-sha256:".len() + 64);
        assert_ne!(key, SharedKey::TokenHash.redis_key("another-token"));
        assert_eq!(
            SharedKey::from("support").redis_key("t"),
            "intercom-api:rate-limit:support"
        );
    }

    #[test]
    fn a_bad_url_is_refused_and_never_printed() {
        let refused = Shared::new(
            SharedRedis::from("nope://:pw@x"),
            "k".into(),
            Duration::ZERO,
        );
        assert!(refused.is_err());
        let debug = format!("{:?}", SharedRedis::from("redis://:hunter2@localhost"));
        assert!(!debug.contains("hunter2"), "{debug}");
    }
}
