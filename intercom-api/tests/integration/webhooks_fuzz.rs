//! Bounded property tests: no header, body or secret makes the webhook functions panic, and a
//! correct signature is always accepted (either case).

use hmac::{Hmac, Mac};
use intercom_api::webhooks::{verify, verify_and_parse, Notification, WebhookError};
use proptest::prelude::*;
use sha1::Sha1;

/// Bodies that look like notifications more often than random bytes would.
fn notification_like() -> impl Strategy<Value = Vec<u8>> {
    let text = prop_oneof![
        Just(String::new()),
        "[a-z_.]{0,30}",
        any::<i64>().prop_map(|n| n.to_string()),
        Just("null".to_string()),
    ];
    (text.clone(), text.clone(), text, any::<bool>()).prop_map(|(topic, id, item_type, quote)| {
        let q = if quote { "\"" } else { "" };
        format!(
            r#"{{"type":"notification_event","id":{q}{id}{q},"topic":"{topic}","created_at":{q}{id}{q},"data":{{"item":{{"type":"{item_type}","id":{id}}}}}}}"#,
            id = if id.is_empty() { "0" } else { &id },
        )
        .into_bytes()
    })
}

fn bodies() -> impl Strategy<Value = Vec<u8>> {
    prop_oneof![
        proptest::collection::vec(any::<u8>(), 0..256),
        ".{0,200}".prop_map(String::into_bytes),
        notification_like(),
    ]
}

fn headers() -> impl Strategy<Value = String> {
    prop_oneof![
        ".{0,64}",
        "sha1=.{0,50}",
        "sha1=[0-9a-fA-F]{0,45}",
        "(sha1|SHA1|sha256)=[0-9a-f]{40}",
    ]
}

fn sign(secret: &[u8], body: &[u8]) -> String {
    let mut mac = <Hmac<Sha1> as Mac>::new_from_slice(secret).expect("any key length");
    mac.update(body);
    let digest = mac.finalize().into_bytes();
    let hex: String = digest.iter().map(|b| format!("{b:02x}")).collect();
    format!("sha1={hex}")
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 2000, failure_persistence: None, ..ProptestConfig::default() })]

    #[test]
    fn verify_never_panics(secret in proptest::collection::vec(any::<u8>(), 0..80), body in bodies(), header in headers()) {
        let _ = verify(&secret, &body, &header);
    }

    #[test]
    fn from_slice_never_panics(body in bodies()) {
        let _ = Notification::from_slice(&body);
    }

    #[test]
    fn verify_and_parse_never_panics_and_reports_signature_errors_first(
        secret in proptest::collection::vec(any::<u8>(), 1..80),
        body in bodies(),
        header in headers(),
    ) {
        if let Err(e) = verify_and_parse(&secret, &body, &header) {
            // A body error is only possible once the signature matched.
            prop_assert!(e.is_signature_error() || verify(&secret, &body, &header).is_ok(), "{}", e);
        }
    }

    #[test]
    fn a_correct_signature_is_always_accepted(secret in proptest::collection::vec(any::<u8>(), 1..80), body in bodies(), upper in any::<bool>()) {
        let header = sign(&secret, &body);
        let header = if upper { format!("sha1={}", header["sha1=".len()..].to_uppercase()) } else { header };
        prop_assert!(verify(&secret, &body, &header).is_ok());
        // Flipping any one bit of the body breaks it.
        if !body.is_empty() {
            let mut altered = body.clone();
            altered[body.len() / 2] ^= 1;
            prop_assert!(matches!(verify(&secret, &altered, &header), Err(WebhookError::Mismatch)));
        }
    }
}
