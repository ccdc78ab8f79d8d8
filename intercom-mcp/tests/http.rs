//! `intercom-mcp --http` driven by the Python MCP reference client over the streamable HTTP
//! transport (`intercom-mcp/tests/mcp/drive.py --http`, the client installed into
//! `.cache/mcp-client` by `intercom-mcp/tests/mcp/install-client.sh`) against a local mock of
//! the Intercom API: with the secret it lists the tools and makes a call that reaches the mock
//! with the Intercom token; without the secret, or with a wrong one, every request is answered
//! 401 and nothing reaches the mock; nothing the client sees holds the Intercom token or the
//! secret; and the server refuses to start without its secret.

mod common;

use std::process::Stdio;
use std::time::Duration;

use serde_json::{json, Value};
use tokio::io::{AsyncBufReadExt, BufReader};
use tokio::process::{Child, Command};
use wiremock::matchers::{header, method, path};
use wiremock::{Mock, MockServer, ResponseTemplate};

const CONTACT: &str = r#"{"type":"contact","id":"6657","workspace_id":"ecahpwf5","role":"user","email":"ada@example.com","name":"Ada Lovelace","created_at":1717000000,"updated_at":1717000001}"#;
const INTERCOM_TOKEN: &str = "intercom-token-never-echoed";
const SECRET: &str = "team-secret-4f1c9a";

/// The server on a free loopback port, its secret in `secret_env` (named with `--auth-env`
/// unless it is the default); the server and the URL it prints.
async fn start(mock: &MockServer, secret_env: &str) -> (Child, String) {
    let mut command = Command::new(env!("CARGO_BIN_EXE_intercom-mcp"));
    command.args(["--http", "127.0.0.1:0"]);
    if secret_env != "INTERCOM_MCP_SECRET" {
        command.args(["--auth-env", secret_env]);
    }
    let mut child = command
        .env_remove("INTERCOM_MCP_SECRET")
        .env(secret_env, SECRET)
        .env("INTERCOM_ACCESS_TOKEN", INTERCOM_TOKEN)
        .env("INTERCOM_BASE_URL", mock.uri())
        .env("INTERCOM_MAX_RETRIES", "0")
        .stdin(Stdio::null())
        .stdout(Stdio::null())
        .stderr(Stdio::piped())
        .kill_on_drop(true)
        .spawn()
        .expect("start intercom-mcp --http");
    let stderr = child.stderr.take().expect("stderr");
    let mut lines = BufReader::new(stderr).lines();
    let line = tokio::time::timeout(Duration::from_secs(30), lines.next_line())
        .await
        .expect("the server says where it listens within 30 s")
        .expect("stderr")
        .expect("a line on stderr");
    let url = line
        .strip_prefix("intercom-mcp: serving MCP over HTTP at ")
        .unwrap_or_else(|| panic!("unexpected first line: {line}"))
        .to_string();
    assert!(
        url.starts_with("http://127.0.0.1:") && url.ends_with("/mcp"),
        "{url}"
    );
    (child, url)
}

/// Runs the Python client over HTTP at `url` with `calls`, sending `bearer` if given.
async fn drive(url: &str, bearer: Option<&str>, calls: Value) -> Value {
    let mut command = common::driver();
    command.args(["--http", url]).env_remove("MCP_BEARER");
    if let Some(bearer) = bearer {
        command.env("MCP_BEARER", bearer);
    }
    common::run_client(command, calls).await
}

