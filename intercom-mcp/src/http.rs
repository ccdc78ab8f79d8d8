//! `--http ADDR`: MCP's streamable HTTP transport (rmcp's server, one session per client) at
//! `/mcp`, for a team sharing one server. Every request must carry
//! `Authorization: Bearer <secret>`, the secret read from an environment variable at start;
//! a missing or wrong one is answered 401 before anything else is read, compared in constant
//! time. A body over [`MAX_BODY_BYTES`] is answered 413. Nothing the server answers or prints
//! holds the secret or the Intercom token.

use std::fmt;
use std::net::SocketAddr;
use std::sync::Arc;

use axum::body::Body;
use axum::extract::{Request, State};
use axum::http::header::{self, HeaderMap, HeaderValue};
use axum::http::{Response, StatusCode};
use axum::middleware::{self, Next};
use axum::Router;
use rmcp::transport::streamable_http_server::session::local::LocalSessionManager;
use rmcp::transport::streamable_http_server::{StreamableHttpServerConfig, StreamableHttpService};
use subtle::ConstantTimeEq;

use crate::server::Server;

/// The path MCP is served at.
pub const PATH: &str = "/mcp";

/// The largest request body taken (1 MiB): a tool call's arguments are far smaller.
pub const MAX_BODY_BYTES: usize = 1024 * 1024;

/// The bearer secret every request must send. Its `Debug` does not show it.
pub struct Secret(Vec<u8>);

impl fmt::Debug for Secret {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str("Secret(..)")
    }
}

impl Secret {
    /// The secret in environment variable `name`; an error (naming the variable, never its
    /// value) when it is unset, empty or cannot be sent in a header as it is.
    pub fn from_env(name: &str) -> Result<Secret, String> {
        let value = std::env::var(name).map_err(|e| match e {
            std::env::VarError::NotPresent => format!(
                "--http needs a bearer secret: set {name} (or name another variable with --auth-env)"
            ),
            std::env::VarError::NotUnicode(_) => format!("{name} is not valid UTF-8"),
        })?;
        Secret::new(&value).map_err(|problem| format!("{name} {problem}"))
    }

    /// `value` as the secret, or what is wrong with it.
    pub fn new(value: &str) -> Result<Secret, String> {
        if value.is_empty() {
            return Err("is empty: a bearer secret is required".into());
        }
        if value.trim() != value || HeaderValue::from_str(value).is_err() {
            return Err(
                "must be visible ASCII without surrounding spaces (it is sent in a header)".into(),
            );
        }
        Ok(Secret(value.as_bytes().to_vec()))
    }

    /// Whether `authorization` is `Bearer <this secret>` (the scheme in any case). The secret is
    /// compared in constant time for its length (`subtle`); only the length of a wrong secret
    /// can make it answer sooner.
    fn accepts(&self, authorization: Option<&HeaderValue>) -> bool {
        let Some((scheme, given)) = authorization
            .map(HeaderValue::as_bytes)
            .and_then(|value| value.split_at_checked(6))
        else {
            return false;
        };
        if !scheme.eq_ignore_ascii_case(b"Bearer") || given.first() != Some(&b' ') {
            return false;
        }
        let given = given.trim_ascii_start();
        bool::from(given.ct_eq(&self.0))
    }
}

/// The HTTP application: the MCP service at [`PATH`] behind the secret. `loopback` keeps
/// rmcp's check that the `Host` header names this machine (against DNS rebinding from a
/// browser); a server bound to another address takes any `Host` (the secret still applies).
pub fn router(server: Server, secret: Secret, loopback: bool) -> Router {
    let mut config =
        StreamableHttpServerConfig::default().with_max_request_body_bytes(MAX_BODY_BYTES);
    if !loopback {
        config = config.disable_allowed_hosts();
    }
    let service = StreamableHttpService::new(
        move || Ok(server.clone()),
        Arc::new(LocalSessionManager::default()),
        config,
    );
    Router::new()
        .route_service(PATH, service)
        .layer(middleware::from_fn_with_state(Arc::new(secret), guard))
}

