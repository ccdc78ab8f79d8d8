//! A webhook receiver for Intercom, on axum.
//!
//! It verifies each delivery's `X-Hub-Signature`, answers at once (`200`, or `401` for a bad
//! signature, `400` for a body that is not a notification), skips ids it has already seen, and
//! does the work in a spawned task after answering. Every step prints one line on stdout.
//!
//! ```text
//! INTERCOM_CLIENT_SECRET=<your app's client secret> WEBHOOK_ADDR=127.0.0.1:3000 \
//!     cargo run -p intercom-api --features webhooks --example webhook_receiver
//! ```
//!
//! Then point the app's webhook URL (Developer Hub → Webhooks) at `https://<host>/webhooks`.

use std::collections::{HashSet, VecDeque};
use std::sync::{Arc, Mutex, PoisonError};

use axum::body::Bytes;
use axum::extract::State;
use axum::http::{HeaderMap, StatusCode};
use axum::routing::post;
use axum::Router;
use intercom_api::webhooks::{self, Notification};

/// The app's client secret, used as the HMAC key.
const SECRET_ENV: &str = "INTERCOM_CLIENT_SECRET";
/// Where to listen; port 0 picks a free port (the bound address is printed).
const ADDR_ENV: &str = "WEBHOOK_ADDR";
const DEFAULT_ADDR: &str = "127.0.0.1:3000";
/// How many notification ids to remember. Intercom retries within minutes, so the last few
/// thousand are plenty, and memory stays bounded whatever the traffic.
const REMEMBERED_IDS: usize = 10_000;

/// The ids seen most recently, oldest forgotten first.
struct SeenIds {
    ids: HashSet<String>,
    order: VecDeque<String>,
    capacity: usize,
}

impl SeenIds {
    fn new(capacity: usize) -> Self {
        SeenIds {
            ids: HashSet::with_capacity(capacity),
            order: VecDeque::with_capacity(capacity),
            capacity,
        }
    }

    /// Records `id`; `false` if it was already there.
    fn first_time(&mut self, id: &str) -> bool {
        if self.ids.contains(id) {
            return false;
        }
        if self.order.len() >= self.capacity {
            if let Some(oldest) = self.order.pop_front() {
                self.ids.remove(&oldest);
            }
        }
        self.ids.insert(id.to_owned());
        self.order.push_back(id.to_owned());
        true
    }
}

#[derive(Clone)]
struct Receiver {
    secret: Arc<[u8]>,
    seen: Arc<Mutex<SeenIds>>,
}

/// `POST /webhooks`: the body is taken as raw bytes, since the signature covers them exactly.
async fn receive(State(receiver): State<Receiver>, headers: HeaderMap, body: Bytes) -> StatusCode {
    let signature = headers
        .get("x-hub-signature")
        .and_then(|value| value.to_str().ok())
        .unwrap_or("");
    let notification = match webhooks::verify_and_parse(&receiver.secret, &body, signature) {
        Ok(notification) => notification,
        Err(e) if e.is_signature_error() => {
            println!("rejected: {e}");
            return StatusCode::UNAUTHORIZED;
        }
        Err(e) => {
            println!("bad request: {e}");
            return StatusCode::BAD_REQUEST;
        }
    };
    let first_time = receiver
        .seen
        .lock()
        .unwrap_or_else(PoisonError::into_inner)
        .first_time(&notification.id);
    if !first_time {
        println!("duplicate {}", notification.id);
        return StatusCode::OK;
    }
    // Answer now; Intercom gives up after 5 seconds and retries.
    tokio::spawn(process(notification));
    StatusCode::OK
}

/// The real work: update your database, call the Intercom API, enqueue a job…
async fn process(notification: Notification) {
    for warning in &notification.warnings {
        println!("warning {}: {warning}", notification.id);
    }
    let item = notification.item();
    println!(
        "processed {} {} {} {}",
        notification.id,
        notification.topic,
        item.type_name().unwrap_or("-"),
        item.id().unwrap_or("-"),
    );
}

#[tokio::main]
async fn main() -> Result<(), Box<dyn std::error::Error>> {
    let secret = std::env::var(SECRET_ENV).unwrap_or_default();
    if secret.is_empty() {
        return Err(format!("set {SECRET_ENV} to your Intercom app's client secret").into());
    }
    let addr = std::env::var(ADDR_ENV).unwrap_or_else(|_| DEFAULT_ADDR.to_owned());
    let receiver = Receiver {
        secret: Arc::from(secret.into_bytes()),
        seen: Arc::new(Mutex::new(SeenIds::new(REMEMBERED_IDS))),
    };
    let app = Router::new()
        // Intercom checks the URL with a HEAD request when the subscription is saved.
        .route("/webhooks", post(receive).head(|| async { StatusCode::OK }))
        .with_state(receiver);
    let listener = tokio::net::TcpListener::bind(&addr).await?;
    println!("listening on http://{}", listener.local_addr()?);
    axum::serve(listener, app).await?;
    Ok(())
}
