//! Tracing output of a request, in a test binary of its own: `tracing` caches per call site
//! whether anyone listens, and another test's thread hitting a call site first (with no
//! subscriber) could hide a line from this test's thread-local subscriber.

mod common;

use std::io::Write;
use std::sync::{Arc, Mutex};

use common::client;
use wiremock::matchers::{method, path};
use wiremock::{Mock, MockServer, ResponseTemplate};

const ADMIN: &str = r#"{"type":"admin","id":"1","email":"a@example.com"}"#;

/// A `tracing` writer that appends to a shared buffer.
#[derive(Clone, Default)]
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

#[tokio::test]
async fn tracing_records_requests_but_not_the_token() {
    let server = MockServer::start().await;
    Mock::given(method("GET"))
        .and(path("/me"))
        .respond_with(ResponseTemplate::new(503))
        .up_to_n_times(1)
        .mount(&server)
        .await;
    Mock::given(method("GET"))
        .and(path("/me"))
        .respond_with(
            ResponseTemplate::new(200)
                .insert_header("x-request-id", "req-42")
                .set_body_raw(ADMIN, "application/json"),
        )
        .mount(&server)
        .await;
    let captured = Captured::default();
    let writer = captured.clone();
    let subscriber = tracing_subscriber::fmt()
        .with_max_level(tracing::Level::DEBUG)
        .with_ansi(false)
        .with_writer(move || writer.clone())
        .finish();
    let (client, _) = client(&server.uri());
    {
        let _guard = tracing::subscriber::set_default(subscriber);
        client.admins().identify().send().await.expect("retried");
    }
    let log = String::from_utf8(captured.0.lock().unwrap().clone()).unwrap();
    assert!(log.contains("intercom.request"), "{log}");
    assert!(
        log.contains("operation=identifyAdmin")
            && log.contains("path=/me")
            && log.contains("method=GET"),
        "{log}"
    );
    assert!(
        log.contains("attempt=1") && log.contains("status=503"),
        "{log}"
    );
    assert!(
        log.contains("attempt=2") && log.contains("status=200") && log.contains("req-42"),
        "{log}"
    );
    assert!(log.contains("retrying"), "{log}");
    assert!(!log.contains("secret-token-123"), "{log}");
}
