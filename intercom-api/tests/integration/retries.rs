//! Retries: exact attempt counts and waits for every retryable failure, and no retry where
//! retrying would be wrong.

use crate::common;

use std::time::{Duration, SystemTime, UNIX_EPOCH};

use common::{client, client_with, exact_policy};
use intercom_api::{Error, RetryPolicy};
use wiremock::matchers::{method, path};
use wiremock::{Mock, MockServer, ResponseTemplate};

const ADMIN: &str = r#"{"type":"admin","id":"1","email":"a@example.com"}"#;

fn ok() -> ResponseTemplate {
    ResponseTemplate::new(200).set_body_raw(ADMIN, "application/json")
}

async fn script(
    server: &MockServer,
    verb: &str,
    route: &str,
    failures: Vec<ResponseTemplate>,
    then: ResponseTemplate,
) {
    for failure in failures {
        Mock::given(method(verb))
            .and(path(route))
            .respond_with(failure)
            .up_to_n_times(1)
            .with_priority(1)
            .mount(server)
            .await;
    }
    Mock::given(method(verb))
        .and(path(route))
        .respond_with(then)
        .with_priority(2)
        .mount(server)
        .await;
}

async fn requests(server: &MockServer) -> usize {
    server.received_requests().await.map_or(0, |r| r.len())
}

#[tokio::test]
async fn retry_after_seconds_is_honoured() {
    let server = MockServer::start().await;
    script(
        &server,
        "GET",
        "/me",
        vec![ResponseTemplate::new(429).insert_header("Retry-After", "2")],
        ok(),
    )
    .await;
    let (client, waits) = client(&server.uri());
    let admin = client
        .admins()
        .identify()
        .send()
        .await
        .expect("retried into success");
    assert_eq!(admin.email.as_deref(), Some("a@example.com"));
    assert_eq!(requests(&server).await, 2);
    assert_eq!(waits.get(), [Duration::from_secs(2)]);
}

#[tokio::test]
async fn rate_limit_reset_is_honoured() {
    let server = MockServer::start().await;
    let reset = SystemTime::now()
        .duration_since(UNIX_EPOCH)
        .unwrap()
        .as_secs()
        + 5;
    let limited = ResponseTemplate::new(429)
        .insert_header("X-RateLimit-Limit", "166")
        .insert_header("X-RateLimit-Remaining", "0")
        .insert_header("X-RateLimit-Reset", reset.to_string().as_str());
    script(&server, "GET", "/me", vec![limited], ok()).await;
    let (client, waits) = client(&server.uri());
    client
        .admins()
        .identify()
        .send()
        .await
        .expect("retried into success");
    assert_eq!(requests(&server).await, 2);
    let waits = waits.get();
    assert_eq!(waits.len(), 1);
    assert!(
        waits[0] > Duration::from_secs(3) && waits[0] <= Duration::from_secs(5),
        "{waits:?}"
    );
}

#[tokio::test]
async fn server_errors_back_off_exponentially() {
    let server = MockServer::start().await;
    let failures = vec![
        ResponseTemplate::new(503),
        ResponseTemplate::new(500),
        ResponseTemplate::new(504),
    ];
    script(&server, "GET", "/me", failures, ok()).await;
    let (client, waits) = client(&server.uri());
    client
        .admins()
        .identify()
        .send()
        .await
        .expect("retried into success");
    assert_eq!(requests(&server).await, 4);
    assert_eq!(
        waits.get(),
        [
            Duration::from_millis(500),
            Duration::from_secs(1),
            Duration::from_secs(2)
        ]
    );
}

#[tokio::test]
async fn exhausted_retries_return_the_last_error() {
    let server = MockServer::start().await;
    script(
        &server,
        "GET",
        "/me",
        vec![],
        ResponseTemplate::new(500).set_body_string("boom"),
    )
    .await;
    let (client, waits) = client(&server.uri());
    let error = client
        .admins()
        .identify()
        .send()
        .await
        .expect_err("500 forever");
    assert_eq!(requests(&server).await, 4, "1 attempt + 3 retries");
    assert_eq!(waits.get().len(), 3);
    assert_eq!(error.status().map(|s| s.as_u16()), Some(500));
    assert!(error.is_retryable());
    assert!(matches!(error, Error::Api(_)));
}

