//! One worker of `cargo xtask fleet-bench`: calls list and find operations as fast as its
//! client's rate limiter allows, until a given time, then exits.
//!
//! ```sh
//! FLEET_BASE_URL=http://127.0.0.1:8080 FLEET_UNTIL_MS=<Unix ms> [FLEET_TASKS=4] \
//!   [FLEET_REDIS_URL=redis://127.0.0.1:6379 FLEET_KEY=bench] \
//!   cargo run --example fleet_worker --features redis
//! ```
//!
//! With `FLEET_REDIS_URL` the client shares its rate limit through Redis under `FLEET_KEY`;
//! without it, the client paces by its own limiter alone. Prints `ok N failed M` at the end.

use std::sync::atomic::{AtomicU64, Ordering};
use std::sync::Arc;
use std::time::{Duration, SystemTime, UNIX_EPOCH};

use intercom_api::{Client, Error};

fn var(name: &str) -> Result<String, Error> {
    std::env::var(name).map_err(|_| Error::InvalidInput(format!("{name} is not set")))
}

fn unix_ms() -> u64 {
    SystemTime::now()
        .duration_since(UNIX_EPOCH)
        .map_or(0, |d| d.as_millis() as u64)
}

#[tokio::main]
async fn main() -> Result<(), Error> {
    let until: u64 = var("FLEET_UNTIL_MS")?
        .parse()
        .map_err(|_| Error::InvalidInput("FLEET_UNTIL_MS must be Unix milliseconds".into()))?;
    let tasks: usize = var("FLEET_TASKS")
        .ok()
        .and_then(|t| t.parse().ok())
        .unwrap_or(4);
    let mut builder = Client::builder("fleet-bench-token").base_url(var("FLEET_BASE_URL")?);
    if let Ok(url) = var("FLEET_REDIS_URL") {
        builder = builder.shared_rate_limit(url, var("FLEET_KEY")?);
    }
    let client = builder.build()?;
    let ok = Arc::new(AtomicU64::new(0));
    let failed = Arc::new(AtomicU64::new(0));
    for task in 0..tasks {
        let (client, ok, failed) = (client.clone(), ok.clone(), failed.clone());
        tokio::spawn(async move {
            for call in 0u64.. {
                let result = if (call + task as u64).is_multiple_of(2) {
                    client.admins().list().send().await.map(drop)
                } else {
                    client.admins().find(1).send().await.map(drop)
                };
                let counter = if result.is_ok() { &ok } else { &failed };
                counter.fetch_add(1, Ordering::Relaxed);
            }
        });
    }
    tokio::time::sleep(Duration::from_millis(until.saturating_sub(unix_ms()))).await;
    println!(
        "ok {} failed {}",
        ok.load(Ordering::Relaxed),
        failed.load(Ordering::Relaxed)
    );
    std::process::exit(0);
}
