//! Client behaviour: regions, headers, version overrides, secrecy of the token, path
//! encoding, timeouts, and clear errors for bodies that are not what they should be.

use crate::common;

use std::time::Duration;

use common::client;
use intercom_api::{Client, Error, Region, RetryPolicy};
use wiremock::matchers::{header, method, path};
use wiremock::{Mock, MockServer, ResponseTemplate};

const ADMIN: &str = r#"{"type":"admin","id":"1","email":"a@example.com"}"#;

#[test]
fn regions_and_base_urls() {
    let url = |b: intercom_api::ClientBuilder| b.build().unwrap().base_url().to_string();
    assert_eq!(url(Client::builder("t")), "https://api.intercom.io");
    assert_eq!(
        url(Client::builder("t").region(Region::Eu)),
        "https://api.eu.intercom.io"
    );
    assert_eq!(
        url(Client::builder("t").region(Region::Au)),
        "https://api.au.intercom.io"
    );
    assert_eq!(
        url(Client::builder("t").base_url("http://127.0.0.1:9/")),
        "http://127.0.0.1:9"
    );
    assert!(matches!(
        Client::builder("t").base_url("not a url").build(),
        Err(Error::InvalidInput(_))
    ));
    assert!(matches!(Client::new(""), Err(Error::InvalidInput(_))));
}

#[tokio::test]
async fn sends_auth_version_accept_and_user_agent() {
    let server = MockServer::start().await;
    Mock::given(method("GET"))
        .and(path("/me"))
        .and(header("authorization", "Bearer secret-token-123"))
        .and(header("intercom-version", intercom_api::API_VERSION))
        .and(header("accept", "application/json"))
        .and(header(
            "user-agent",
            concat!("intercom-api/", env!("CARGO_PKG_VERSION")),
        ))
        .respond_with(ResponseTemplate::new(200).set_body_raw(ADMIN, "application/json"))
        .mount(&server)
        .await;
    let (client, _) = client(&server.uri());
    client
        .admins()
        .identify()
        .send()
        .await
        .expect("all headers matched");
}

#[tokio::test]
async fn version_can_be_overridden_per_client_and_per_request() {
    let server = MockServer::start().await;
    for version in ["2.11", "2.13"] {
        Mock::given(method("GET"))
            .and(path("/me"))
            .and(header("intercom-version", version))
            .respond_with(ResponseTemplate::new(200).set_body_raw(ADMIN, "application/json"))
            .mount(&server)
            .await;
    }
    let client = Client::builder("t")
        .base_url(server.uri())
        .version("2.13")
        .build()
        .unwrap();
    assert_eq!(client.version(), "2.13");
    client
        .admins()
        .identify()
        .send()
        .await
        .expect("client version");
    client
        .admins()
        .identify()
        .intercom_version("2.11")
        .send()
        .await
        .expect("request version");
    let raw: serde_json::Value = client
        .raw(intercom_api::runtime::Method::GET, "/me")
        .intercom_version("2.11")
        .send_json()
        .await
        .expect("raw");
    assert_eq!(raw["email"], "a@example.com");
}

#[tokio::test]
async fn the_token_never_shows_in_debug_or_errors() {
    let built = Client::builder("secret-token-123").build().unwrap();
    assert!(!format!("{built:?}").contains("secret-token-123"));
    assert!(!format!("{:?}", Client::builder("secret-token-123")).contains("secret-token-123"));
    let server = MockServer::start().await;
    Mock::given(method("GET"))
        .respond_with(ResponseTemplate::new(401).set_body_string("nope"))
        .mount(&server)
        .await;
    let (api, _) = client(&server.uri());
    let error = api.admins().identify().send().await.expect_err("401");
    assert!(!format!("{error} {error:?}").contains("secret-token-123"));
}

