//! `cargo xtask fleet-bench`: a fleet of worker processes against one Intercom budget, paced
//! once by the shared limiter (Redis) and once by each process's own limiter.
//!
//! Everything runs on loopback: a `redis-server` on a free port, and a mock Intercom that
//! enforces Intercom's rules scaled down: [`LIMIT`] requests per [`WINDOW`]-second window
//! (windows aligned to Unix time, as Intercom's resets are), the three `X-RateLimit-*` headers
//! on every answer (`Reset` in Unix seconds), 429 once the window's budget is spent. The
//! workers are `intercom-api`'s `fleet_worker` example, built once. Each mode runs
//! for [`WINDOWS`] whole windows; only requests that reach the mock inside them count.

use std::collections::HashMap;
use std::io::{BufRead, BufReader, Write};
use std::net::{TcpListener, TcpStream};
use std::path::{Path, PathBuf};
use std::process::{Child, Command, Stdio};
use std::sync::{Arc, Mutex};
use std::time::{Duration, Instant, SystemTime, UNIX_EPOCH};

use crate::error::{Context, Error, Result};
use crate::regen::Workspace;

/// Worker processes.
const PROCESSES: usize = 8;
/// Concurrent calls in each worker.
const TASKS: usize = 4;
/// Requests allowed per window (Intercom's private apps: about 1,666 per 10 s).
const LIMIT: u64 = 500;
/// The window, in seconds (Intercom's).
const WINDOW: u64 = 10;
/// Windows each mode runs for.
const WINDOWS: u64 = 3;

const ADMIN: &str = r#"{"type":"admin","id":"1","name":"Ada","email":"ada@example.com"}"#;

/// What the mock saw in one window: requests, and how many it answered 429.
type Counts = Arc<Mutex<HashMap<u64, (u64, u64)>>>;

/// Runs the benchmark and prints its one line.
pub fn run(workspace: &Workspace) -> Result<()> {
    let worker = build_worker(workspace)?;
    let mut redis = RedisServer::start()?;
    let counts = Counts::default();
    let mock = start_mock(counts.clone())?;
    let shared = run_mode(&worker, &mock, Some(&redis.url()), &counts)?;
    let local = run_mode(&worker, &mock, None, &counts)?;
    redis.stop();
    println!(
        "fleet-bench: {PROCESSES} processes, shared limiter: 429s {} of {} requests, {:.1}% of \
         the allowed rate; per-process limiters: 429s {} of {} requests, {:.1}% of the allowed \
         rate",
        shared.limited,
        shared.requests,
        shared.rate(),
        local.limited,
        local.requests,
        local.rate()
    );
    Ok(())
}

/// Builds the worker and returns its path. An example gets intercom-api's dev-dependencies,
/// whose features (every one) the crate's tests already built in the dev profile: reused
/// there, the build is the example alone. Its CPU is no bottleneck at the rates measured.
fn build_worker(workspace: &Workspace) -> Result<PathBuf> {
    let cargo = std::env::var_os("CARGO").unwrap_or_else(|| "cargo".into());
    let status = Command::new(cargo)
        .current_dir(&workspace.root)
        .args(["build", "-p", "intercom-api", "--example", "fleet_worker"])
        .stdout(Stdio::null())
        .status()
        .context(|| "running cargo build for the fleet worker")?;
    if !status.success() {
        return Err(Error::msg("building the fleet_worker example failed"));
    }
    Ok(workspace.target_dir()?.join("debug/examples/fleet_worker"))
}

/// One mode's figures.
struct Tally {
    requests: u64,
    limited: u64,
}

impl Tally {
    /// Requests served, in percent of what the windows allowed.
    fn rate(&self) -> f64 {
        (self.requests - self.limited) as f64 / (LIMIT * WINDOWS) as f64 * 100.0
    }
}

fn unix_ms() -> u64 {
    SystemTime::now()
        .duration_since(UNIX_EPOCH)
        .map_or(0, |d| d.as_millis() as u64)
}

/// Starts the workers at the next window's start, lets them run for [`WINDOWS`] windows, and
/// tallies what the mock saw in those windows.
fn run_mode(worker: &Path, mock: &str, redis: Option<&str>, counts: &Counts) -> Result<Tally> {
    let window_ms = WINDOW * 1000;
    let first = unix_ms() / window_ms + 1;
    let start = first * window_ms;
    let until = start + WINDOWS * window_ms;
    std::thread::sleep(Duration::from_millis(start.saturating_sub(unix_ms())));
    let key = format!("fleet-bench-{}-{start}", std::process::id());
    let mut workers = Vec::new();
    for _ in 0..PROCESSES {
        let mut command = Command::new(worker);
        command
            .env("FLEET_BASE_URL", mock)
            // Stop a little before the last window ends: what is still in flight then would
            // land in the next mode's first window.
            .env("FLEET_UNTIL_MS", (until - 100).to_string())
            .env("FLEET_TASKS", TASKS.to_string())
            .env("RUST_LOG", "off")
            .stdout(Stdio::null());
        if let Some(url) = redis {
            command.env("FLEET_REDIS_URL", url).env("FLEET_KEY", &key);
        }
        workers.push(KillOnDrop(
            command
                .spawn()
                .context(|| format!("starting {}", worker.display()))?,
        ));
    }
    for mut worker in workers {
        let status = worker.0.wait().context(|| "waiting for a worker")?;
        if !status.success() {
            return Err(Error::msg(format!("a worker failed: {status}")));
        }
    }
    let counts = counts.lock().unwrap_or_else(|p| p.into_inner());
    let mut tally = Tally {
        requests: 0,
        limited: 0,
    };
    for index in first..first + WINDOWS {
        let (requests, limited) = counts.get(&index).copied().unwrap_or_default();
        tally.requests += requests;
        tally.limited += limited;
    }
    Ok(tally)
}

