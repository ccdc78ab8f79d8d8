//! Fetching the OpenAPI description over HTTP(S), verifying it and storing it in the cache.

use std::io::Read;
use std::path::Path;
use std::time::Duration;

use crate::error::{Context, Error, Result};
use crate::hash::sha256_hex;

/// Descriptions are ~1–2 MB; anything far larger is not what we asked for.
const MAX_BYTES: u64 = 64 * 1024 * 1024;
/// Upper bound for the whole request, including reading the body.
const TIMEOUT: Duration = Duration::from_secs(120);

/// Downloads `url` and, if its SHA-256 equals `expected_sha256` (when given), stores it at
/// `dest` atomically (temporary file next to it, then rename). Nothing is stored on failure.
pub fn download_to(url: &str, dest: &Path, expected_sha256: Option<&str>) -> Result<()> {
    let bytes = fetch(url)?;
    if let Some(expected) = expected_sha256 {
        let actual = sha256_hex(&bytes);
        if !actual.eq_ignore_ascii_case(expected) {
            return Err(Error::msg(format!(
                "sha256 mismatch for {url} (not stored in {}): expected {expected} \
                 (spec/pin.toml), got {actual}",
                dest.display()
            )));
        }
    }
    store(dest, &bytes)
}

/// GETs `url` and returns the body of a 2xx response.
fn fetch(url: &str) -> Result<Vec<u8>> {
    let mut config = ureq::Agent::config_builder()
        .http_status_as_error(false)
        .timeout_global(Some(TIMEOUT))
        .user_agent(concat!("intercom-rs-xtask/", env!("CARGO_PKG_VERSION")));
    if is_loopback(url) {
        // A local server (tests, mirrors) is reached directly even when a proxy is configured.
        config = config.proxy(None);
    }
    let config = config.build();
    let agent = ureq::Agent::new_with_config(config);
    let mut response = agent
        .get(url)
        .call()
        .context(|| format!("cannot download {url}"))?;
    let status = response.status();
    if !status.is_success() {
        return Err(Error::msg(
            format!(
                "cannot download {url}: HTTP {} {}",
                status.as_u16(),
                status.canonical_reason().unwrap_or("")
            )
            .trim_end()
            .to_string(),
        ));
    }
    let mut bytes = Vec::new();
    response
        .body_mut()
        .with_config()
        .limit(MAX_BYTES)
        .reader()
        .read_to_end(&mut bytes)
        .context(|| format!("cannot read the response body of {url}"))?;
    Ok(bytes)
}

/// True for `http://127.0.0.1…` and `http://localhost…` URLs.
fn is_loopback(url: &str) -> bool {
    let rest = url
        .strip_prefix("http://")
        .or_else(|| url.strip_prefix("https://"))
        .unwrap_or("");
    ["127.0.0.1", "localhost", "[::1]"].iter().any(|host| {
        rest.strip_prefix(host)
            .is_some_and(|after| after.is_empty() || after.starts_with([':', '/']))
    })
}