#[tokio::test]
async fn hostile_ids_stay_one_path_segment() {
    let server = MockServer::start().await;
    Mock::given(method("GET"))
        .respond_with(ResponseTemplate::new(404))
        .mount(&server)
        .await;
    let (client, _) = client(&server.uri());
    for id in ["../admins", "1/reply?x=", "...", "a b#c"] {
        let _ = client.contacts().find(id).send().await;
    }
    let paths: Vec<String> = server
        .received_requests()
        .await
        .unwrap()
        .iter()
        .map(|r| r.url.path().to_string())
        .collect();
    assert_eq!(
        paths,
        [
            "/contacts/..%2Fadmins",
            "/contacts/1%2Freply%3Fx%3D",
            "/contacts/...",
            "/contacts/a%20b%23c"
        ]
    );
    assert!(server
        .received_requests()
        .await
        .unwrap()
        .iter()
        .all(|r| r.url.query().is_none()));
    for id in ["", ".", ".."] {
        let error = client
            .contacts()
            .find(id)
            .send()
            .await
            .expect_err("invalid id");
        assert!(
            matches!(&error, Error::InvalidInput(m) if m.contains("contact_id")),
            "{error}"
        );
    }
    assert_eq!(
        server.received_requests().await.unwrap().len(),
        4,
        "nothing sent for invalid ids"
    );
}

#[tokio::test]
async fn a_slow_server_is_a_timeout_error() {
    let server = MockServer::start().await;
    Mock::given(method("GET"))
        .respond_with(
            ResponseTemplate::new(200)
                .set_delay(Duration::from_secs(3))
                .set_body_raw(ADMIN, "application/json"),
        )
        .mount(&server)
        .await;
    let client = Client::builder("t")
        .base_url(server.uri())
        .timeout(Duration::from_millis(200))
        .retry_policy(RetryPolicy::never())
        .build()
        .unwrap();
    let error = client
        .admins()
        .identify()
        .send()
        .await
        .expect_err("timeout");
    assert!(matches!(error, Error::Timeout(_)), "{error:?}");
    assert!(error.is_retryable());
}

