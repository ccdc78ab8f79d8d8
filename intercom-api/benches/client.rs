//! Benchmarks, printed as figures (`cargo bench -p intercom-api --bench client`):
//!
//! 1. client overhead per request against a loopback server, compared in the same run with
//!    plain `reqwest` doing the same GET;
//! 2. decoding a large contact list page into the typed model through the client's own path
//!    (`Response::json`), compared with plain `serde_json::from_slice` into the same type;
//! 3. the DESIGN §7 workload: iterate 10,000 contacts (200 cursor pages of 50) served by a
//!    separate process on loopback, through the client's `items()` stream and through a
//!    hand-written `reqwest` + `serde_json::from_slice::<ContactList>` loop, in alternating
//!    rounds on the current-thread and on the multi-thread tokio runtime; CPU time of this
//!    process for each, and their ratio.

#![recursion_limit = "256"]

use std::io::{BufRead, BufReader, Read, Write};
use std::net::{TcpListener, TcpStream};
use std::process::{Command, Stdio};
use std::time::{Duration, Instant};

use futures_util::TryStreamExt;
use intercom_api::models::{ContactList, CursorPagesNext};
use intercom_api::{Client, RetryPolicy};

const PAGES: usize = 200;
const PER_PAGE: usize = 50;
/// Alternating rounds of each contender in the stream and decode comparisons: CPU time is
/// read in 10 ms ticks, and alternating spreads any background load over both.
const ROUNDS: usize = 6;

/// One contact as the API returns it (about 2 KB of JSON).
fn contact(i: usize) -> serde_json::Value {
    serde_json::json!({
        "type": "contact", "id": format!("6571b8e{i:017}"), "workspace_id": "abc123def",
        "external_id": format!("user-{i}"), "role": "user", "email": format!("person{i}@example.com"),
        "email_domain": "example.com", "phone": "+353871234567", "formatted_phone": "+353 87 123 4567",
        "name": format!("Person Number {i}"), "owner_id": 991267459, "has_hard_bounced": false,
        "marked_email_as_spam": false, "unsubscribed_from_emails": false,
        "created_at": 1734537243, "updated_at": 1734537250, "signed_up_at": 1734537243,
        "last_seen_at": 1734537250, "last_replied_at": null, "last_contacted_at": 1734537249,
        "last_email_opened_at": null, "last_email_clicked_at": null,
        "language_override": null, "browser": "chrome", "browser_version": "120.0.1",
        "browser_language": "en", "os": "OS X 10.15", "android_app_name": null,
        "ios_app_name": null, "ios_device": null, "ios_os_version": null,
        "avatar": {"type": "avatar", "image_url": "https://static.intercomassets.com/avatars/1/square_128/pic.jpg"},
        "custom_attributes": {"plan": "pro", "seats": 12, "paying": true, "mrr": 155.5},
        "tags": {"type": "list", "data": [{"type": "tag", "id": "7522907", "url": "/tags/7522907"}],
                 "url": format!("/contacts/{i}/tags"), "total_count": 1, "has_more": false},
        "notes": {"type": "list", "data": [], "url": format!("/contacts/{i}/notes"), "total_count": 0, "has_more": false},
        "companies": {"type": "list", "data": [{"type": "company", "id": "531ee472cce572a6ec000006", "url": "/companies/531ee472cce572a6ec000006"}],
                      "url": format!("/contacts/{i}/companies"), "total_count": 1, "has_more": false},
        "location": {"type": "location", "country": "Ireland", "region": "Dublin", "city": "Dublin",
                     "country_code": "IRL", "continent_code": "EU"},
        "social_profiles": {"type": "list", "data": [{"type": "social_profile", "name": "Twitter", "url": "http://twitter.com/person"}]}
    })
}

fn page(n: usize) -> String {
    let data: Vec<_> = (0..PER_PAGE).map(|i| contact(n * PER_PAGE + i)).collect();
    let next = if n + 1 < PAGES {
        serde_json::json!({"per_page": PER_PAGE, "starting_after": format!("cursor{}", n + 1)})
    } else {
        serde_json::Value::Null
    };
    serde_json::json!({"type": "list", "data": data, "total_count": PAGES * PER_PAGE,
        "pages": {"type": "pages", "next": next, "page": n + 1, "per_page": PER_PAGE, "total_pages": PAGES}})
    .to_string()
}

