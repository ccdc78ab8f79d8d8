//! The shared rate limiter against a server that enforces a window limit like Intercom's,
//! scaled down: 50 requests per one-second window, 429 beyond, `X-RateLimit-*` on every
//! answer.

use std::sync::atomic::{AtomicU64, Ordering};
use std::sync::{Arc, Mutex};
use std::time::{Duration, Instant, SystemTime, UNIX_EPOCH};

use intercom_api::{Client, RetryPolicy};
use wiremock::{Mock, MockServer, Respond, ResponseTemplate};

const ADMIN: &str = r#"{"type":"admin","id":"1","email":"a@example.com"}"#;
const LIMIT: u64 = 50;
const TASKS: usize = 200;
const PER_TASK: usize = 2;

/// Counts requests per Unix second and turns away those beyond [`LIMIT`].
#[derive(Clone, Default)]
struct Window {
    current: Arc<Mutex<(u64, u64)>>,
    served: Arc<AtomicU64>,
    limited: Arc<AtomicU64>,
}

impl Respond for Window {
    fn respond(&self, _: &wiremock::Request) -> ResponseTemplate {
        let now = SystemTime::now()
            .duration_since(UNIX_EPOCH)
            .map_or(0, |d| d.as_secs());
        let count = {
            let mut current = self.current.lock().unwrap_or_else(|p| p.into_inner());
            if current.0 != now {
                *current = (now, 0);
            }
            current.1 += 1;
            current.1
        };
        let remaining = LIMIT.saturating_sub(count);
        let template = if count > LIMIT {
            self.limited.fetch_add(1, Ordering::SeqCst);
            ResponseTemplate::new(429).set_body_raw(
                r#"{"type":"error.list","errors":[{"code":"rate_limit_exceeded","message":"Exceeded rate limit"}]}"#,
                "application/json",
            )
        } else {
            self.served.fetch_add(1, Ordering::SeqCst);
            ResponseTemplate::new(200).set_body_raw(ADMIN, "application/json")
        };
        template
            .insert_header("X-RateLimit-Limit", LIMIT.to_string().as_str())
            .insert_header("X-RateLimit-Remaining", remaining.to_string().as_str())
            .insert_header("X-RateLimit-Reset", (now + 1).to_string().as_str())
    }
}

struct Run {
    ok: usize,
    failed: usize,
    limited: u64,
    elapsed: Duration,
    client: Client,
}

/// [`TASKS`] tasks sending [`PER_TASK`] requests each, one after the other, through clones of
/// one client configured by `configure`.
async fn run(
    configure: impl FnOnce(intercom_api::ClientBuilder) -> intercom_api::ClientBuilder,
) -> Run {
    let server = MockServer::start().await;
    let window = Window::default();
    Mock::given(wiremock::matchers::method("GET"))
        .respond_with(window.clone())
        .mount(&server)
        .await;
    let client = configure(Client::builder("t").base_url(server.uri()))
        .build()
        .expect("client");
    let started = Instant::now();
    let tasks: Vec<_> = (0..TASKS)
        .map(|_| {
            let client = client.clone();
            tokio::spawn(async move {
                let mut ok = 0;
                for _ in 0..PER_TASK {
                    if client.admins().identify().send().await.is_ok() {
                        ok += 1;
                    }
                }
                ok
            })
        })
        .collect();
    let mut ok = 0;
    for task in tasks {
        ok += task.await.unwrap_or(0);
    }
    let run = Run {
        ok,
        failed: TASKS * PER_TASK - ok,
        limited: window.limited.load(Ordering::SeqCst),
        elapsed: started.elapsed(),
        client,
    };
    // Dropping a MockServer blocks on a lock of the server's. Done on this runtime thread it
    // once spun forever at full CPU (after awaiting 200 finished tasks in a row, which spends
    // tokio's cooperative budget, the likely cause); a blocking-pool thread has no budget.
    let _ = tokio::task::spawn_blocking(move || drop(server)).await;
    run
}

fn report(name: &str, run: &Run) -> f64 {
    let throughput = run.ok as f64 / run.elapsed.as_secs_f64();
    println!(
        "{name}: {} ok, {} failed, {} 429s, {:.1} s, {:.1} requests/s ({:.0}% of the allowed {LIMIT}/s)",
        run.ok,
        run.failed,
        run.limited,
        run.elapsed.as_secs_f64(),
        throughput,
        throughput / LIMIT as f64 * 100.0
    );
    throughput
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn the_limiter_paces_many_workers_below_the_window_limit() {
    let on = run(|b| b).await;
    let throughput = report("limiter on", &on);
    let status = on.client.rate_limit_status();
    println!("limiter status: {status:?}");
    assert_eq!(on.failed, 0, "every request completes");
    assert!(on.limited <= 5, "{} 429s", on.limited);
    assert!(
        throughput >= 0.8 * LIMIT as f64,
        "{throughput:.1} requests/s"
    );
    assert!(status.enabled && status.limit == Some(LIMIT));
    assert!(status.waits > 0 && status.total_wait > Duration::ZERO);

    // The same load without the limiter (and without retries, to keep the test short): the
    // workers storm into the limit.
    let off = run(|b| b.rate_limiter(false).retry_policy(RetryPolicy::never())).await;
    report("limiter off", &off);
    assert!(!off.client.rate_limit_status().enabled);
    // At most two windows' worth get through a storm that straddles a second boundary.
    let storm = (TASKS * PER_TASK) as u64 - 2 * LIMIT;
    assert!(
        off.limited >= storm,
        "{} 429s, expected at least {storm}",
        off.limited
    );
}