/// Serves [`router`] on `addr` until the process ends, saying where on stderr.
pub async fn serve(addr: SocketAddr, server: Server, secret: Secret) -> Result<(), String> {
    let listener = tokio::net::TcpListener::bind(addr)
        .await
        .map_err(|e| format!("cannot listen on {addr}: {e}"))?;
    let local = listener
        .local_addr()
        .map_err(|e| format!("cannot read the address listened on: {e}"))?;
    eprintln!("intercom-mcp: serving MCP over HTTP at http://{local}{PATH}");
    let app = router(server, secret, addr.ip().is_loopback());
    axum::serve(listener, app)
        .await
        .map_err(|e| format!("the HTTP server stopped: {e}"))
}

/// Refuses a request without the secret (401) or with a declared body over the cap (413);
/// rmcp refuses a longer body sent without `Content-Length` while reading it.
async fn guard(State(secret): State<Arc<Secret>>, request: Request, next: Next) -> Response<Body> {
    if !secret.accepts(request.headers().get(header::AUTHORIZATION)) {
        let mut response = refusal(
            StatusCode::UNAUTHORIZED,
            "a bearer secret is required: send `Authorization: Bearer <secret>`",
        );
        response
            .headers_mut()
            .insert(header::WWW_AUTHENTICATE, HeaderValue::from_static("Bearer"));
        return response;
    }
    if declared_length(request.headers()).is_some_and(|length| length > MAX_BODY_BYTES as u64) {
        return refusal(
            StatusCode::PAYLOAD_TOO_LARGE,
            "the request body is over the server's limit of 1 MiB",
        );
    }
    next.run(request).await
}

/// The `Content-Length` of a request, if it declares a readable one.
fn declared_length(headers: &HeaderMap) -> Option<u64> {
    headers
        .get(header::CONTENT_LENGTH)?
        .to_str()
        .ok()?
        .trim()
        .parse()
        .ok()
}

/// A plain-text refusal with a fixed message (nothing from the request in it).
fn refusal(status: StatusCode, message: &'static str) -> Response<Body> {
    let mut response = Response::new(Body::from(message));
    *response.status_mut() = status;
    response.headers_mut().insert(
        header::CONTENT_TYPE,
        HeaderValue::from_static("text/plain; charset=utf-8"),
    );
    response
}

#[cfg(test)]
mod tests {
    use axum::body::to_bytes;
    use tower::ServiceExt;

    use super::*;
    use crate::registry::{Extra, Registry};

    const SECRET: &str = "team-secret-0123456789";
    const INTERCOM_TOKEN: &str = "intercom-token-must-not-leak";
    const INITIALIZE: &str = r#"{"jsonrpc":"2.0","id":1,"method":"initialize","params":{"protocolVersion":"2025-06-18","capabilities":{},"clientInfo":{"name":"test","version":"0"}}}"#;

    fn app() -> Router {
        let client = intercom_api::Client::new(INTERCOM_TOKEN).expect("client");
        let registry = Registry::new(&Extra::Nothing).expect("registry");
        let secret = Secret::new(SECRET).expect("secret");
        router(Server::new(client, registry), secret, true)
    }

    fn post(authorization: Option<&str>, body: Body) -> Request {
        let mut builder = axum::http::Request::post(PATH)
            .header(header::HOST, "127.0.0.1:8080")
            .header(header::CONTENT_TYPE, "application/json")
            .header(header::ACCEPT, "application/json, text/event-stream");
        if let Some(value) = authorization {
            builder = builder.header(header::AUTHORIZATION, value);
        }
        builder.body(body).expect("request")
    }