/// Serves pages by `starting_after=cursorN` (and a small admin for `/me`) over keep-alive.
fn serve(listener: TcpListener) {
    let pages: Vec<String> = (0..PAGES).map(page).collect();
    let admin = r#"{"type":"admin","id":"1","email":"a@example.com"}"#.to_string();
    for stream in listener.incoming().flatten() {
        let pages = pages.clone();
        let admin = admin.clone();
        std::thread::spawn(move || connection(stream, &pages, &admin));
    }
}

fn connection(stream: TcpStream, pages: &[String], admin: &str) {
    let mut reader = BufReader::new(match stream.try_clone() {
        Ok(s) => s,
        Err(_) => return,
    });
    let mut writer = stream;
    let _ = writer.set_nodelay(true);
    loop {
        let mut line = String::new();
        if reader.read_line(&mut line).unwrap_or(0) == 0 {
            return;
        }
        let target = line.split(' ').nth(1).unwrap_or("/").to_string();
        loop {
            let mut header = String::new();
            if reader.read_line(&mut header).unwrap_or(0) == 0 || header == "\r\n" {
                break;
            }
        }
        let body = if target.starts_with("/me") {
            admin
        } else {
            let n = target
                .split("starting_after=cursor")
                .nth(1)
                .and_then(|s| s.split('&').next())
                .and_then(|s| s.parse().ok())
                .unwrap_or(0usize);
            &pages[n.min(PAGES - 1)]
        };
        let mut response = format!(
            "HTTP/1.1 200 OK\r\ncontent-type: application/json\r\ncontent-length: {}\r\n\r\n",
            body.len()
        )
        .into_bytes();
        response.extend_from_slice(body.as_bytes());
        if writer.write_all(&response).is_err() {
            return;
        }
    }
}

/// User + system CPU time of this process.
fn cpu_time() -> Duration {
    let stat = std::fs::read_to_string("/proc/self/stat").unwrap_or_default();
    let fields: Vec<&str> = stat
        .rsplit(')')
        .next()
        .unwrap_or("")
        .split_whitespace()
        .collect();
    let ticks: u64 = [11, 12]
        .iter()
        .filter_map(|&i| fields.get(i)?.parse::<u64>().ok())
        .sum();
    Duration::from_millis(ticks * 10)
}

/// Peak resident memory of this process.
fn peak_rss_mb() -> f64 {
    let status = std::fs::read_to_string("/proc/self/status").unwrap_or_default();
    let kb: f64 = status
        .lines()
        .find(|l| l.starts_with("VmHWM"))
        .and_then(|l| l.split_whitespace().nth(1)?.parse().ok())
        .unwrap_or(0.0);
    kb / 1024.0
}

/// The smallest wall time of `f` over `ROUNDS` rounds of `repeat` calls each.
fn best_time(repeat: usize, f: &dyn Fn()) -> f64 {
    f();
    (0..ROUNDS)
        .map(|_| {
            let start = Instant::now();
            for _ in 0..repeat {
                f();
            }
            start.elapsed().as_secs_f64()
        })
        .fold(f64::INFINITY, f64::min)
}

