//! `X-Hub-Signature` verification against digests computed outside this crate.
//!
//! Every expected digest below was computed in a shell, not by the code under test:
//!
//! ```text
//! printf '%s' "$BODY" | openssl dgst -sha1 -hmac 'whsec-client-secret-1'   # VALID
//! printf '%s' "$BODY" | openssl dgst -sha1 -hmac 'another-secret'          # OTHER_SECRET
//! printf '%s' "$BODY" | sed 's/hello/hellp/' | openssl dgst -sha1 -hmac 'whsec-client-secret-1'  # ALTERED
//! printf '%s' "$BODY" | python3 -c 'import hmac,hashlib,sys; print(hmac.new(b"", sys.stdin.buffer.read(), hashlib.sha1).hexdigest())'  # EMPTY_KEY
//! ```
//!
//! with `$BODY` the exact bytes of [`BODY`] (OpenSSL 3.0.19, Python 3).

use intercom_api::webhooks::{verify, verify_and_parse, Topic, WebhookError};

const SECRET: &[u8] = b"whsec-client-secret-1";

const BODY: &[u8] = br#"{"type":"notification_event","id":"notif_78c122d0-23ba-11e4-9464-79b01267cc2e","topic":"ping","app_id":"a86dr8yl","created_at":1717000000,"delivery_attempts":1,"first_sent_at":1717000000,"data":{"type":"notification_event_data","item":{"type":"ping","message":"hello"}}}"#;

/// HMAC-SHA1(`whsec-client-secret-1`, BODY).
const VALID: &str = "sha1=ebacd0e96d652871395e3368101297bb2f5c79a4";
/// HMAC-SHA1(`another-secret`, BODY).
const OTHER_SECRET: &str = "sha1=0644df22cef06a11130ce4a6134baff88b7de120";
/// HMAC-SHA1(`whsec-client-secret-1`, BODY with `hello` changed to `hellp`).
const ALTERED: &str = "sha1=7b7641511597524920d30a3a512e28c7ec346205";
/// HMAC-SHA1(empty key, BODY).
const EMPTY_KEY: &str = "sha1=91b5c1b260bb6a708eb18273b87682a789e7048f";

fn altered_body() -> Vec<u8> {
    let text = std::str::from_utf8(BODY).unwrap();
    let altered = text.replacen("hello", "hellp", 1);
    assert_eq!(altered.len(), text.len());
    assert_ne!(altered, text);
    altered.into_bytes()
}

#[test]
fn a_valid_signature_is_accepted() {
    verify(SECRET, BODY, VALID).unwrap();
}

#[test]
fn uppercase_hex_is_accepted() {
    let upper = format!("sha1={}", VALID["sha1=".len()..].to_uppercase());
    assert_ne!(upper, VALID);
    verify(SECRET, BODY, &upper).unwrap();
}

#[test]
fn rfc_2202_test_case_2_is_accepted() {
    // RFC 2202, HMAC-SHA-1 test case 2: key "Jefe", data "what do ya want for nothing?".
    verify(
        b"Jefe",
        b"what do ya want for nothing?",
        "sha1=effcdf6ae5eb2fa2d27416d5f184df9c259a7c79",
    )
    .unwrap();
}

#[test]
fn the_wrong_secret_is_a_mismatch() {
    assert!(matches!(
        verify(b"another-secret", BODY, VALID),
        Err(WebhookError::Mismatch)
    ));
    assert!(matches!(
        verify(SECRET, BODY, OTHER_SECRET),
        Err(WebhookError::Mismatch)
    ));
    verify(b"another-secret", BODY, OTHER_SECRET).unwrap();
}

#[test]
fn a_body_altered_by_one_byte_is_a_mismatch() {
    let altered = altered_body();
    assert!(matches!(
        verify(SECRET, &altered, VALID),
        Err(WebhookError::Mismatch)
    ));
    verify(SECRET, &altered, ALTERED).unwrap();
}

