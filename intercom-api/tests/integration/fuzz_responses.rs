//! Hostile responses through the real response path: mutated JSON bodies, arbitrary bytes and
//! hostile headers, answered by a local server to real calls (retries, rate limiter,
//! decoding, pagination). Whatever arrives, the client answers `Ok` or `Err`: never a panic,
//! never a hang. Bounded case counts keep the run to seconds.

use std::sync::{Arc, Mutex};
use std::time::Duration;

use futures_util::StreamExt;
use intercom_api::{Client, RetryPolicy};
use proptest::prelude::*;
use tokio::io::{AsyncReadExt, AsyncWriteExt};

/// A server answering every connection with the current bytes, then closing it.
struct Server {
    url: String,
    answer: Arc<Mutex<Vec<u8>>>,
    runtime: tokio::runtime::Runtime,
    client: Client,
}

impl Server {
    fn start() -> Server {
        let runtime = tokio::runtime::Builder::new_multi_thread()
            .worker_threads(2)
            .enable_all()
            .build()
            .expect("runtime");
        let answer = Arc::new(Mutex::new(Vec::new()));
        let shared = answer.clone();
        let listener = runtime
            .block_on(tokio::net::TcpListener::bind("127.0.0.1:0"))
            .expect("bind");
        let url = format!("http://{}", listener.local_addr().expect("address"));
        runtime.spawn(async move {
            while let Ok((mut socket, _)) = listener.accept().await {
                let bytes = shared.lock().map(|a| a.clone()).unwrap_or_default();
                tokio::spawn(async move {
                    let mut buf = vec![0u8; 16 << 10];
                    let _ = socket.read(&mut buf).await;
                    let _ = socket.write_all(&bytes).await;
                    let _ = socket.shutdown().await;
                });
            }
        });
        let client = Client::builder("t")
            .base_url(&url)
            .timeout(Duration::from_secs(2))
            .deadline(Duration::from_secs(4))
            .retry_policy(RetryPolicy {
                max_retries: 1,
                ..RetryPolicy::default()
            })
            .sleep_fn(Arc::new(|_| Box::pin(async {})))
            .build()
            .expect("client");
        Server {
            url,
            answer,
            runtime,
            client,
        }
    }

    /// Answers the next requests with `status`, `headers` and `body`, and makes a few calls.
    fn exercise(&self, status: u16, headers: &[(String, Vec<u8>)], body: &[u8]) {
        let mut response = format!("HTTP/1.1 {status} X\r\n").into_bytes();
        for (name, value) in headers {
            response.extend_from_slice(name.as_bytes());
            response.extend_from_slice(b": ");
            response.extend_from_slice(value);
            response.extend_from_slice(b"\r\n");
        }
        response.extend_from_slice(
            format!(
                "content-length: {}\r\nconnection: close\r\n\r\n",
                body.len()
            )
            .as_bytes(),
        );
        response.extend_from_slice(body);
        if let Ok(mut answer) = self.answer.lock() {
            *answer = response;
        }
        let client = &self.client;
        let calls = async {
            let _ = client.admins().identify().send().await.map(|a| a.id);
            let _ = client
                .notes()
                .create("1", intercom_api::models::CreateNoteRequest::new("x"))
                .send()
                .await
                .map_err(|e| e.to_string().len());
            let _ = client.calls().find_recording("c").send().await;
            let pages: Vec<_> = client.articles().list().pages().take(3).collect().await;
            let items: Vec<_> = client
                .conversations()
                .list()
                .items()
                .take(5)
                .collect()
                .await;
            let scroll: Vec<_> = client.companies().scroll().pages().take(3).collect().await;
            let raw = client
                .raw(intercom_api::runtime::Method::GET, "/me")
                .send_json::<serde_json::Value>()
                .await;
            for error in pages
                .iter()
                .filter_map(|p| p.as_ref().err())
                .chain(items.iter().filter_map(|i| i.as_ref().err()))
                .chain(scroll.iter().filter_map(|s| s.as_ref().err()))
                .chain(raw.as_ref().err())
            {
                let _ = (error.to_string(), error.is_retryable(), error.status());
            }
            let _ = client.rate_limit_status();
        };
        let finished = self
            .runtime
            .block_on(async { tokio::time::timeout(Duration::from_secs(30), calls).await });
        assert!(finished.is_ok(), "the calls hang");
    }
}

fn server() -> &'static Server {
    static SERVER: std::sync::OnceLock<Server> = std::sync::OnceLock::new();
    SERVER.get_or_init(Server::start)
}

