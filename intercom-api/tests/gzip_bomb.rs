//! A gzip bomb ends in a clear error with bounded memory. Alone in its test binary so that no
//! other test disturbs the peak-memory figure.

use std::io::Write;

use intercom_api::{Client, Error, RetryPolicy};
use wiremock::matchers::{method, path};
use wiremock::{Mock, MockServer, ResponseTemplate};

/// The peak resident set size of this process, in bytes (`VmHWM`).
fn peak_rss() -> u64 {
    let status = std::fs::read_to_string("/proc/self/status").unwrap_or_default();
    status
        .lines()
        .find_map(|line| line.strip_prefix("VmHWM:"))
        .and_then(|rest| {
            rest.trim()
                .trim_end_matches("kB")
                .trim()
                .parse::<u64>()
                .ok()
        })
        .map_or(0, |kb| kb * 1024)
}

/// `size` bytes of zeros, gzipped, without ever holding them uncompressed.
fn bomb(size: usize) -> Vec<u8> {
    let mut encoder = flate2::write::GzEncoder::new(Vec::new(), flate2::Compression::fast());
    let zeros = vec![0u8; 1 << 20];
    for _ in 0..size / zeros.len() {
        encoder.write_all(&zeros).unwrap();
    }
    encoder.finish().unwrap()
}

#[tokio::test]
async fn a_gzip_bomb_is_a_clear_error_in_bounded_memory() {
    let compressed = bomb(256 << 20);
    let server = MockServer::start().await;
    Mock::given(method("GET"))
        .and(path("/me"))
        .respond_with(
            ResponseTemplate::new(200)
                .insert_header("content-encoding", "gzip")
                .set_body_raw(compressed.clone(), "application/json"),
        )
        .mount(&server)
        .await;
    Mock::given(method("GET"))
        .and(path("/admins"))
        .respond_with(
            ResponseTemplate::new(503)
                .insert_header("content-encoding", "gzip")
                .set_body_raw(compressed.clone(), "application/json"),
        )
        .mount(&server)
        .await;
    let client = Client::builder("t")
        .base_url(server.uri())
        .retry_policy(RetryPolicy {
            initial_backoff: std::time::Duration::from_millis(1),
            ..RetryPolicy::default()
        })
        .build()
        .unwrap();
    let error = client.admins().identify().send().await.expect_err("a bomb");
    assert!(
        matches!(error, Error::TooLarge { limit, .. } if limit == intercom_api::runtime::DEFAULT_MAX_RESPONSE_BYTES),
        "{error:?}"
    );
    let error = client
        .admins()
        .list()
        .send()
        .await
        .expect_err("a bomb on a 503");
    let failure = error.api_failure().expect("the 503");
    assert_eq!(failure.body.len(), 64 << 10);
    assert_eq!(server.received_requests().await.unwrap().len(), 1 + 4);
    let peak = peak_rss();
    println!(
        "gzip bomb: {} KiB compressed, 256 MiB inflated; peak RSS {} MiB",
        compressed.len() >> 10,
        peak >> 20
    );
    assert!(peak > 0, "VmHWM is readable");
    assert!(peak < 100 << 20, "peak RSS {} MiB", peak >> 20);
}