fn decode_figures() {
    let body = page(0);
    let mb = body.len() as f64 / 1e6;
    let repeat = 50;
    let bytes = intercom_api::runtime::Bytes::from(body.clone());
    let strict = {
        let mut response = intercom_api::runtime::Response::new(
            intercom_api::runtime::StatusCode::OK,
            Default::default(),
            bytes.clone(),
        );
        response.strict = true;
        response
    };
    strict
        .json::<ContactList>()
        .expect("the bench page fits the model: no salvage in the figures");
    let mut plain = f64::INFINITY;
    let mut client = f64::INFINITY;
    for _ in 0..ROUNDS {
        plain = plain.min(best_time(repeat, &|| {
            let page: ContactList = serde_json::from_slice(&bytes).expect("plain");
            std::hint::black_box(page);
        }));
        client = client.min(best_time(repeat, &|| {
            let response = intercom_api::runtime::Response::new(
                intercom_api::runtime::StatusCode::OK,
                Default::default(),
                bytes.clone(),
            );
            let page: ContactList = response.json().expect("client");
            std::hint::black_box(page);
        }));
    }
    let value = best_time(repeat, &|| {
        let page: serde_json::Value = serde_json::from_slice(&bytes).expect("value");
        std::hint::black_box(page);
    });
    let tracked = best_time(repeat, &|| {
        let de = &mut serde_json::Deserializer::from_slice(&bytes);
        let page: ContactList = serde_path_to_error::deserialize(de).expect("tracked");
        std::hint::black_box(page);
    });
    let rate = |seconds: f64| mb * repeat as f64 / seconds;
    println!(
        "decode: a {PER_PAGE}-contact page of {:.0} KB",
        body.len() as f64 / 1e3
    );
    println!(
        "decode: from_slice::<ContactList>      {:8.1} MB/s",
        rate(plain)
    );
    println!(
        "decode: client Response::json          {:8.1} MB/s ({:.1}% of from_slice)",
        rate(client),
        100.0 * plain / client
    );
    println!(
        "decode: serde_json::Value              {:8.1} MB/s",
        rate(value)
    );
    println!(
        "decode: path-tracking (after a failure) {:7.1} MB/s",
        rate(tracked)
    );
}

async fn overhead_figures(base: &str) {
    let n = 2000;
    let client = Client::builder("bench-token")
        .base_url(base)
        .retry_policy(RetryPolicy::never())
        .build()
        .expect("client");
    let plain = reqwest::Client::new();
    for _ in 0..50 {
        client.admins().identify().send().await.expect("warm-up");
        plain
            .get(format!("{base}/me"))
            .send()
            .await
            .expect("warm-up")
            .bytes()
            .await
            .expect("body");
    }
    let start = Instant::now();
    for _ in 0..n {
        std::hint::black_box(client.admins().identify().send().await.expect("request"));
    }
    let ours = start.elapsed().as_secs_f64() / n as f64;
    let start = Instant::now();
    for _ in 0..n {
        let bytes = plain
            .get(format!("{base}/me"))
            .bearer_auth("bench-token")
            .send()
            .await
            .expect("request")
            .bytes()
            .await
            .expect("body");
        let admin: serde_json::Value = serde_json::from_slice(&bytes).expect("json");
        std::hint::black_box(admin);
    }
    let baseline = start.elapsed().as_secs_f64() / n as f64;
    println!(
        "request: intercom-api identify_admin  {:7.1} µs/request",
        ours * 1e6
    );
    println!(
        "request: plain reqwest + Value         {:7.1} µs/request",
        baseline * 1e6
    );
    println!(
        "request: client overhead               {:7.1} µs/request",
        (ours - baseline) * 1e6
    );
}

/// Every contact through the client's `items()` stream; how many there were.
async fn through_client(client: &Client) -> usize {
    let mut count = 0usize;
    let mut items = Box::pin(client.contacts().list().per_page(PER_PAGE as i64).items());
    while let Some(contact) = items.try_next().await.expect("contact") {
        count += usize::from(!contact.id.is_empty());
    }
    count
}

/// Every contact through a loop a user could write with `reqwest` and `serde_json` alone.
async fn hand_written(http: &reqwest::Client, base: &str) -> usize {
    let mut count = 0usize;
    let mut cursor: Option<String> = None;
    loop {
        let mut request = http
            .get(format!("{base}/contacts"))
            .bearer_auth("bench-token")
            .header("Intercom-Version", intercom_api::API_VERSION)
            .header("Accept", "application/json")
            .query(&[("per_page", PER_PAGE)]);
        if let Some(cursor) = &cursor {
            request = request.query(&[("starting_after", cursor)]);
        }
        let response = request.send().await.expect("request");
        assert!(
            response.status().is_success(),
            "status {}",
            response.status()
        );
        let bytes = response.bytes().await.expect("body");
        let page: ContactList = serde_json::from_slice(&bytes).expect("page");
        for contact in page.data.unwrap_or_default() {
            count += usize::from(!contact.id.is_empty());
        }
        cursor = match page.pages.and_then(|pages| pages.next) {
            Some(CursorPagesNext::StartingAfterPaging(next)) => {
                next.starting_after.value().cloned()
            }
            _ => None,
        };
        if cursor.is_none() {
            return count;
        }
    }
}