#[tokio::test(flavor = "multi_thread")]
async fn the_reference_client_over_http_lists_tools_and_calls_one_with_the_secret() {
    let mock = MockServer::start().await;
    Mock::given(method("GET"))
        .and(path("/contacts/6657"))
        .and(header(
            "authorization",
            format!("Bearer {INTERCOM_TOKEN}").as_str(),
        ))
        .respond_with(ResponseTemplate::new(200).set_body_raw(CONTACT, "application/json"))
        .expect(1)
        .mount(&mock)
        .await;
    let (_server, url) = start(&mock, "INTERCOM_MCP_SECRET").await;

    let calls = json!([{"tool": "get_contact", "arguments": {"contactId": "6657"}}]);
    let report = drive(&url, Some(SECRET), calls).await;
    assert!(report.get("error").is_none(), "{report}");
    assert_eq!(report["server"], "intercom-mcp");
    let tools: Vec<&str> = report["tools"]
        .as_array()
        .expect("tools")
        .iter()
        .filter_map(|tool| tool["name"].as_str())
        .collect();
    assert!(tools.len() >= 31, "{tools:?}");
    for name in ["get_contact", "search_conversations", "create_article"] {
        assert!(tools.contains(&name), "{name} in {tools:?}");
    }
    let result = &report["results"][0];
    assert_eq!(result["isError"], false, "{result}");
    assert_eq!(result["structuredContent"]["id"], "6657", "{result}");
    assert_eq!(
        result["structuredContent"]["email"], "ada@example.com",
        "{result}"
    );
    let statuses = report["statuses"].as_array().expect("statuses");
    assert!(!statuses.is_empty() && statuses.iter().all(|s| s.as_u64().is_some_and(|s| s < 300)));
    let text = report.to_string();
    assert!(!text.contains(INTERCOM_TOKEN) && !text.contains(SECRET));
    mock.verify().await;
}

#[tokio::test(flavor = "multi_thread")]
async fn without_the_secret_or_with_a_wrong_one_every_request_is_401() {
    let mock = MockServer::start().await;
    Mock::given(method("GET"))
        .respond_with(ResponseTemplate::new(200).set_body_raw(CONTACT, "application/json"))
        .expect(0)
        .mount(&mock)
        .await;
    let (_server, url) = start(&mock, "TEAM_MCP_SECRET").await;
    let calls = json!([{"tool": "get_contact", "arguments": {"contactId": "6657"}}]);
    let wrong = format!("{SECRET}x");
    for bearer in [
        None,
        Some("wrong"),
        Some(wrong.as_str()),
        Some(INTERCOM_TOKEN),
    ] {
        let report = drive(&url, bearer, calls.clone()).await;
        assert!(report.get("error").is_some(), "{bearer:?}: {report}");
        assert!(report.get("tools").is_none(), "{bearer:?}: {report}");
        let statuses = report["statuses"].as_array().expect("statuses");
        assert!(
            !statuses.is_empty() && statuses.iter().all(|s| s == 401),
            "{bearer:?}: {statuses:?}"
        );
        let text = report.to_string();
        assert!(!text.contains(INTERCOM_TOKEN) || bearer == Some(INTERCOM_TOKEN));
        assert!(!text.contains(SECRET));
    }
    // The secret named by --auth-env works.
    let report = drive(&url, Some(SECRET), json!([])).await;
    assert!(report.get("error").is_none(), "{report}");
    mock.verify().await;
}

#[tokio::test]
async fn http_mode_refuses_to_start_without_its_secret() {
    for (args, missing) in [
        (&["--http", "127.0.0.1:0"][..], "INTERCOM_MCP_SECRET"),
        (
            &["--http", "127.0.0.1:0", "--auth-env", "TEAM_MCP_SECRET"][..],
            "TEAM_MCP_SECRET",
        ),
    ] {
        let output = Command::new(env!("CARGO_BIN_EXE_intercom-mcp"))
            .args(args)
            .env_remove("INTERCOM_MCP_SECRET")
            .env_remove("TEAM_MCP_SECRET")
            .env("INTERCOM_ACCESS_TOKEN", INTERCOM_TOKEN)
            .stdin(Stdio::null())
            .output();
        let output = tokio::time::timeout(Duration::from_secs(30), output)
            .await
            .expect("it exits at once")
            .expect("run intercom-mcp");
        assert!(!output.status.success());
        let stderr = String::from_utf8_lossy(&output.stderr);
        assert!(stderr.contains(missing), "{stderr}");
        assert!(stderr.contains("bearer secret"), "{stderr}");
        assert!(!stderr.contains(INTERCOM_TOKEN), "{stderr}");
    }
}