/// A child process killed when dropped.
struct KillOnDrop(Child);

impl Drop for KillOnDrop {
    fn drop(&mut self) {
        let _ = self.0.kill();
        let _ = self.0.wait();
    }
}

/// A `redis-server` on a free loopback port, killed when dropped.
struct RedisServer {
    child: Option<KillOnDrop>,
    port: u16,
}

impl RedisServer {
    fn start() -> Result<RedisServer> {
        let port = TcpListener::bind("127.0.0.1:0")
            .and_then(|l| l.local_addr())
            .context(|| "finding a free port")?
            .port();
        let child = Command::new("redis-server")
            .args(["--port", &port.to_string(), "--bind", "127.0.0.1"])
            .args(["--save", "", "--appendonly", "no"])
            .stdout(Stdio::null())
            .spawn()
            .context(|| "starting redis-server (Debian's package `redis-server`)")?;
        let server = RedisServer {
            child: Some(KillOnDrop(child)),
            port,
        };
        let started = Instant::now();
        while TcpStream::connect(("127.0.0.1", port)).is_err() {
            if started.elapsed() > Duration::from_secs(10) {
                return Err(Error::msg("redis-server did not start"));
            }
            std::thread::sleep(Duration::from_millis(20));
        }
        Ok(server)
    }

    fn url(&self) -> String {
        format!("redis://127.0.0.1:{}", self.port)
    }

    fn stop(&mut self) {
        self.child = None;
    }
}

/// Starts the mock Intercom; returns its base URL.
fn start_mock(counts: Counts) -> Result<String> {
    let listener = TcpListener::bind("127.0.0.1:0").context(|| "binding the mock Intercom")?;
    let url = format!(
        "http://{}",
        listener.local_addr().context(|| "the mock's address")?
    );
    std::thread::spawn(move || {
        for stream in listener.incoming().flatten() {
            let counts = counts.clone();
            std::thread::spawn(move || serve(stream, &counts));
        }
    });
    Ok(url)
}

/// Answers the requests of one keep-alive connection until it closes.
fn serve(stream: TcpStream, counts: &Counts) {
    let Ok(mut writer) = stream.try_clone() else {
        return;
    };
    let mut reader = BufReader::new(stream);
    loop {
        let mut request_line = String::new();
        match reader.read_line(&mut request_line) {
            Ok(0) | Err(_) => return,
            Ok(_) => {}
        }
        loop {
            let mut header = String::new();
            match reader.read_line(&mut header) {
                Ok(0) | Err(_) => return,
                Ok(_) if header.trim().is_empty() => break,
                Ok(_) => {}
            }
        }
        let path = request_line.split(' ').nth(1).unwrap_or("/");
        if writer.write_all(&answer(path, counts)).is_err() {
            return;
        }
    }
}

/// The answer to a request for `path`: counted in its window, 429 beyond the budget.
fn answer(path: &str, counts: &Counts) -> Vec<u8> {
    let now = unix_ms() / 1000;
    let index = now / WINDOW;
    let count = {
        let mut counts = counts.lock().unwrap_or_else(|p| p.into_inner());
        let entry = counts.entry(index).or_default();
        entry.0 += 1;
        if entry.0 > LIMIT {
            entry.1 += 1;
        }
        entry.0
    };
    let (status, body) = if count > LIMIT {
        (
            "429 Too Many Requests",
            format!(
                r#"{{"type":"error.list","errors":[{{"code":"rate_limit_exceeded","message":"Exceeded rate limit of {LIMIT} in {WINDOW}_seconds"}}]}}"#
            ),
        )
    } else if path.starts_with("/admins/") {
        ("200 OK", ADMIN.to_string())
    } else {
        (
            "200 OK",
            format!(r#"{{"type":"admin.list","admins":[{ADMIN}]}}"#),
        )
    };
    format!(
        "HTTP/1.1 {status}\r\nContent-Type: application/json\r\nContent-Length: {}\r\n\
         X-RateLimit-Limit: {LIMIT}\r\nX-RateLimit-Remaining: {}\r\nX-RateLimit-Reset: {}\r\n\r\n{body}",
        body.len(),
        LIMIT.saturating_sub(count),
        (index + 1) * WINDOW,
    )
    .into_bytes()
}
