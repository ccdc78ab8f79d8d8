//! Runs `examples/conversation_lifecycle.rs` end to end against a local scripted server and
//! checks the requests it made. (`cargo test` builds the examples before running tests.)

use std::path::PathBuf;

use wiremock::matchers::{method, path};
use wiremock::{Mock, MockServer, ResponseTemplate};

const CONVERSATION: &str = r#"{"type":"conversation","id":"555","state":"closed","conversation_parts":{"type":"conversation_part.list","total_count":1,"conversation_parts":[{"type":"conversation_part","id":"1","part_type":"close","body":"Delivered today, closing."}]}}"#;

fn example_binary() -> PathBuf {
    let exe = std::env::current_exe().expect("test binary path");
    let profile_dir = exe
        .parent()
        .and_then(|deps| deps.parent())
        .expect("target/<profile>");
    profile_dir.join("examples").join(format!(
        "conversation_lifecycle{}",
        std::env::consts::EXE_SUFFIX
    ))
}

#[tokio::test]
async fn the_lifecycle_example_runs_end_to_end() {
    let server = MockServer::start().await;
    Mock::given(method("POST"))
        .and(path("/conversations"))
        .respond_with(ResponseTemplate::new(200).set_body_raw(
            r#"{"type":"user_message","id":"1","conversation_id":"555"}"#,
            "application/json",
        ))
        .mount(&server)
        .await;
    Mock::given(method("POST"))
        .and(path("/conversations/555/tags"))
        .respond_with(ResponseTemplate::new(200).set_body_raw(
            r#"{"type":"tag","id":"7522907","name":"vip"}"#,
            "application/json",
        ))
        .mount(&server)
        .await;
    Mock::given(wiremock::matchers::any())
        .respond_with(ResponseTemplate::new(200).set_body_raw(CONVERSATION, "application/json"))
        .mount(&server)
        .await;
    let binary = example_binary();
    assert!(
        binary.is_file(),
        "{} was not built (run `cargo build --examples` or the whole `cargo test`)",
        binary.display()
    );
    let output = tokio::process::Command::new(&binary)
        .env("INTERCOM_ACCESS_TOKEN", "token")
        .env("INTERCOM_BASE_URL", server.uri())
        .output()
        .await
        .expect("run the example");
    let stdout = String::from_utf8_lossy(&output.stdout);
    assert!(
        output.status.success(),
        "example failed: {}\n{stdout}",
        String::from_utf8_lossy(&output.stderr)
    );
    assert!(
        stdout.contains("created conversation 555") && stdout.contains("Close Delivered today"),
        "{stdout}"
    );
    let requests: Vec<String> = server
        .received_requests()
        .await
        .unwrap_or_default()
        .iter()
        .map(|r| format!("{} {}", r.method, r.url.path()))
        .collect();
    assert_eq!(
        requests,
        [
            "POST /conversations",
            "POST /conversations/555/reply",
            "POST /conversations/555/reply",
            "POST /conversations/555/reply",
            "POST /conversations/555/parts",
            "POST /conversations/555/parts",
            "POST /conversations/555/parts",
            "POST /conversations/555/tags",
            "POST /conversations/555/parts",
            "GET /conversations/555",
        ]
    );
}