    /// The status and the body (the body only when it ends: a refusal, not an SSE stream).
    async fn send(request: Request) -> (StatusCode, String) {
        let response = app().oneshot(request).await.expect("infallible");
        let status = response.status();
        if status.is_success() {
            return (status, String::new());
        }
        let body = to_bytes(response.into_body(), usize::MAX)
            .await
            .expect("body");
        (status, String::from_utf8_lossy(&body).into_owned())
    }

    #[tokio::test]
    async fn a_missing_or_wrong_secret_is_401_and_nothing_secret_is_echoed() {
        let wrong_same_length = format!("Bearer {}", "x".repeat(SECRET.len()));
        let with_prefix = format!("Bearer {SECRET}-and-more");
        let cases = [
            None,
            Some("Bearer"),
            Some("Bearer "),
            Some("Basic dGVhbTpzZWNyZXQ="),
            Some(wrong_same_length.as_str()),
            Some(with_prefix.as_str()),
            Some(SECRET),
            Some(INTERCOM_TOKEN),
        ];
        for authorization in cases {
            let response = app()
                .oneshot(post(authorization, Body::from(INITIALIZE)))
                .await
                .expect("infallible");
            assert_eq!(
                response.status(),
                StatusCode::UNAUTHORIZED,
                "{authorization:?}"
            );
            assert_eq!(
                response.headers().get(header::WWW_AUTHENTICATE),
                Some(&HeaderValue::from_static("Bearer"))
            );
            let body = to_bytes(response.into_body(), usize::MAX)
                .await
                .expect("body");
            let body = String::from_utf8_lossy(&body);
            assert!(body.contains("bearer secret is required"), "{body}");
            assert!(!body.contains(SECRET) && !body.contains(INTERCOM_TOKEN));
        }
    }

    #[tokio::test]
    async fn the_right_secret_reaches_mcp() {
        for scheme in ["Bearer", "bearer"] {
            let (status, _) = send(post(
                Some(&format!("{scheme} {SECRET}")),
                Body::from(INITIALIZE),
            ))
            .await;
            assert_eq!(status, StatusCode::OK, "{scheme}");
        }
    }

    #[tokio::test]
    async fn a_body_over_the_cap_is_413_declared_or_streamed() {
        let big = vec![b' '; MAX_BODY_BYTES + 1];
        let mut declared = post(Some(&format!("Bearer {SECRET}")), Body::from(big.clone()));
        declared
            .headers_mut()
            .insert(header::CONTENT_LENGTH, HeaderValue::from(big.len()));
        let (status, body) = send(declared).await;
        assert_eq!(status, StatusCode::PAYLOAD_TOO_LARGE);
        assert!(body.contains("over the server's limit of 1 MiB"), "{body}");

        let streamed = post(Some(&format!("Bearer {SECRET}")), Body::from(big));
        let (status, _) = send(streamed).await;
        assert_eq!(status, StatusCode::PAYLOAD_TOO_LARGE);

        let unauthorized = post(None, Body::from(vec![b' '; MAX_BODY_BYTES + 1]));
        let (status, _) = send(unauthorized).await;
        assert_eq!(
            status,
            StatusCode::UNAUTHORIZED,
            "the secret is checked first"
        );
    }

    #[test]
    fn secrets_that_cannot_be_sent_are_refused_at_start() {
        assert!(Secret::new("").unwrap_err().contains("empty"));
        assert!(Secret::new(" padded")
            .unwrap_err()
            .contains("visible ASCII"));
        assert!(Secret::new("line\nbreak")
            .unwrap_err()
            .contains("visible ASCII"));
        assert_eq!(
            format!("{:?}", Secret::new(SECRET).expect("secret")),
            "Secret(..)"
        );
        let missing = Secret::from_env("INTERCOM_MCP_TEST_UNSET_VARIABLE").unwrap_err();
        assert!(
            missing.contains("INTERCOM_MCP_TEST_UNSET_VARIABLE"),
            "{missing}"
        );
    }
}