/// CPU time of this process spent in `run`, and its result.
async fn cpu_of<F: std::future::Future<Output = usize>>(run: F) -> (Duration, usize) {
    let before = cpu_time();
    let count = run.await;
    (cpu_time().saturating_sub(before), count)
}

/// The `items()` stream against the hand-written loop, in alternating rounds on `runtime`.
fn stream_figures(runtime: &tokio::runtime::Runtime, name: &str, base: &str) {
    let client = Client::builder("bench-token")
        .base_url(base)
        .build()
        .expect("client");
    let http = reqwest::Client::new();
    runtime.block_on(async {
        assert_eq!(through_client(&client).await, PAGES * PER_PAGE);
        assert_eq!(hand_written(&http, base).await, PAGES * PER_PAGE);
        let start = Instant::now();
        let (mut ours, mut theirs) = (Duration::ZERO, Duration::ZERO);
        for _ in 0..ROUNDS {
            let (cpu, count) = cpu_of(through_client(&client)).await;
            assert_eq!(count, PAGES * PER_PAGE);
            ours += cpu;
            let (cpu, count) = cpu_of(hand_written(&http, base)).await;
            assert_eq!(count, PAGES * PER_PAGE);
            theirs += cpu;
        }
        let wall = start.elapsed().as_secs_f64() / (2 * ROUNDS) as f64;
        let per_round = |total: Duration| total.as_secs_f64() * 1e3 / ROUNDS as f64;
        println!(
            "stream ({name}): {} contacts in {PAGES} pages, mean of {ROUNDS} rounds (wall ~{:.0} ms/round)",
            PAGES * PER_PAGE,
            wall * 1e3
        );
        println!(
            "stream ({name}):   client items()          CPU {:7.1} ms",
            per_round(ours)
        );
        println!(
            "stream ({name}):   reqwest + from_slice    CPU {:7.1} ms",
            per_round(theirs)
        );
        println!(
            "stream ({name}):   ratio client / hand-written {:.2}x",
            ours.as_secs_f64() / theirs.as_secs_f64().max(f64::EPSILON)
        );
    });
}

fn main() {
    if std::env::args().any(|a| a == "--serve") {
        let listener = TcpListener::bind("127.0.0.1:0").expect("bind");
        println!("{}", listener.local_addr().expect("addr"));
        serve(listener);
        return;
    }
    if std::env::args().any(|a| a == "--test") || std::env::args().any(|a| a == "--list") {
        return;
    }
    let exe = std::env::current_exe().expect("own path");
    let mut server = Command::new(exe)
        .arg("--serve")
        .stdout(Stdio::piped())
        .spawn()
        .expect("server process");
    let mut addr = String::new();
    if let Some(out) = server.stdout.as_mut() {
        let mut byte = [0u8; 1];
        while out.read(&mut byte).unwrap_or(0) == 1 && byte[0] != b'\n' {
            addr.push(byte[0] as char);
        }
    }
    let base = format!("http://{addr}");
    let current = tokio::runtime::Builder::new_current_thread()
        .enable_all()
        .build()
        .expect("runtime");
    let multi = tokio::runtime::Builder::new_multi_thread()
        .enable_all()
        .build()
        .expect("runtime");
    stream_figures(&current, "current-thread", &base);
    stream_figures(&multi, "multi-thread", &base);
    println!(
        "stream: peak memory of this process {:.1} MB",
        peak_rss_mb()
    );
    decode_figures();
    current.block_on(overhead_figures(&base));
    let _ = server.kill();
    let _ = server.wait();
}
