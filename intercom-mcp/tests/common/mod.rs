//! What the tests that drive `intercom-mcp` with the Python MCP reference client share: the
//! client's interpreter and one run of `tests/mcp/drive.py`.

use std::path::PathBuf;
use std::process::Stdio;
use std::time::Duration;

use serde_json::{json, Value};
use tokio::io::AsyncWriteExt;
use tokio::process::Command;

/// The Python of the virtualenv `tests/mcp/install-client.sh` makes (`.cache/mcp-client`).
pub fn python() -> PathBuf {
    let venv = PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("../.cache/mcp-client");
    let python = if cfg!(windows) {
        venv.join("Scripts/python.exe")
    } else {
        venv.join("bin/python")
    };
    assert!(
        python.is_file(),
        "{} not found: run `intercom-mcp/tests/mcp/install-client.sh` (installs the Python MCP \
         client pinned in intercom-mcp/tests/mcp/requirements.txt)",
        python.display()
    );
    python
}

/// A `Command` running `tests/mcp/drive.py` with [`python`]; the caller adds its arguments.
pub fn driver() -> Command {
    let mut command = Command::new(python());
    command.arg(concat!(env!("CARGO_MANIFEST_DIR"), "/tests/mcp/drive.py"));
    command
}

/// Runs the driver `command` with the scenario `calls` on its stdin and returns the report it
/// prints, failing the test if the client fails, takes over 2 minutes or prints no JSON.
pub async fn run_client(mut command: Command, calls: Value) -> Value {
    let mut child = command
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .kill_on_drop(true)
        .spawn()
        .expect("start the Python MCP client");
    let mut stdin = child.stdin.take().expect("stdin");
    stdin
        .write_all(json!({ "calls": calls }).to_string().as_bytes())
        .await
        .expect("write the scenario");
    drop(stdin);
    let output = tokio::time::timeout(Duration::from_secs(120), child.wait_with_output())
        .await
        .expect("the client finishes within 2 minutes")
        .expect("client output");
    assert!(
        output.status.success(),
        "the Python client failed: {}\n{}",
        output.status,
        String::from_utf8_lossy(&output.stderr)
    );
    serde_json::from_slice(&output.stdout).unwrap_or_else(|e| {
        panic!(
            "the client's report is not JSON ({e}): {}",
            String::from_utf8_lossy(&output.stdout)
        )
    })
}