#[tokio::test]
async fn a_value_that_does_not_fit_is_left_out_or_with_strict_decoding_names_the_path() {
    let server = MockServer::start().await;
    Mock::given(method("GET"))
        .respond_with(
            ResponseTemplate::new(200)
                .insert_header("x-request-id", "req-7")
                .set_body_raw(
                    r#"{"type":"admin","id":"1","avatar":{"image_url":["not","a","string"]}}"#,
                    "application/json",
                ),
        )
        .mount(&server)
        .await;
    let (client, _) = client(&server.uri());
    let salvaged = client
        .admins()
        .identify()
        .send_with_warnings()
        .await
        .unwrap();
    assert_eq!(salvaged.value.id, "1");
    assert_eq!(salvaged.warnings.len(), 1, "{:?}", salvaged.warnings);
    assert_eq!(salvaged.warnings[0].path, "avatar.image_url");
    assert_eq!(
        salvaged.warnings[0].found.as_deref(),
        Some(r#"["not","a","string"]"#)
    );

    let strict = Client::builder("test-token")
        .base_url(server.uri())
        .strict_decoding(true)
        .build()
        .unwrap();
    let error = strict
        .admins()
        .identify()
        .send()
        .await
        .expect_err("bad body");
    let Error::Decode(decode) = &error else {
        panic!("expected Decode, got {error:?}")
    };
    assert_eq!(decode.path, "avatar.image_url");
    assert!(decode.snippet.starts_with(r#"{"type":"admin""#));
    assert_eq!(error.request_id(), Some("req-7"));
    assert!(!error.is_retryable());
}

#[tokio::test]
async fn an_html_502_from_a_proxy_is_a_clear_error() {
    let server = MockServer::start().await;
    let html = "<html><head><title>502 Bad Gateway</title></head><body>nginx</body></html>";
    Mock::given(method("GET"))
        .respond_with(ResponseTemplate::new(502).set_body_raw(html, "text/html"))
        .mount(&server)
        .await;
    let (client, _) = client(&server.uri());
    let error = client.admins().identify().send().await.expect_err("502");
    let failure = error.api_failure().expect("an API failure");
    assert_eq!(failure.status.as_u16(), 502);
    assert!(failure.error.is_none());
    assert_eq!(&failure.body[..], html.as_bytes());
    assert!(error.to_string().contains("502 Bad Gateway"), "{error}");
}

#[tokio::test]
async fn api_errors_are_decoded() {
    let server = MockServer::start().await;
    let body = r#"{"type":"error.list","request_id":"abc","errors":[{"code":"conversation_closed","message":"Conversation is closed","field":"id"}]}"#;
    Mock::given(method("GET"))
        .respond_with(ResponseTemplate::new(422).set_body_raw(body, "application/json"))
        .mount(&server)
        .await;
    let (client, _) = client(&server.uri());
    let error = client.admins().identify().send().await.expect_err("422");
    assert_eq!(error.status().map(|s| s.as_u16()), Some(422));
    assert!(error.has_code("conversation_closed"));
    assert_eq!(error.request_id(), Some("abc"));
    let item = &error.api_error().unwrap().errors[0];
    assert_eq!(item.field.as_deref(), Some("id"));
    assert!(error
        .to_string()
        .contains("conversation_closed: Conversation is closed"));
}

#[tokio::test]
async fn downloads_stream_the_body() {
    use futures_util::TryStreamExt;
    let server = MockServer::start().await;
    let data: Vec<u8> = (0..200_000u32).map(|i| (i % 251) as u8).collect();
    Mock::given(method("GET"))
        .and(path("/download/content/data/job1"))
        .and(header("accept", "application/octet-stream"))
        .respond_with(
            ResponseTemplate::new(200).set_body_raw(data.clone(), "application/octet-stream"),
        )
        .mount(&server)
        .await;
    let (client, _) = client(&server.uri());
    let download = client
        .data_export()
        .download("job1")
        .send()
        .await
        .expect("download");
    assert_eq!(download.content_type(), Some("application/octet-stream"));
    let chunks: Vec<intercom_api::runtime::Bytes> =
        download.bytes_stream().try_collect().await.expect("body");
    assert_eq!(chunks.concat(), data);
}

#[tokio::test]
async fn gzip_responses_are_decompressed() {
    use std::io::Write as _;
    let mut encoder = flate2::write::GzEncoder::new(Vec::new(), flate2::Compression::default());
    encoder.write_all(ADMIN.as_bytes()).unwrap();
    let gzipped = encoder.finish().unwrap();
    let server = MockServer::start().await;
    Mock::given(method("GET"))
        .and(path("/me"))
        .and(header("accept-encoding", "gzip"))
        .respond_with(
            ResponseTemplate::new(200)
                .insert_header("content-encoding", "gzip")
                .set_body_raw(gzipped, "application/json"),
        )
        .mount(&server)
        .await;
    let (client, _) = client(&server.uri());
    let admin = client.admins().identify().send().await.expect("gzip body");
    assert_eq!(admin.email.as_deref(), Some("a@example.com"));
}

#[tokio::test]
async fn a_redirect_is_an_error_not_a_success() {
    for status in [301, 302, 307] {
        let server = MockServer::start().await;
        Mock::given(method("POST"))
            .and(path("/contacts/123/notes"))
            .respond_with(
                ResponseTemplate::new(status)
                    .insert_header("location", format!("{}/elsewhere", server.uri()).as_str())
                    .set_body_raw("{}", "application/json"),
            )
            .mount(&server)
            .await;
        let (client, _) = client(&server.uri());
        let body = intercom_api::models::CreateNoteRequest::new("hello");
        let error = client
            .notes()
            .create("123", body)
            .send()
            .await
            .expect_err("nothing was created");
        assert!(matches!(error, Error::Api(_)), "{status}: {error:?}");
        assert_eq!(error.status().map(|s| s.as_u16()), Some(status));
        assert!(!error.is_retryable());
        assert_eq!(server.received_requests().await.unwrap().len(), 1);
    }
}

#[tokio::test]
async fn the_recording_redirect_is_still_its_answer() {
    let server = MockServer::start().await;
    Mock::given(method("GET"))
        .and(path("/calls/c1/recording"))
        .respond_with(
            ResponseTemplate::new(302).insert_header("location", "https://files.example/rec.mp3"),
        )
        .mount(&server)
        .await;
    Mock::given(method("GET"))
        .and(path("/elsewhere"))
        .respond_with(ResponseTemplate::new(307).insert_header("location", "https://x/y"))
        .mount(&server)
        .await;
    let (client, _) = client(&server.uri());
    let location = client
        .calls()
        .find_recording("c1")
        .send()
        .await
        .expect("a redirect");
    assert_eq!(location, "https://files.example/rec.mp3");
    let raw = client.raw(intercom_api::runtime::Method::GET, "/elsewhere");
    assert!(matches!(raw.send().await, Err(Error::Api(_))));
    let raw = client.raw(intercom_api::runtime::Method::GET, "/elsewhere");
    let response = raw.expect_redirect().send().await.expect("expected");
    assert_eq!(response.location().unwrap(), "https://x/y");
}

#[tokio::test]
async fn raw_paths_with_dot_segments_or_line_breaks_are_refused() {
    let server = MockServer::start().await;
    let (client, _) = client(&server.uri());
    for bad in [
        "/contacts/../admins",
        "/contacts/%2e%2e/admins",
        "/contacts/%2E%2e/admins",
        "/contacts/.",
        "/me\r\nX-Injected: yes",
        "/me\0",
    ] {
        let error = client
            .raw(intercom_api::runtime::Method::GET, bad)
            .send()
            .await
            .expect_err(bad);
        assert!(matches!(error, Error::InvalidInput(_)), "{bad}: {error:?}");
    }
    assert!(server.received_requests().await.unwrap().is_empty());
}

#[tokio::test]
async fn client_headers_are_replaced_never_duplicated() {
    let server = MockServer::start().await;
    Mock::given(method("GET"))
        .and(path("/me"))
        .respond_with(ResponseTemplate::new(200).set_body_raw(ADMIN, "application/json"))
        .mount(&server)
        .await;
    let (client, _) = client(&server.uri());
    client
        .raw(intercom_api::runtime::Method::GET, "/me")
        .header("Authorization", "Bearer other")
        .header("intercom-version", "2.11")
        .header("X-Custom", "1")
        .send()
        .await
        .expect("sent");
    let requests = server.received_requests().await.unwrap();
    let headers = &requests[0].headers;
    let all = |name: &str| -> Vec<String> {
        headers
            .get_all(name)
            .iter()
            .filter_map(|v| v.to_str().ok().map(str::to_string))
            .collect()
    };
    assert_eq!(all("authorization"), ["Bearer other"]);
    assert_eq!(all("intercom-version"), ["2.11"]);
    assert_eq!(all("x-custom"), ["1"]);
    let error = client
        .raw(intercom_api::runtime::Method::GET, "/me")
        .header("Host", "evil.example")
        .send()
        .await
        .expect_err("host");
    assert!(
        matches!(&error, Error::InvalidInput(m) if m.contains("Host")),
        "{error:?}"
    );
    assert_eq!(server.received_requests().await.unwrap().len(), 1);
}

#[tokio::test]
async fn header_values_with_line_breaks_are_invalid_input_naming_the_header() {
    let built = Client::builder("sekrit\r\nX-Evil: 1").build();
    let Err(Error::InvalidInput(message)) = built else {
        panic!("a token with CRLF must be refused")
    };
    assert!(message.contains("Authorization"), "{message}");
    assert!(
        !message.contains("sekrit"),
        "the token is never shown: {message}"
    );
    let built = Client::builder("t").version("2.14\n").build();
    assert!(matches!(built, Err(Error::InvalidInput(m)) if m.contains("Intercom-Version")));

    let server = MockServer::start().await;
    let (client, _) = client(&server.uri());
    let error = client
        .admins()
        .identify()
        .intercom_version("2.14\r\nX-Evil: 1")
        .send()
        .await
        .expect_err("version");
    assert!(
        matches!(&error, Error::InvalidInput(m) if m.contains("Intercom-Version")),
        "{error:?}"
    );
    for value in ["a\rb", "a\nb", "a\0b"] {
        let error = client
            .raw(intercom_api::runtime::Method::GET, "/me")
            .header("X-Trace", value)
            .send()
            .await
            .expect_err("control character");
        assert!(
            matches!(&error, Error::InvalidInput(m) if m.contains("X-Trace")),
            "{error:?}"
        );
    }
    assert!(server.received_requests().await.unwrap().is_empty());
}

#[tokio::test]
async fn bodies_beyond_the_size_cap_are_a_clear_error() {
    let server = MockServer::start().await;
    let big = format!(
        r#"{{"type":"admin","id":"1","name":"{}"}}"#,
        "x".repeat(2 << 20)
    );
    Mock::given(method("GET"))
        .and(path("/me"))
        .respond_with(ResponseTemplate::new(200).set_body_raw(big, "application/json"))
        .mount(&server)
        .await;
    let client = Client::builder("t")
        .base_url(server.uri())
        .max_response_bytes(1 << 20)
        .build()
        .unwrap();
    let error = client.admins().identify().send().await.expect_err("2 MiB");
    assert!(
        matches!(error, Error::TooLarge { limit, .. } if limit == 1 << 20),
        "{error:?}"
    );
    assert!(!error.is_retryable());
    assert!(error.to_string().contains("1048576"), "{error}");
    let (roomy, _) = client_with_cap(&server.uri(), 4 << 20);
    roomy
        .admins()
        .identify()
        .send()
        .await
        .expect("within 4 MiB");
}

fn client_with_cap(url: &str, cap: u64) -> (Client, ()) {
    let client = Client::builder("t")
        .base_url(url)
        .max_response_bytes(cap)
        .build()
        .unwrap();
    (client, ())
}

#[tokio::test]
async fn error_bodies_are_read_only_up_to_a_small_cap() {
    let server = MockServer::start().await;
    let flood = "e".repeat(8 << 20);
    Mock::given(method("GET"))
        .respond_with(ResponseTemplate::new(500).set_body_raw(flood, "text/plain"))
        .mount(&server)
        .await;
    let (client, _) = common::client_with(&server.uri(), RetryPolicy::never());
    let error = client.admins().identify().send().await.expect_err("500");
    let failure = error.api_failure().expect("an API failure");
    assert_eq!(failure.body.len(), 64 << 10);
    assert!(failure.body.iter().all(|b| *b == b'e'));
}

#[tokio::test]
async fn trailing_data_after_the_json_is_an_error() {
    for body in [
        r#"{"type":"admin","id":"1"}<html>"#,
        r#"{"type":"admin","id":"1"} {"type":"admin","id":"2"}"#,
    ] {
        let server = MockServer::start().await;
        Mock::given(method("GET"))
            .respond_with(ResponseTemplate::new(200).set_body_raw(body, "application/json"))
            .mount(&server)
            .await;
        let (client, _) = client(&server.uri());
        let error = client.admins().identify().send().await.expect_err(body);
        let Error::Decode(decode) = &error else {
            panic!("expected Decode for {body}, got {error:?}")
        };
        assert!(decode.message.contains("trailing"), "{}", decode.message);
    }
}
