//! Intercom's rate-limit headers and `Retry-After`.

use std::time::{Duration, SystemTime, UNIX_EPOCH};

use reqwest::header::{HeaderMap, RETRY_AFTER};

/// The `X-RateLimit-*` figures of a response.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
#[non_exhaustive]
pub struct RateLimit {
    /// Requests allowed per window (`X-RateLimit-Limit`).
    pub limit: Option<u64>,
    /// Requests left in this window (`X-RateLimit-Remaining`).
    pub remaining: Option<u64>,
    /// When the window resets (`X-RateLimit-Reset`, Unix seconds).
    pub reset: Option<SystemTime>,
}

/// The longest window the limiters (this process's and the shared one) believe in; a reset
/// further away is treated as this far.
pub(crate) const MAX_WINDOW: Duration = Duration::from_secs(120);

/// A header's value as an unsigned integer.
pub(crate) fn number(headers: &HeaderMap, name: &str) -> Option<u64> {
    headers.get(name)?.to_str().ok()?.trim().parse().ok()
}

impl RateLimit {
    /// Reads the figures; `None` when no `X-RateLimit-*` header is present. A reset beyond
    /// what the platform's clock can represent is left out.
    pub fn from_headers(headers: &HeaderMap) -> Option<RateLimit> {
        let limit = number(headers, "x-ratelimit-limit");
        let remaining = number(headers, "x-ratelimit-remaining");
        let reset = number(headers, "x-ratelimit-reset")
            .and_then(|s| UNIX_EPOCH.checked_add(Duration::from_secs(s)));
        (limit.is_some() || remaining.is_some() || reset.is_some()).then_some(RateLimit {
            limit,
            remaining,
            reset,
        })
    }
}

/// `Retry-After` as a wait from `now`: delay-seconds or an HTTP date.
pub fn retry_after(headers: &HeaderMap, now: SystemTime) -> Option<Duration> {
    let value = headers.get(RETRY_AFTER)?.to_str().ok()?.trim();
    if let Ok(seconds) = value.parse::<u64>() {
        return Some(Duration::from_secs(seconds));
    }
    let date = httpdate::parse_http_date(value).ok()?;
    Some(date.duration_since(now).unwrap_or(Duration::ZERO))
}

#[cfg(test)]
mod tests {
    use super::*;
    use reqwest::header::HeaderValue;

    fn headers(pairs: &[(&'static str, &str)]) -> HeaderMap {
        let mut map = HeaderMap::new();
        for (name, value) in pairs {
            map.insert(*name, HeaderValue::from_str(value).unwrap());
        }
        map
    }

    #[test]
    fn reads_rate_limit_headers() {
        let h = headers(&[
            ("x-ratelimit-limit", "166"),
            ("x-ratelimit-remaining", "0"),
            ("x-ratelimit-reset", "1700000010"),
        ]);
        let r = RateLimit::from_headers(&h).unwrap();
        assert_eq!((r.limit, r.remaining), (Some(166), Some(0)));
        assert_eq!(
            r.reset,
            Some(UNIX_EPOCH + Duration::from_secs(1_700_000_010))
        );
        assert!(RateLimit::from_headers(&HeaderMap::new()).is_none());
    }

    #[test]
    fn retry_after_seconds_and_dates() {
        let now = UNIX_EPOCH + Duration::from_secs(1_700_000_000);
        assert_eq!(
            retry_after(&headers(&[("retry-after", "7")]), now),
            Some(Duration::from_secs(7))
        );
        let date = httpdate::fmt_http_date(now + Duration::from_secs(30));
        assert_eq!(
            retry_after(&headers(&[("retry-after", &date)]), now),
            Some(Duration::from_secs(30))
        );
        let past = httpdate::fmt_http_date(now - Duration::from_secs(30));
        assert_eq!(
            retry_after(&headers(&[("retry-after", &past)]), now),
            Some(Duration::ZERO)
        );
        assert_eq!(retry_after(&headers(&[("retry-after", "soon")]), now), None);
    }

    #[test]
    fn huge_values_do_not_panic() {
        for huge in ["18446744073709551615", "9223372036854775807"] {
            let h = headers(&[
                ("x-ratelimit-reset", huge),
                ("x-ratelimit-remaining", huge),
                ("x-ratelimit-limit", huge),
                ("retry-after", huge),
            ]);
            let r = RateLimit::from_headers(&h).unwrap();
            assert!(r.remaining.is_some());
            assert!(retry_after(&h, SystemTime::now()).is_some());
        }
        let h = headers(&[("x-ratelimit-reset", "99999999999999999999999")]);
        assert_eq!(RateLimit::from_headers(&h), None);
    }
}
