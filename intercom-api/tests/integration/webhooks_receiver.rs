//! Runs `examples/webhook_receiver.rs` end to end: starts the binary on a free loopback port,
//! sends it signed, tampered and repeated deliveries, and reads what it printed.
//! (`cargo test` builds the examples first; with `--test webhooks_receiver` alone, run
//! `cargo build -p intercom-api --example webhook_receiver` before.)

use std::path::PathBuf;
use std::process::Stdio;
use std::time::Duration;

use hmac::{Hmac, Mac};
use sha1::Sha1;
use tokio::io::{AsyncBufReadExt, BufReader};
use tokio::process::{Child, Command};
use tokio::sync::mpsc;

const SECRET: &str = "whsec-client-secret-1";
const CONVERSATION: &str = include_str!("../fixtures/webhooks/conversation.json");
const CONVERSATION_ID: &str = "notif_0b6a2f4e-5c1d-4e59-9a43-1d2f3c4b5a60";
const PING: &str = include_str!("../fixtures/webhooks/ping.json");
const PING_ID: &str = "notif_b105d4f3-01c2-4304-8f5e-c2d3e1f05a1b";

fn example_binary() -> PathBuf {
    let exe = std::env::current_exe().expect("test binary path");
    let profile_dir = exe
        .parent()
        .and_then(|deps| deps.parent())
        .expect("target/<profile>");
    profile_dir
        .join("examples")
        .join(format!("webhook_receiver{}", std::env::consts::EXE_SUFFIX))
}

fn sign(body: &str) -> String {
    let mut mac = <Hmac<Sha1> as Mac>::new_from_slice(SECRET.as_bytes()).expect("any key");
    mac.update(body.as_bytes());
    let hex: String = mac
        .finalize()
        .into_bytes()
        .iter()
        .map(|b| format!("{b:02x}"))
        .collect();
    format!("sha1={hex}")
}

/// The running example; killed when dropped, whatever happens in the test.
struct Receiver {
    child: Child,
    stdout: mpsc::UnboundedReceiver<String>,
    seen: Vec<String>,
    url: String,
}

impl Drop for Receiver {
    fn drop(&mut self) {
        let _ = self.child.start_kill();
    }
}

impl Receiver {
    async fn start() -> Receiver {
        let binary = example_binary();
        assert!(
            binary.is_file(),
            "{} was not built (run `cargo build -p intercom-api --example webhook_receiver` or the whole `cargo test`)",
            binary.display()
        );
        let mut child = Command::new(&binary)
            .env("INTERCOM_CLIENT_SECRET", SECRET)
            .env("WEBHOOK_ADDR", "127.0.0.1:0")
            .stdin(Stdio::null())
            .stdout(Stdio::piped())
            .kill_on_drop(true)
            .spawn()
            .expect("start the example");
        let stdout = child.stdout.take().expect("piped stdout");
        let (tx, rx) = mpsc::unbounded_channel();
        tokio::spawn(async move {
            let mut lines = BufReader::new(stdout).lines();
            while let Ok(Some(line)) = lines.next_line().await {
                if tx.send(line).is_err() {
                    break;
                }
            }
        });
        let mut receiver = Receiver {
            child,
            stdout: rx,
            seen: Vec::new(),
            url: String::new(),
        };
        let listening = receiver.wait_for("listening on ").await;
        let base = listening
            .strip_prefix("listening on ")
            .expect("address line");
        receiver.url = format!("{base}/webhooks");
        receiver
    }

    /// Waits (at most 20 s) for a stdout line starting with `prefix`.
    async fn wait_for(&mut self, prefix: &str) -> String {
        if let Some(line) = self.seen.iter().find(|l| l.starts_with(prefix)) {
            return line.clone();
        }
        let deadline = tokio::time::Instant::now() + Duration::from_secs(20);
        loop {
            let line = tokio::time::timeout_at(deadline, self.stdout.recv())
                .await
                .unwrap_or_else(|_| panic!("no line {prefix:?} in {:#?}", self.seen))
                .unwrap_or_else(|| panic!("the example exited; it printed {:#?}", self.seen));
            self.seen.push(line.clone());
            if line.starts_with(prefix) {
                return line;
            }
        }
    }

    async fn post(&self, body: &str, signature: Option<&str>) -> u16 {
        let mut request = reqwest::Client::new()
            .post(&self.url)
            .header("content-type", "application/json")
            .body(body.to_owned());
        if let Some(signature) = signature {
            request = request.header("x-hub-signature", signature);
        }
        request.send().await.expect("request").status().as_u16()
    }
}

#[tokio::test]
async fn the_receiver_verifies_answers_and_deduplicates() {
    let mut receiver = Receiver::start().await;

    // Intercom checks the URL with HEAD when the subscription is saved.
    let head = reqwest::Client::new()
        .head(&receiver.url)
        .send()
        .await
        .expect("HEAD");
    assert_eq!(head.status().as_u16(), 200);

    // A signed delivery is accepted and processed.
    assert_eq!(
        receiver.post(CONVERSATION, Some(&sign(CONVERSATION))).await,
        200
    );
    let processed = receiver
        .wait_for(&format!("processed {CONVERSATION_ID}"))
        .await;
    assert_eq!(
        processed,
        format!("processed {CONVERSATION_ID} conversation.user.created conversation 2851")
    );

    // A tampered body (one byte changed) with the original signature is refused.
    let tampered = CONVERSATION.replacen("VAT", "VAX", 1);
    assert_ne!(tampered, CONVERSATION);
    assert_eq!(
        receiver.post(&tampered, Some(&sign(CONVERSATION))).await,
        401
    );
    let rejected = receiver.wait_for("rejected: ").await;
    assert!(rejected.contains("does not match"), "{rejected}");
    // So are a missing signature and a malformed one.
    assert_eq!(receiver.post(CONVERSATION, None).await, 401);
    assert_eq!(
        receiver
            .post(CONVERSATION, Some("sha1=not-a-signature"))
            .await,
        401
    );
    // A signed body that is not a notification is a bad request.
    assert_eq!(
        receiver.post("not json", Some(&sign("not json"))).await,
        400
    );

    // Intercom's retry of the same notification: same id, new attempt count, new signature.
    let retry = CONVERSATION.replacen("\"delivery_attempts\": 1", "\"delivery_attempts\": 2", 1);
    assert_ne!(retry, CONVERSATION);
    assert_eq!(receiver.post(&retry, Some(&sign(&retry))).await, 200);
    receiver
        .wait_for(&format!("duplicate {CONVERSATION_ID}"))
        .await;

    // Another notification still goes through; by then a second run of the first would show.
    assert_eq!(receiver.post(PING, Some(&sign(PING))).await, 200);
    receiver
        .wait_for(&format!("processed {PING_ID} ping"))
        .await;

    let runs = receiver
        .seen
        .iter()
        .filter(|line| line.starts_with(&format!("processed {CONVERSATION_ID}")))
        .count();
    assert_eq!(runs, 1, "{:#?}", receiver.seen);
}