/// Writes `bytes` to `dest` via a temporary file in the same directory and a rename.
fn store(dest: &Path, bytes: &[u8]) -> Result<()> {
    let dir = dest
        .parent()
        .ok_or_else(|| Error::msg(format!("{} has no parent directory", dest.display())))?;
    std::fs::create_dir_all(dir).context(|| format!("cannot create {}", dir.display()))?;
    let name = dest
        .file_name()
        .ok_or_else(|| Error::msg(format!("{} has no file name", dest.display())))?;
    let mut temp_name = name.to_os_string();
    temp_name.push(format!(".tmp-{}", std::process::id()));
    let temp = dir.join(temp_name);
    let result = std::fs::write(&temp, bytes)
        .context(|| format!("cannot write {}", temp.display()))
        .and_then(|()| {
            std::fs::rename(&temp, dest)
                .context(|| format!("cannot rename {} to {}", temp.display(), dest.display()))
        });
    if result.is_err() {
        // Best effort: the temporary file is useless now, and the error above is what matters.
        let _ = std::fs::remove_file(&temp);
    }
    result
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::test_server::{serve_once, Reply};

    const BODY: &[u8] = b"openapi: 3.0.1\ninfo:\n  title: Intercom API\n";

    #[test]
    fn success_stores_the_file_in_the_cache() {
        let dir = tempfile::tempdir().unwrap();
        let dest = dir.path().join("commit/2.14/api.intercom.io.yaml");
        let server = serve_once(Reply::ok(BODY));
        let url = format!("{}/descriptions/2.14/api.intercom.io.yaml", server.base_url);
        download_to(&url, &dest, Some(&sha256_hex(BODY))).unwrap();
        assert_eq!(std::fs::read(&dest).unwrap(), BODY);
        assert_eq!(
            server.request_line(),
            "GET /descriptions/2.14/api.intercom.io.yaml HTTP/1.1"
        );
        let leftovers: Vec<_> = std::fs::read_dir(dest.parent().unwrap()).unwrap().collect();
        assert_eq!(leftovers.len(), 1, "no temporary file is left behind");
    }

    #[test]
    fn success_without_expected_hash_stores_the_file() {
        let dir = tempfile::tempdir().unwrap();
        let dest = dir.path().join("api.intercom.io.yaml");
        let server = serve_once(Reply::ok(BODY));
        download_to(&format!("{}/x.yaml", server.base_url), &dest, None).unwrap();
        assert_eq!(std::fs::read(&dest).unwrap(), BODY);
    }

    #[test]
    fn sha256_mismatch_is_an_error_and_stores_nothing() {
        let dir = tempfile::tempdir().unwrap();
        let dest = dir.path().join("c/api.intercom.io.yaml");
        let server = serve_once(Reply::ok(BODY));
        let url = format!("{}/x.yaml", server.base_url);
        let expected = "0".repeat(64);
        let message = download_to(&url, &dest, Some(&expected))
            .unwrap_err()
            .chain()
            .join(": ");
        assert!(message.contains("sha256 mismatch"), "{message}");
        assert!(message.contains(&url), "{message}");
        assert!(message.contains(&dest.display().to_string()), "{message}");
        assert!(message.contains(&expected), "{message}");
        assert!(message.contains(&sha256_hex(BODY)), "{message}");
        assert!(!dest.exists());
        assert!(!dest.parent().unwrap().exists());
    }

    #[test]
    fn http_404_is_a_clear_error() {
        let dir = tempfile::tempdir().unwrap();
        let dest = dir.path().join("api.intercom.io.yaml");
        let server = serve_once(Reply::not_found());
        let url = format!("{}/descriptions/9.99/api.intercom.io.yaml", server.base_url);
        let message = download_to(&url, &dest, None)
            .unwrap_err()
            .chain()
            .join(": ");
        assert_eq!(
            message,
            format!("cannot download {url}: HTTP 404 Not Found")
        );
        assert!(!dest.exists());
    }

    #[test]
    fn loopback_urls_are_recognised() {
        assert!(is_loopback("http://127.0.0.1:8080/x"));
        assert!(is_loopback("http://localhost/x"));
        assert!(!is_loopback("https://raw.githubusercontent.com/x"));
        assert!(!is_loopback("http://localhost.example.com/x"));
    }

    #[test]
    fn connection_refused_is_an_error_naming_the_url() {
        // Bind and drop a listener to get a port nobody listens on.
        let port = std::net::TcpListener::bind("127.0.0.1:0")
            .unwrap()
            .local_addr()
            .unwrap()
            .port();
        let url = format!("http://127.0.0.1:{port}/x.yaml");
        let dir = tempfile::tempdir().unwrap();
        let error = download_to(&url, &dir.path().join("x.yaml"), None).unwrap_err();
        assert_eq!(error.chain()[0], format!("cannot download {url}"));
        assert!(
            error.chain().len() > 1,
            "the transport error is kept as the cause"
        );
    }
}
