//! Shared test helpers: a client pointed at a local scripted server, with a sleep that records
//! the waits instead of waiting.

#![allow(dead_code)]

use std::sync::{Arc, Mutex};
use std::time::Duration;

use intercom_api::{Client, RetryPolicy};

/// The waits a client asked for, in order.
#[derive(Clone, Default)]
pub struct Waits(Arc<Mutex<Vec<Duration>>>);

impl Waits {
    /// The waits so far.
    pub fn get(&self) -> Vec<Duration> {
        self.0.lock().map(|w| w.clone()).unwrap_or_default()
    }
}

/// A retry policy without jitter, so waits are exact.
pub fn exact_policy() -> RetryPolicy {
    RetryPolicy {
        jitter: false,
        ..RetryPolicy::default()
    }
}

/// A client for `base_url` that records its waits instead of sleeping.
pub fn client_with(base_url: &str, policy: RetryPolicy) -> (Client, Waits) {
    let waits = Waits::default();
    let record = waits.clone();
    let client = Client::builder("secret-token-123")
        .base_url(base_url)
        .retry_policy(policy)
        .sleep_fn(Arc::new(move |d| {
            if let Ok(mut w) = record.0.lock() {
                w.push(d);
            }
            Box::pin(async {})
        }))
        .build()
        .expect("client");
    (client, waits)
}

/// A client for `base_url` with exact waits.
pub fn client(base_url: &str) -> (Client, Waits) {
    client_with(base_url, exact_policy())
}

/// The token of [`api`] clients.
pub const TOKEN: &str = "token";

/// A client for a wiremock server, with the default retry policy.
pub fn api(server: &wiremock::MockServer) -> Client {
    Client::builder(TOKEN)
        .base_url(server.uri())
        .build()
        .expect("client")
}

/// A mock for `verb at` that also requires the client's version and auth headers.
pub fn given(verb: &str, at: &str) -> wiremock::MockBuilder {
    use wiremock::matchers::{header, method, path};
    wiremock::Mock::given(method(verb))
        .and(path(at))
        .and(header("intercom-version", intercom_api::API_VERSION))
        .and(header("authorization", format!("Bearer {TOKEN}").as_str()))
}

pub mod redis_server;