/// Bodies close to what the API sends.
const SEEDS: &[&str] = &[
    r#"{"type":"admin","id":"1","email":"a@example.com","away_mode_enabled":false,"avatar":{"image_url":"https://x"}}"#,
    r#"{"type":"list","data":[{"type":"article","id":"1","created_at":1734537243}],"total_count":1,"pages":{"type":"pages","page":1,"per_page":1,"total_pages":3,"next":"https://api.intercom.io/articles?page=2"}}"#,
    r#"{"type":"conversation.list","conversations":[{"type":"conversation","id":"7","created_at":"1734537243"}],"pages":{"type":"pages","next":{"starting_after":"c1"}}}"#,
    r#"{"type":"list","data":[{"type":"company","id":"1"}],"scroll_param":"s1"}"#,
    r#"{"type":"note","id":"5","body":"hello","created_at":1.5e9,"contact":{"type":"contact","id":12345678901234567890}}"#,
    r#"{"type":"error.list","request_id":"r1","errors":[{"code":"not_found","message":"nope"}]}"#,
];

/// Tokens a hostile server might put anywhere.
const HOSTILE: &[&str] = &[
    "99999999999999999999",
    "-9223372036854775809",
    "1e400",
    "-1e400",
    "\"inf\"",
    "\"NaN\"",
    "null",
    "[]",
    "{}",
    "\"\\ud800\"",
    "\u{0}",
    "9223372036854775807",
    "18446744073709551616",
    "\"pages\"",
    "{\"next\":{\"page\":9223372036854775807}}",
];

fn mutated_body() -> impl Strategy<Value = Vec<u8>> {
    (
        0..SEEDS.len(),
        prop::collection::vec(
            (any::<prop::sample::Index>(), 0..HOSTILE.len(), 0u8..4),
            0..4,
        ),
    )
        .prop_map(|(seed, edits)| {
            let mut body = SEEDS[seed].as_bytes().to_vec();
            for (at, token, kind) in edits {
                let i = at.index(body.len() + 1);
                match kind {
                    0 => {
                        let tail = body.split_off(i);
                        body.extend_from_slice(HOSTILE[token].as_bytes());
                        body.extend_from_slice(&tail);
                    }
                    1 => body.truncate(i),
                    2 if i < body.len() => body[i] ^= 0x20,
                    _ => {
                        // Replace the value after a colon with a hostile token.
                        if let Some(colon) =
                            body[i.min(body.len())..].iter().position(|b| *b == b':')
                        {
                            let start = i + colon + 1;
                            let end = body[start..]
                                .iter()
                                .position(|b| matches!(b, b',' | b'}'))
                                .map_or(body.len(), |n| start + n);
                            body.splice(start..end, HOSTILE[token].bytes());
                        }
                    }
                }
            }
            body
        })
}

fn status() -> impl Strategy<Value = u16> {
    prop::sample::select(vec![
        200u16, 201, 202, 204, 301, 302, 304, 307, 400, 401, 404, 409, 422, 429, 500, 502, 503,
        504, 599,
    ])
}

/// Header values that break parsers: huge, negative, fractional, dates, garbage bytes.
fn header_value() -> impl Strategy<Value = Vec<u8>> {
    prop_oneof![
        prop::sample::select(vec![
            "18446744073709551615",
            "18446744073709551616",
            "9223372036854775807",
            "0",
            "-1",
            "1.5",
            "1e9",
            " 7 ",
            "",
            "Fri, 31 Dec 9999 23:59:59 GMT",
            "Thu, 01 Jan 1970 00:00:00 GMT",
            "gzip",
            "deflate, br",
            "https://x.example/\u{7f}",
        ])
        .prop_map(|s| s.as_bytes().to_vec()),
        any::<u64>().prop_map(|n| n.to_string().into_bytes()),
        prop::collection::vec(
            any::<u8>().prop_filter("no line breaks", |b| !matches!(b, b'\r' | b'\n')),
            0..40
        ),
    ]
}

fn hostile_headers() -> impl Strategy<Value = Vec<(String, Vec<u8>)>> {
    let names = prop::sample::select(vec![
        "Retry-After",
        "X-RateLimit-Limit",
        "X-RateLimit-Remaining",
        "X-RateLimit-Reset",
        "X-Request-Id",
        "Location",
        "Content-Type",
        "Content-Encoding",
    ]);
    prop::collection::vec((names.prop_map(str::to_string), header_value()), 0..6)
}

proptest! {
    #![proptest_config(ProptestConfig {
        cases: 256,
        failure_persistence: None,
        ..ProptestConfig::default()
    })]

    #[test]
    fn mutated_examples_never_panic(status in status(), body in mutated_body()) {
        server().exercise(status, &[("Content-Type".into(), b"application/json".to_vec())], &body);
    }

    #[test]
    fn arbitrary_bytes_never_panic(
        status in status(),
        body in prop::collection::vec(any::<u8>(), 0..2048),
    ) {
        server().exercise(status, &[], &body);
    }

    #[test]
    fn hostile_headers_never_panic(
        status in status(),
        headers in hostile_headers(),
        body in mutated_body(),
    ) {
        server().exercise(status, &headers, &body);
    }
}

#[test]
fn the_server_answers() {
    let server = server();
    assert!(server.url.starts_with("http://127.0.0.1:"));
    server.exercise(200, &[], SEEDS[0].as_bytes());
}