#[tokio::test]
async fn exhausted_rate_limit_carries_the_reset_time() {
    let server = MockServer::start().await;
    let reset = SystemTime::now()
        .duration_since(UNIX_EPOCH)
        .unwrap()
        .as_secs()
        + 2;
    let limited = ResponseTemplate::new(429)
        .insert_header("X-RateLimit-Remaining", "0")
        .insert_header("X-RateLimit-Reset", reset.to_string().as_str())
        .set_body_raw(r#"{"type":"error.list","request_id":"req-9","errors":[{"code":"rate_limit_exceeded","message":"Exceeded rate limit"}]}"#, "application/json");
    script(&server, "GET", "/me", vec![], limited).await;
    let (client, _) = client(&server.uri());
    let error = client
        .admins()
        .identify()
        .send()
        .await
        .expect_err("429 forever");
    assert_eq!(requests(&server).await, 4);
    let Error::RateLimited(limited) = &error else {
        panic!("expected RateLimited, got {error:?}")
    };
    assert_eq!(limited.attempts, 4);
    assert_eq!(limited.reset, Some(UNIX_EPOCH + Duration::from_secs(reset)));
    assert_eq!(error.request_id(), Some("req-9"));
    assert!(error.has_code("rate_limit_exceeded"));
    assert!(error.to_string().contains(&reset.to_string()), "{error}");
}

#[tokio::test]
async fn a_wait_beyond_the_budget_gives_up_at_once() {
    let server = MockServer::start().await;
    script(
        &server,
        "GET",
        "/me",
        vec![],
        ResponseTemplate::new(429).insert_header("Retry-After", "3600"),
    )
    .await;
    let (client, waits) = client(&server.uri());
    let error = client
        .admins()
        .identify()
        .send()
        .await
        .expect_err("limited for an hour");
    assert_eq!(requests(&server).await, 1);
    assert!(waits.get().is_empty());
    let Error::RateLimited(limited) = error else {
        panic!("expected RateLimited")
    };
    let reset = limited.reset.expect("reset from Retry-After");
    assert!(reset > SystemTime::now() + Duration::from_secs(3500));
}

#[tokio::test]
async fn posts_are_not_retried_unless_asked() {
    let server = MockServer::start().await;
    script(
        &server,
        "POST",
        "/contacts/123/notes",
        vec![],
        ResponseTemplate::new(503),
    )
    .await;
    let (client, waits) = client(&server.uri());
    let body = intercom_api::models::CreateNoteRequest::new("hello");
    let error = client
        .notes()
        .create("123", body.clone())
        .send()
        .await
        .expect_err("503");
    assert_eq!(requests(&server).await, 1);
    assert!(waits.get().is_empty());
    assert_eq!(error.status().map(|s| s.as_u16()), Some(503));
    client
        .notes()
        .create("123", body)
        .retry_non_idempotent()
        .send()
        .await
        .expect_err("503 forever");
    assert_eq!(requests(&server).await, 1 + 4);
}

#[tokio::test]
async fn read_only_posts_are_retried() {
    let server = MockServer::start().await;
    let list = r#"{"type":"conversation.list","conversations":[],"total_count":0}"#;
    script(
        &server,
        "POST",
        "/conversations/search",
        vec![ResponseTemplate::new(502)],
        ResponseTemplate::new(200).set_body_raw(list, "application/json"),
    )
    .await;
    let (client, _) = client(&server.uri());
    let search: intercom_api::search::Search<intercom_api::search::Conversations> =
        serde_json::from_str(r#"{"query":{"field":"state","operator":"=","value":"open"}}"#)
            .unwrap();
    client
        .conversations()
        .search(search)
        .send()
        .await
        .expect("search is retried");
    assert_eq!(requests(&server).await, 2);
}

#[tokio::test]
async fn no_retry_policy_sends_once() {
    let server = MockServer::start().await;
    script(&server, "GET", "/me", vec![], ResponseTemplate::new(503)).await;
    let (client, _) = client_with(&server.uri(), RetryPolicy::never());
    client.admins().identify().send().await.expect_err("503");
    assert_eq!(requests(&server).await, 1);
}

#[tokio::test]
async fn backoff_is_capped_by_the_total_budget() {
    let server = MockServer::start().await;
    script(&server, "GET", "/me", vec![], ResponseTemplate::new(500)).await;
    let policy = RetryPolicy {
        max_retries: 10,
        max_total_wait: Duration::from_millis(1600),
        ..exact_policy()
    };
    let (client, waits) = client_with(&server.uri(), policy);
    client
        .admins()
        .identify()
        .send()
        .await
        .expect_err("500 forever");
    assert_eq!(
        waits.get(),
        [Duration::from_millis(500), Duration::from_secs(1)]
    );
    assert_eq!(requests(&server).await, 3);
}

/// A server that drops the first `drops` connections without answering, then answers 200.
async fn flaky_server(drops: usize) -> (String, std::sync::Arc<std::sync::atomic::AtomicUsize>) {
    use std::sync::atomic::{AtomicUsize, Ordering};
    use tokio::io::{AsyncReadExt, AsyncWriteExt};
    let listener = tokio::net::TcpListener::bind("127.0.0.1:0").await.unwrap();
    let addr = listener.local_addr().unwrap();
    let count = std::sync::Arc::new(AtomicUsize::new(0));
    let seen = count.clone();
    tokio::spawn(async move {
        for _ in 0..(drops + 1) {
            let Ok(Ok((mut socket, _))) =
                tokio::time::timeout(Duration::from_secs(10), listener.accept()).await
            else {
                return;
            };
            let n = seen.fetch_add(1, Ordering::SeqCst);
            let mut buf = vec![0u8; 8192];
            let _ = socket.read(&mut buf).await;
            if n < drops {
                drop(socket);
                continue;
            }
            let response = format!("HTTP/1.1 200 OK\r\ncontent-type: application/json\r\ncontent-length: {}\r\nconnection: close\r\n\r\n{ADMIN}", ADMIN.len());
            let _ = socket.write_all(response.as_bytes()).await;
        }
    });
    (format!("http://{addr}"), count)
}

#[tokio::test]
async fn dropped_connections_are_retried() {
    let (url, count) = flaky_server(2).await;
    let (client, waits) = client(&url);
    client
        .admins()
        .identify()
        .send()
        .await
        .expect("third attempt answers");
    assert_eq!(count.load(std::sync::atomic::Ordering::SeqCst), 3);
    assert_eq!(
        waits.get(),
        [Duration::from_millis(500), Duration::from_secs(1)]
    );
}

#[tokio::test]
async fn huge_retry_after_values_do_not_panic() {
    for huge in ["18446744073709551615", "9223372036854775807"] {
        let server = MockServer::start().await;
        script(
            &server,
            "GET",
            "/me",
            vec![],
            ResponseTemplate::new(429).insert_header("Retry-After", huge),
        )
        .await;
        let (client, waits) = client(&server.uri());
        let error = client
            .admins()
            .identify()
            .send()
            .await
            .expect_err("limited for ever");
        assert_eq!(requests(&server).await, 1, "{huge}");
        assert!(waits.get().is_empty());
        assert!(matches!(error, Error::RateLimited(_)), "{error:?}");
        let _ = error.to_string();
    }
}

#[tokio::test]
async fn a_huge_rate_limit_reset_does_not_panic() {
    for status in [404, 429, 503] {
        let server = MockServer::start().await;
        let failure = ResponseTemplate::new(status)
            .insert_header("X-RateLimit-Limit", "18446744073709551615")
            .insert_header("X-RateLimit-Remaining", "0")
            .insert_header("X-RateLimit-Reset", "18446744073709551615");
        script(&server, "GET", "/me", vec![], failure).await;
        let (client, _) = client(&server.uri());
        let error = client
            .admins()
            .identify()
            .send()
            .await
            .expect_err("failure");
        assert_eq!(error.status().map(|s| s.as_u16()), Some(status));
        let _ = error.to_string();
    }
}

#[tokio::test]
async fn a_zero_or_past_server_wait_falls_back_to_the_backoff() {
    let past_reset = (SystemTime::now() - Duration::from_secs(100))
        .duration_since(UNIX_EPOCH)
        .unwrap()
        .as_secs();
    let past_date = httpdate::fmt_http_date(SystemTime::now() - Duration::from_secs(100));
    let zero = ResponseTemplate::new(429).insert_header("Retry-After", "0");
    let date = ResponseTemplate::new(503).insert_header("Retry-After", past_date.as_str());
    let reset = ResponseTemplate::new(429)
        .insert_header("X-RateLimit-Remaining", "0")
        .insert_header("X-RateLimit-Reset", past_reset.to_string().as_str());
    let server = MockServer::start().await;
    script(&server, "GET", "/me", vec![zero, date, reset], ok()).await;
    let (client, waits) = client(&server.uri());
    client
        .admins()
        .identify()
        .send()
        .await
        .expect("retried into success");
    assert_eq!(requests(&server).await, 4);
    assert_eq!(
        waits.get(),
        [
            Duration::from_millis(500),
            Duration::from_secs(1),
            Duration::from_secs(2)
        ],
        "the backoff schedule, not three immediate retries"
    );
}

#[tokio::test]
async fn a_429_is_retried_for_posts_too() {
    let server = MockServer::start().await;
    let note = r#"{"type":"note","id":"7","body":"hello"}"#;
    script(
        &server,
        "POST",
        "/contacts/123/notes",
        vec![ResponseTemplate::new(429).insert_header("Retry-After", "1")],
        ResponseTemplate::new(200).set_body_raw(note, "application/json"),
    )
    .await;
    let (client, waits) = client(&server.uri());
    let body = intercom_api::models::CreateNoteRequest::new("hello");
    let created = client
        .notes()
        .create("123", body)
        .send()
        .await
        .expect("the 429 was not processed, so it is retried");
    assert_eq!(created.id, "7");
    assert_eq!(requests(&server).await, 2);
    assert_eq!(waits.get(), [Duration::from_secs(1)]);
}

/// How a scripted connection answers.
#[derive(Clone, Copy)]
enum Answer {
    /// Headers and the start of the body, then the connection is reset.
    ResetMidBody,
    /// Headers and the start of the body, then nothing.
    StallMidBody,
    /// Nothing at all.
    Silent,
    /// The whole admin.
    Admin,
}

/// A server answering its connections with `answers` in turn (the last one repeats); returns
/// its URL and the number of connections so far.
async fn scripted_server(
    answers: Vec<Answer>,
) -> (String, std::sync::Arc<std::sync::atomic::AtomicUsize>) {
    use std::sync::atomic::{AtomicUsize, Ordering};
    use tokio::io::{AsyncReadExt, AsyncWriteExt};
    let listener = tokio::net::TcpListener::bind("127.0.0.1:0").await.unwrap();
    let addr = listener.local_addr().unwrap();
    let count = std::sync::Arc::new(AtomicUsize::new(0));
    let seen = count.clone();
    tokio::spawn(async move {
        let mut open = Vec::new();
        while let Ok(Ok((mut socket, _))) =
            tokio::time::timeout(Duration::from_secs(20), listener.accept()).await
        {
            let n = seen.fetch_add(1, Ordering::SeqCst);
            let answer = answers[n.min(answers.len() - 1)];
            let mut buf = vec![0u8; 8192];
            let _ = socket.read(&mut buf).await;
            let head = |len: usize| {
                format!("HTTP/1.1 200 OK\r\ncontent-type: application/json\r\ncontent-length: {len}\r\nconnection: close\r\n\r\n")
            };
            match answer {
                Answer::ResetMidBody => {
                    let _ = socket.write_all(head(1000).as_bytes()).await;
                    let _ = socket.write_all(&ADMIN.as_bytes()[..10]).await;
                    let _ = socket.flush().await;
                    tokio::time::sleep(Duration::from_millis(50)).await;
                    drop(socket);
                }
                Answer::StallMidBody => {
                    let _ = socket.write_all(head(1000).as_bytes()).await;
                    let _ = socket.write_all(&ADMIN.as_bytes()[..10]).await;
                    open.push(socket);
                }
                Answer::Silent => open.push(socket),
                Answer::Admin => {
                    let _ = socket.write_all(head(ADMIN.len()).as_bytes()).await;
                    let _ = socket.write_all(ADMIN.as_bytes()).await;
                }
            }
        }
    });
    (format!("http://{addr}"), count)
}

#[tokio::test]
async fn a_connection_broken_mid_body_is_retried() {
    let (url, count) = scripted_server(vec![Answer::ResetMidBody, Answer::Admin]).await;
    let (client, waits) = client(&url);
    let admin = client
        .admins()
        .identify()
        .send()
        .await
        .expect("the second attempt answers");
    assert_eq!(admin.email.as_deref(), Some("a@example.com"));
    assert_eq!(count.load(std::sync::atomic::Ordering::SeqCst), 2);
    assert_eq!(waits.get(), [Duration::from_millis(500)]);

    let (url, _) = scripted_server(vec![Answer::ResetMidBody]).await;
    let (client, _) = client_with(&url, RetryPolicy::never());
    let error = client.admins().identify().send().await.expect_err("broken");
    assert!(matches!(error, Error::Transport(_)), "{error:?}");
    assert!(error.is_retryable(), "agrees with the retry loop");
}

#[tokio::test]
async fn a_stall_mid_body_is_retried() {
    let (url, count) = scripted_server(vec![Answer::StallMidBody, Answer::Admin]).await;
    let client = intercom_api::Client::builder("t")
        .base_url(&url)
        .timeout(Duration::from_millis(300))
        .retry_policy(exact_policy())
        .sleep_fn(std::sync::Arc::new(|_| Box::pin(async {})))
        .build()
        .unwrap();
    client
        .admins()
        .identify()
        .send()
        .await
        .expect("the second attempt answers");
    assert_eq!(count.load(std::sync::atomic::Ordering::SeqCst), 2);
}

#[tokio::test]
async fn one_deadline_covers_all_attempts_and_waits() {
    let (url, count) = scripted_server(vec![Answer::Silent]).await;
    let client = intercom_api::Client::builder("t")
        .base_url(&url)
        .timeout(Duration::from_millis(300))
        .deadline(Duration::from_secs(1))
        .retry_policy(exact_policy())
        .build()
        .unwrap();
    let started = std::time::Instant::now();
    let error = client
        .admins()
        .identify()
        .send()
        .await
        .expect_err("dead server");
    let elapsed = started.elapsed();
    assert!(matches!(error, Error::Timeout(_)), "{error:?}");
    // Without the deadline: 4 attempts of 0.3 s and waits of 0.5 + 1 + 2 s = 4.7 s.
    assert!(
        elapsed >= Duration::from_millis(900) && elapsed < Duration::from_millis(2000),
        "{elapsed:?}"
    );
    assert_eq!(count.load(std::sync::atomic::Ordering::SeqCst), 2);

    let started = std::time::Instant::now();
    let error = client
        .raw(intercom_api::runtime::Method::GET, "/me")
        .deadline(Duration::from_millis(400))
        .send()
        .await
        .expect_err("dead server");
    assert!(matches!(error, Error::Timeout(_)), "{error:?}");
    assert!(started.elapsed() < Duration::from_millis(900));
    assert_eq!(count.load(std::sync::atomic::Ordering::SeqCst), 3);

    // Every generated builder takes a per-call deadline too.
    let started = std::time::Instant::now();
    let error = client
        .admins()
        .identify()
        .deadline(Duration::from_millis(400))
        .send()
        .await
        .expect_err("dead server");
    assert!(matches!(error, Error::Timeout(_)), "{error:?}");
    assert!(started.elapsed() < Duration::from_millis(900));
    assert_eq!(count.load(std::sync::atomic::Ordering::SeqCst), 4);
}
