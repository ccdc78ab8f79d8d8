//! The shared rate limiter (feature `redis`) against a real `redis-server` per test and a
//! wiremock Intercom that enforces a window budget with Intercom's headers.

mod common;

use std::collections::BTreeMap;
use std::io::Write;
use std::sync::atomic::{AtomicU64, Ordering};
use std::sync::{Arc, Mutex, OnceLock};
use std::time::{Duration, Instant, SystemTime, UNIX_EPOCH};

use common::redis_server::{free_port, RedisServer};
use intercom_api::redis::{self, AsyncCommands};
use intercom_api::{Client, ClientBuilder, SharedKey};
use wiremock::{Mock, MockServer, Respond, ResponseTemplate};

const ADMIN: &str = r#"{"type":"admin","id":"1","email":"a@example.com"}"#;

/// Every log line of the binary (one global subscriber: tests tell theirs apart by key).
fn logs() -> &'static Mutex<Vec<u8>> {
    static LOGS: OnceLock<Arc<Mutex<Vec<u8>>>> = OnceLock::new();
    LOGS.get_or_init(|| {
        let logs = Arc::new(Mutex::new(Vec::new()));
        let writer = Captured(logs.clone());
        let subscriber = tracing_subscriber::fmt()
            .with_max_level(tracing::Level::INFO)
            .with_ansi(false)
            .with_writer(move || writer.clone())
            .finish();
        let _ = tracing::subscriber::set_global_default(subscriber);
        logs
    })
}

#[derive(Clone)]
struct Captured(Arc<Mutex<Vec<u8>>>);

impl Write for Captured {
    fn write(&mut self, buf: &[u8]) -> std::io::Result<usize> {
        if let Ok(mut b) = self.0.lock() {
            b.extend_from_slice(buf);
        }
        Ok(buf.len())
    }
    fn flush(&mut self) -> std::io::Result<()> {
        Ok(())
    }
}

/// How many outage warnings were logged for `key`.
fn warnings(key: &str) -> usize {
    let logs = logs().lock().map(|l| l.clone()).unwrap_or_default();
    String::from_utf8_lossy(&logs)
        .lines()
        .filter(|l| l.contains("WARN") && l.contains("Redis is unavailable"))
        .filter(|l| l.contains(&format!("key=intercom-api:rate-limit:{key} ")))
        .count()
}

fn unix_ms() -> u64 {
    SystemTime::now()
        .duration_since(UNIX_EPOCH)
        .map_or(0, |d| d.as_millis() as u64)
}

fn unix_secs() -> u64 {
    unix_ms() / 1000
}

/// A server that allows `limit` requests per window of `window` seconds (Unix time), answers
/// 429 beyond, and sends the three `X-RateLimit-*` headers on every answer.
#[derive(Clone)]
struct Window {
    limit: u64,
    window: u64,
    served: Arc<AtomicU64>,
    limited: Arc<AtomicU64>,
    /// Requests received in each window, by window index.
    per_window: Arc<Mutex<BTreeMap<u64, u64>>>,
}

impl Window {
    fn new(limit: u64, window: u64) -> Window {
        Window {
            limit,
            window,
            served: Arc::default(),
            limited: Arc::default(),
            per_window: Arc::default(),
        }
    }

    /// Waits until the current window is at `fraction` (0 to 1) of its length.
    async fn until_position(&self, fraction: f64) {
        let len = self.window * 1000;
        loop {
            let position = (unix_ms() % len) as f64 / len as f64;
            if (fraction..fraction + 0.03).contains(&position) {
                return;
            }
            tokio::time::sleep(Duration::from_millis(2)).await;
        }
    }

    /// How many requests each window received, in order: shows whether the 429s came in one
    /// burst or one at each window's edge.
    fn requests_per_window(&self) -> Vec<u64> {
        let per_window = self.per_window.lock().unwrap_or_else(|p| p.into_inner());
        per_window.values().copied().collect()
    }
}

impl Respond for Window {
    fn respond(&self, _: &wiremock::Request) -> ResponseTemplate {
        let index = unix_secs() / self.window;
        let count = {
            let mut per_window = self.per_window.lock().unwrap_or_else(|p| p.into_inner());
            let count = per_window.entry(index).or_default();
            *count += 1;
            *count
        };
        let template = if count > self.limit {
            self.limited.fetch_add(1, Ordering::SeqCst);
            ResponseTemplate::new(429).set_body_raw(
                r#"{"type":"error.list","errors":[{"code":"rate_limit_exceeded","message":"Exceeded rate limit"}]}"#,
                "application/json",
            )
        } else {
            self.served.fetch_add(1, Ordering::SeqCst);
            ResponseTemplate::new(200).set_body_raw(ADMIN, "application/json")
        };
        let reset = (index + 1) * self.window;
        template
            .insert_header("X-RateLimit-Limit", self.limit.to_string().as_str())
            .insert_header(
                "X-RateLimit-Remaining",
                self.limit.saturating_sub(count).to_string().as_str(),
            )
            .insert_header("X-RateLimit-Reset", reset.to_string().as_str())
    }
}

