//! Benchmarks, printed as figures (`cargo bench -p intercom-api`):
//!
//! 1. client overhead per request against a loopback server, compared in the same run with
//!    plain `reqwest` doing the same GET;
//! 2. decoding a large contact list page into the typed model, compared with
//!    `serde_json::Value` (MB/s);
//! 3. the DESIGN §7 workload: iterate 10,000 contacts through auto-pagination (200 cursor pages
//!    of 50) served by a separate process on loopback; CPU time and peak memory of this process.

#![recursion_limit = "256"]

use std::io::{BufRead, BufReader, Read, Write};
use std::net::{TcpListener, TcpStream};
use std::process::{Command, Stdio};
use std::time::{Duration, Instant};

use futures_util::TryStreamExt;
use intercom_api::models::ContactList;
use intercom_api::{Client, RetryPolicy};

const PAGES: usize = 200;
const PER_PAGE: usize = 50;

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

fn decode_figures() {
    let body = page(0);
    let mb = body.len() as f64 / 1e6;
    let rounds = 200;
    let time = |f: &dyn Fn()| {
        f();
        let start = Instant::now();
        for _ in 0..rounds {
            f();
        }
        start.elapsed().as_secs_f64()
    };
    let typed = time(&|| {
        let page: ContactList = serde_json::from_str(&body).expect("typed");
        std::hint::black_box(page);
    });
    let value = time(&|| {
        let page: serde_json::Value = serde_json::from_str(&body).expect("value");
        std::hint::black_box(page);
    });
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
    let client = time(&|| {
        let response = intercom_api::runtime::Response::new(
            intercom_api::runtime::StatusCode::OK,
            Default::default(),
            bytes.clone(),
        );
        let page: ContactList = response.json().expect("client");
        std::hint::black_box(page);
    });
    let tracked = time(&|| {
        let de = &mut serde_json::Deserializer::from_slice(body.as_bytes());
        let page: ContactList = serde_path_to_error::deserialize(de).expect("tracked");
        std::hint::black_box(page);
    });
    println!(
        "decode: a {PER_PAGE}-contact page of {:.0} KB",
        body.len() as f64 / 1e3
    );
    println!(
        "decode: typed ContactList     {:8.1} MB/s",
        mb * rounds as f64 / typed
    );
    println!(
        "decode: serde_json::Value     {:8.1} MB/s",
        mb * rounds as f64 / value
    );
    println!(
        "decode: client Response::json {:8.1} MB/s ({:.0}% of typed)",
        mb * rounds as f64 / client,
        100.0 * typed / client
    );
    println!(
        "decode: path-tracking (before salvage) {:8.1} MB/s",
        mb * rounds as f64 / tracked
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
        client.identify_admin().send().await.expect("warm-up");
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
        std::hint::black_box(client.identify_admin().send().await.expect("request"));
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

async fn stream_figures(base: &str) {
    let client = Client::builder("bench-token")
        .base_url(base)
        .build()
        .expect("client");
    let cpu = cpu_time();
    let start = Instant::now();
    let mut count = 0usize;
    let mut items = Box::pin(client.list_contacts().per_page(PER_PAGE as i64).items());
    while let Some(contact) = items.try_next().await.expect("contact") {
        count += usize::from(!contact.id.is_empty());
    }
    let wall = start.elapsed();
    let cpu = cpu_time().saturating_sub(cpu);
    assert_eq!(count, PAGES * PER_PAGE);
    println!(
        "stream: {count} contacts in {PAGES} pages: wall {:.3} s, CPU {:.3} s",
        wall.as_secs_f64(),
        cpu.as_secs_f64()
    );
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
    let runtime = tokio::runtime::Builder::new_current_thread()
        .enable_all()
        .build()
        .expect("runtime");
    runtime.block_on(stream_figures(&base));
    println!(
        "stream: peak memory of this process {:.1} MB",
        peak_rss_mb()
    );
    decode_figures();
    runtime.block_on(overhead_figures(&base));
    let _ = server.kill();
    let _ = server.wait();
}