#[test]
fn a_header_without_the_prefix_is_refused() {
    let bare = &VALID["sha1=".len()..];
    for header in [
        bare.to_string(),
        format!("SHA1={bare}"),
        format!("sha256={bare}"),
        format!(" {VALID}"),
        format!("sha1 {bare}"),
    ] {
        let err = verify(SECRET, BODY, &header).unwrap_err();
        assert!(
            matches!(err, WebhookError::MissingPrefix),
            "{header}: {err}"
        );
        assert!(err.to_string().contains("sha1="), "{err}");
    }
}

#[test]
fn thirty_nine_and_forty_one_digits_are_the_wrong_length() {
    let short = &VALID[..VALID.len() - 1];
    assert!(matches!(
        verify(SECRET, BODY, short),
        Err(WebhookError::WrongLength { found: 39 })
    ));
    let long = format!("{VALID}0");
    let err = verify(SECRET, BODY, &long).unwrap_err();
    assert!(
        matches!(err, WebhookError::WrongLength { found: 41 }),
        "{err}"
    );
    assert!(err.to_string().contains("41"), "{err}");
}

#[test]
fn non_hex_characters_are_named() {
    // `g` is not a hex digit; same length as a valid signature.
    let header = format!("sha1=g{}", &VALID["sha1=".len() + 1..]);
    let err = verify(SECRET, BODY, &header).unwrap_err();
    assert!(
        matches!(
            err,
            WebhookError::BadHex {
                found: 'g',
                position: 0
            }
        ),
        "{err}"
    );
    let trailing_space = format!("{} ", &VALID[..VALID.len() - 1]);
    assert!(matches!(
        verify(SECRET, BODY, &trailing_space),
        Err(WebhookError::BadHex {
            found: ' ',
            position: 39
        })
    ));
    assert!(matches!(
        verify(SECRET, BODY, "sha1=ébacd0e96d652871395e3368101297bb2f5c79a"),
        Err(WebhookError::BadHex {
            found: 'é',
            position: 0
        })
    ));
}

#[test]
fn an_empty_header_is_refused() {
    let err = verify(SECRET, BODY, "").unwrap_err();
    assert!(matches!(err, WebhookError::EmptySignature), "{err}");
    assert!(err.is_signature_error());
    assert!(matches!(
        verify(SECRET, BODY, "sha1="),
        Err(WebhookError::WrongLength { found: 0 })
    ));
}

#[test]
fn an_empty_secret_is_refused_even_with_its_own_signature() {
    // A signature made with an empty key proves nothing: refuse to verify with one.
    let err = verify(b"", BODY, EMPTY_KEY).unwrap_err();
    assert!(matches!(err, WebhookError::EmptySecret), "{err}");
    // And a signature made with an empty key does not pass for the real secret.
    assert!(matches!(
        verify(SECRET, BODY, EMPTY_KEY),
        Err(WebhookError::Mismatch)
    ));
}

#[test]
fn verify_and_parse_checks_before_decoding() {
    let notification = verify_and_parse(SECRET, BODY, VALID).unwrap();
    assert_eq!(
        notification.id,
        "notif_78c122d0-23ba-11e4-9464-79b01267cc2e"
    );
    assert_eq!(notification.topic, Topic::Ping);
    // The signature is checked first, even for a body that would decode.
    assert!(matches!(
        verify_and_parse(SECRET, BODY, OTHER_SECRET),
        Err(WebhookError::Mismatch)
    ));
    // A signed body that is not a notification is a body error, not a signature error.
    let err = verify_and_parse(
        b"Jefe",
        b"what do ya want for nothing?",
        "sha1=effcdf6ae5eb2fa2d27416d5f184df9c259a7c79",
    )
    .unwrap_err();
    assert!(matches!(err, WebhookError::InvalidJson(_)), "{err}");
    assert!(!err.is_signature_error());
}