async fn intercom(window: &Window) -> MockServer {
    let server = MockServer::start().await;
    Mock::given(wiremock::matchers::method("GET"))
        .respond_with(window.clone())
        .mount(&server)
        .await;
    server
}

/// A client of `server` that takes its slots from the window `key` in Redis.
fn shared_builder(server: &MockServer, redis_url: &str, key: &str) -> ClientBuilder {
    logs();
    Client::builder("token")
        .base_url(server.uri())
        .shared_rate_limit(redis_url, key)
}

fn shared_client(server: &MockServer, redis_url: &str, key: &str) -> Client {
    shared_builder(server, redis_url, key)
        .build()
        .expect("client")
}

async fn redis_connection(redis: &RedisServer) -> redis::aio::MultiplexedConnection {
    redis::Client::open(redis.url())
        .expect("url")
        .get_multiplexed_async_connection()
        .await
        .expect("connection")
}

/// `tasks` tasks calling `client` `each` times one after the other; how many calls succeeded.
async fn drive(client: &Client, tasks: usize, each: usize) -> usize {
    let handles: Vec<_> = (0..tasks)
        .map(|_| {
            let client = client.clone();
            tokio::spawn(async move {
                let mut ok = 0;
                for _ in 0..each {
                    if client.admins().identify().send().await.is_ok() {
                        ok += 1;
                    }
                }
                ok
            })
        })
        .collect();
    let mut ok = 0;
    for handle in handles {
        ok += handle.await.unwrap_or(0);
    }
    ok
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn two_clients_share_one_budget() {
    let redis = RedisServer::start();
    let window = Window::new(30, 1);
    let server = intercom(&window).await;
    let a = shared_client(&server, &redis.url(), "budget");
    let b = shared_client(&server, &redis.url(), "budget");
    let started = Instant::now();
    let (ok_a, ok_b) = tokio::join!(drive(&a, 20, 6), drive(&b, 20, 6));
    let elapsed = started.elapsed().as_secs_f64();
    let limited = window.limited.load(Ordering::SeqCst);
    let per_window = window.requests_per_window();
    println!(
        "shared: {ok_a}+{ok_b} ok, {limited} 429s, {elapsed:.1} s, {} warnings, requests per \
         window {per_window:?}",
        warnings("budget"),
    );
    assert_eq!(ok_a + ok_b, 240, "every call completes");
    assert!(
        limited <= 3,
        "{limited} 429s; requests per window: {per_window:?}"
    );
    // Two clients that each believed they had the whole budget would finish in ~4 s.
    assert!(elapsed >= 6.0, "{elapsed:.1} s: the budget was spent twice");
    assert!(a.rate_limit_status().shared && b.rate_limit_status().shared);
    let _ = tokio::task::spawn_blocking(move || drop(server)).await;
}

/// A process that stalls (CPU starved, paused) wakes its waiting requests late. One whose slot
/// belonged to a window that has ended meanwhile takes a new slot: sent as it was, it would
/// count in the next window, on top of that window's own budget.
#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn requests_woken_after_their_window_take_a_new_slot() {
    let redis = RedisServer::start();
    let window = Window::new(30, 1);
    let server = intercom(&window).await;
    // Every other wait ends 150 ms late.
    let waits = Arc::new(AtomicU64::new(0));
    let stalling = move || -> intercom_api::runtime::SleepFn {
        let waits = waits.clone();
        Arc::new(move |wait| {
            let late = waits.fetch_add(1, Ordering::SeqCst).is_multiple_of(2);
            let stall = Duration::from_millis(if late { 150 } else { 0 });
            Box::pin(tokio::time::sleep(wait + stall))
        })
    };
    let client = |sleep| {
        shared_builder(&server, &redis.url(), "stalled")
            .sleep_fn(sleep)
            .build()
            .expect("client")
    };
    let (a, b) = (client(stalling()), client(stalling()));
    // Start late in a window: the server's remaining budget is paced over what is left of it,
    // so many slots lie near its end.
    window.until_position(0.8).await;
    let (ok_a, ok_b) = tokio::join!(drive(&a, 20, 4), drive(&b, 20, 4));
    let limited = window.limited.load(Ordering::SeqCst);
    let per_window = window.requests_per_window();
    println!("stalled: {ok_a}+{ok_b} ok, {limited} 429s, requests per window {per_window:?}");
    assert_eq!(ok_a + ok_b, 160, "every call completes");
    assert!(
        limited <= 3,
        "{limited} 429s; requests per window: {per_window:?}"
    );
    let _ = tokio::task::spawn_blocking(move || drop(server)).await;
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn two_clients_without_redis_spend_the_budget_twice() {
    let window = Window::new(30, 1);
    let server = intercom(&window).await;
    let a = Client::builder("token")
        .base_url(server.uri())
        .build()
        .expect("client");
    let b = Client::builder("token")
        .base_url(server.uri())
        .build()
        .expect("client");
    let (ok_a, ok_b) = tokio::join!(drive(&a, 20, 6), drive(&b, 20, 6));
    let limited = window.limited.load(Ordering::SeqCst);
    println!("per-client: {ok_a}+{ok_b} ok, {limited} 429s");
    // The contrast that makes the shared test meaningful.
    assert!(limited > 3, "{limited} 429s");
    assert!(!a.rate_limit_status().shared);
    let _ = tokio::task::spawn_blocking(move || drop(server)).await;
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn the_headers_feed_the_shared_window() {
    let redis = RedisServer::start();
    let server = MockServer::start().await;
    let reset = unix_secs() + 10;
    Mock::given(wiremock::matchers::method("GET"))
        .respond_with(
            ResponseTemplate::new(200)
                .set_body_raw(ADMIN, "application/json")
                .insert_header("X-RateLimit-Limit", "100")
                .insert_header("X-RateLimit-Remaining", "37")
                .insert_header("X-RateLimit-Reset", reset.to_string().as_str()),
        )
        .mount(&server)
        .await;
    let client = Client::builder("secret-token-123")
        .base_url(server.uri())
        .shared_rate_limit(redis.url(), SharedKey::TokenHash)
        .build()
        .expect("client");
    client.admins().identify().send().await.expect("call");
    let mut connection = redis_connection(&redis).await;
    let keys: Vec<String> = connection
        .keys("intercom-api:rate-limit:*")
        .await
        .expect("keys");
    assert_eq!(keys.len(), 1, "{keys:?}");
    assert!(keys[0].starts_with("intercom-api:rate-limit:token-sha256:"));
    assert!(!keys[0].contains("secret-token-123"));
    let fields: std::collections::HashMap<String, String> =
        connection.hgetall(&keys[0]).await.expect("hash");
    assert_eq!(fields.get("limit").map(String::as_str), Some("100"));
    assert_eq!(fields.get("budget").map(String::as_str), Some("37"));
    assert_eq!(
        fields.get("end").map(String::as_str),
        Some((reset * 1000).to_string().as_str())
    );
    // The next call takes its slot from the shared window.
    client.admins().identify().send().await.expect("call");
    let budget: String = connection.hget(&keys[0], "budget").await.expect("budget");
    assert_eq!(budget, "36", "one slot taken, then the server's 37 again");
    assert!(client.rate_limit_status().shared);
    // A second process with the same token starts from the shared window at once.
    let other = Client::builder("secret-token-123")
        .base_url(server.uri())
        .shared_rate_limit(redis.url(), SharedKey::TokenHash)
        .build()
        .expect("client");
    other.admins().identify().send().await.expect("call");
    let grants: u64 = connection.hget(&keys[0], "grants").await.expect("grants");
    assert_eq!(grants, 2);
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn unreachable_redis_paces_locally_and_warns_once() {
    let window = Window::new(1000, 1);
    let server = intercom(&window).await;
    let url = format!("redis://127.0.0.1:{}", free_port());
    let client = shared_client(&server, &url, "unreachable");
    for _ in 0..5 {
        let started = Instant::now();
        client
            .admins()
            .identify()
            .send()
            .await
            .expect("no error from Redis");
        assert!(started.elapsed() < Duration::from_secs(2));
    }
    assert_eq!(drive(&client, 10, 3).await, 30);
    let status = client.rate_limit_status();
    assert!(!status.shared && status.enabled);
    assert_eq!(
        status.limit,
        Some(1000),
        "the local limiter saw the headers"
    );
    assert_eq!(warnings("unreachable"), 1);
    let refused = Client::builder("t")
        .shared_rate_limit("not a url", "x")
        .build();
    assert!(matches!(refused, Err(intercom_api::Error::InvalidInput(_))));
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn slow_redis_is_waited_for_briefly_then_shared_again() {
    let redis = RedisServer::start();
    let window = Window::new(1000, 1);
    let server = intercom(&window).await;
    let client = Client::builder("token")
        .base_url(server.uri())
        .shared_rate_limit(redis.url(), "slow")
        .shared_rate_limit_timeout(Duration::from_millis(100))
        .build()
        .expect("client");
    logs();
    client.admins().identify().send().await.expect("call");
    client.admins().identify().send().await.expect("call");
    assert!(client.rate_limit_status().shared);
    let mut admin = redis_connection(&redis).await;
    let _: () = redis::cmd("CLIENT")
        .arg(&["PAUSE", "2000", "ALL"][..])
        .query_async(&mut admin)
        .await
        .expect("pause");
    let started = Instant::now();
    for _ in 0..5 {
        client
            .admins()
            .identify()
            .send()
            .await
            .expect("no error from Redis");
    }
    assert!(
        started.elapsed() < Duration::from_millis(1500),
        "{:?}: calls waited for the paused Redis",
        started.elapsed()
    );
    assert!(!client.rate_limit_status().shared);
    assert_eq!(warnings("slow"), 1);
    tokio::time::sleep(Duration::from_millis(2500)).await;
    for _ in 0..3 {
        client.admins().identify().send().await.expect("call");
    }
    assert!(client.rate_limit_status().shared, "shared again");
    assert_eq!(warnings("slow"), 1);
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_restarted_redis_is_shared_again_and_each_outage_warns_once() {
    let mut redis = RedisServer::start();
    let window = Window::new(1000, 1);
    let server = intercom(&window).await;
    let client = shared_client(&server, &redis.url(), "restart");
    client.admins().identify().send().await.expect("call");
    client.admins().identify().send().await.expect("call");
    assert!(client.rate_limit_status().shared);

    for outage in 1..=2 {
        redis.stop();
        for _ in 0..5 {
            client
                .admins()
                .identify()
                .send()
                .await
                .expect("no error from Redis");
        }
        assert!(!client.rate_limit_status().shared);
        assert_eq!(warnings("restart"), outage);
        redis.restart();
        // The window was lost with the old server: the next responses write it again.
        tokio::time::sleep(Duration::from_millis(1200)).await;
        let deadline = Instant::now() + Duration::from_secs(10);
        while !client.rate_limit_status().shared && Instant::now() < deadline {
            client.admins().identify().send().await.expect("call");
            tokio::time::sleep(Duration::from_millis(100)).await;
        }
        assert!(client.rate_limit_status().shared, "shared again");
        client.admins().identify().send().await.expect("call");
        let mut connection = redis_connection(&redis).await;
        let grants: u64 = connection
            .hget("intercom-api:rate-limit:restart", "grants")
            .await
            .expect("grants");
        assert!(grants >= 1, "slots come from the new server");
        assert_eq!(warnings("restart"), outage);
    }
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn garbage_in_the_key_is_overwritten() {
    let redis = RedisServer::start();
    let window = Window::new(1000, 1);
    let server = intercom(&window).await;
    let key = "intercom-api:rate-limit:garbage";
    let mut connection = redis_connection(&redis).await;
    let client = shared_client(&server, &redis.url(), "garbage");
    let garbage: [&dyn Fn() -> redis::Cmd; 4] = [
        &|| redis::cmd("SET").arg(key).arg("not a hash").clone(),
        &|| redis::cmd("RPUSH").arg(key).arg("a").arg("b").clone(),
        &|| {
            redis::cmd("HSET")
                .arg(key)
                .arg(&["limit", "lots", "budget", "-7", "end", "nan", "len", "0"][..])
                .clone()
        },
        &|| {
            redis::cmd("HSET")
                .arg(key)
                .arg(&["limit", "1e999", "budget", "1", "end", "1", "len", "1"][..])
                .arg(&["next", "inf", "grants", "x"][..])
                .clone()
        },
    ];
    for write in garbage {
        let _: () = redis::cmd("DEL")
            .arg(key)
            .query_async(&mut connection)
            .await
            .expect("del");
        let _: redis::Value = write().query_async(&mut connection).await.expect("garbage");
        for _ in 0..3 {
            client
                .admins()
                .identify()
                .send()
                .await
                .expect("no error from garbage");
        }
        let kind: String = redis::cmd("TYPE")
            .arg(key)
            .query_async(&mut connection)
            .await
            .expect("type");
        assert_eq!(kind, "hash");
        let limit: u64 = connection.hget(key, "limit").await.expect("limit");
        assert_eq!(limit, 1000);
        assert!(client.rate_limit_status().shared);
    }
    assert_eq!(warnings("garbage"), 0);
}
