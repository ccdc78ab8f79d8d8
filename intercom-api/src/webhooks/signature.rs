//! The `X-Hub-Signature` check: HMAC-SHA1 (RFC 2104) of the raw body, keyed with the app's
//! client secret, sent as `sha1=` followed by 40 hexadecimal digits.

use hmac::{Hmac, Mac};
use sha1::Sha1;

use super::WebhookError;

/// The prefix Intercom puts before the hexadecimal digest.
const PREFIX: &str = "sha1=";

/// Hexadecimal digits in a SHA-1 digest.
const HEX_DIGITS: usize = 40;

/// Checks that `x_hub_signature` is Intercom's signature of `body` made with `client_secret`.
///
/// `body` must be the raw bytes of the request exactly as received, before any JSON parsing
/// or re-encoding. The header must be `sha1=` followed by exactly 40 hexadecimal digits (either
/// case); anything else is an error naming the problem. The digests are compared in constant
/// time. An empty `client_secret` is refused ([`WebhookError::EmptySecret`]) rather than used.
///
/// ```
/// # use intercom_api::webhooks::{verify, WebhookError};
/// let body = br#"{"type":"notification_event"}"#;
/// let header = "sha1=0000000000000000000000000000000000000000";
/// assert!(matches!(verify(b"secret", body, header), Err(WebhookError::Mismatch)));
/// assert!(matches!(verify(b"secret", body, "md5=abc"), Err(WebhookError::MissingPrefix)));
/// ```
pub fn verify(
    client_secret: &[u8],
    body: &[u8],
    x_hub_signature: &str,
) -> Result<(), WebhookError> {
    let expected = parse_header(x_hub_signature)?;
    if client_secret.is_empty() {
        return Err(WebhookError::EmptySecret);
    }
    // HMAC takes keys of any length, so this cannot fail; no panic path either way.
    let mut mac = <Hmac<Sha1> as Mac>::new_from_slice(client_secret)
        .map_err(|_| WebhookError::EmptySecret)?;
    mac.update(body);
    mac.verify_slice(&expected)
        .map_err(|_| WebhookError::Mismatch)
}

/// The digest bytes a well-formed header carries.
fn parse_header(header: &str) -> Result<[u8; HEX_DIGITS / 2], WebhookError> {
    if header.is_empty() {
        return Err(WebhookError::EmptySignature);
    }
    let hex = header
        .strip_prefix(PREFIX)
        .ok_or(WebhookError::MissingPrefix)?;
    let mut digits = [0u8; HEX_DIGITS];
    let mut count = 0;
    for (position, c) in hex.chars().enumerate() {
        let Some(value) = c.to_digit(16) else {
            return Err(WebhookError::BadHex { found: c, position });
        };
        if let Some(slot) = digits.get_mut(position) {
            // `to_digit(16)` is below 16, so it fits in a byte.
            *slot = value as u8;
        }
        count = position + 1;
    }
    if count != HEX_DIGITS {
        return Err(WebhookError::WrongLength { found: count });
    }
    let mut bytes = [0u8; HEX_DIGITS / 2];
    for (byte, pair) in bytes.iter_mut().zip(digits.chunks_exact(2)) {
        *byte = (pair[0] << 4) | pair[1];
    }
    Ok(bytes)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn header_parsing_names_the_problem() {
        assert!(matches!(
            parse_header(""),
            Err(WebhookError::EmptySignature)
        ));
        assert!(matches!(
            parse_header("sha256=00"),
            Err(WebhookError::MissingPrefix)
        ));
        assert!(matches!(
            parse_header("sha1=é"),
            Err(WebhookError::BadHex {
                found: 'é',
                position: 0
            })
        ));
        assert!(matches!(
            parse_header("sha1="),
            Err(WebhookError::WrongLength { found: 0 })
        ));
        let bytes = parse_header("sha1=00112233445566778899aAbBcCdDeEfF0a1B2c3D").unwrap();
        assert_eq!(bytes[0], 0x00);
        assert_eq!(bytes[5], 0x55);
        assert_eq!(bytes[10], 0xaa);
        assert_eq!(bytes[18], 0x2c);
        assert_eq!(bytes[19], 0x3d);
    }
}
