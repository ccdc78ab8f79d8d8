//! Intercom timestamps: integers of Unix seconds.

use std::fmt;
use std::time::{Duration, SystemTime, UNIX_EPOCH};

/// A point in time as Intercom sends it: seconds since the Unix epoch.
///
/// Decoding accepts an integer, a float (truncated) or a string of digits, since the API is
/// not consistent; encoding always writes an integer.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Default)]
pub struct Timestamp(pub i64);

impl Timestamp {
    /// The timestamp for `seconds` since the epoch.
    pub const fn from_unix(seconds: i64) -> Self {
        Timestamp(seconds)
    }

    /// Seconds since the epoch.
    pub const fn unix(self) -> i64 {
        self.0
    }

    /// The current time, to the second.
    pub fn now() -> Self {
        Self::from(SystemTime::now())
    }
}

impl From<SystemTime> for Timestamp {
    fn from(time: SystemTime) -> Self {
        match time.duration_since(UNIX_EPOCH) {
            Ok(after) => Timestamp(i64::try_from(after.as_secs()).unwrap_or(i64::MAX)),
            Err(before) => {
                Timestamp(-i64::try_from(before.duration().as_secs()).unwrap_or(i64::MAX))
            }
        }
    }
}

/// Saturates at the earliest or latest time the platform's clock can represent (on some
/// platforms less than `i64` seconds either side of the epoch); never panics.
impl From<Timestamp> for SystemTime {
    fn from(t: Timestamp) -> Self {
        let mut offset = Duration::from_secs(t.0.unsigned_abs());
        loop {
            let time = if t.0 >= 0 {
                UNIX_EPOCH.checked_add(offset)
            } else {
                UNIX_EPOCH.checked_sub(offset)
            };
            match time {
                Some(time) => return time,
                None if offset.is_zero() => return UNIX_EPOCH,
                None => offset /= 2,
            }
        }
    }
}

impl From<i64> for Timestamp {
    fn from(seconds: i64) -> Self {
        Timestamp(seconds)
    }
}

/// Truncated to the second (`chrono` feature).
#[cfg(feature = "chrono")]
impl<Tz: chrono::TimeZone> From<chrono::DateTime<Tz>> for Timestamp {
    fn from(time: chrono::DateTime<Tz>) -> Self {
        Timestamp(time.timestamp())
    }
}

/// Truncated to the second (`time` feature).
#[cfg(feature = "time")]
impl From<time::OffsetDateTime> for Timestamp {
    fn from(time: time::OffsetDateTime) -> Self {
        Timestamp(time.unix_timestamp())
    }
}

#[cfg(feature = "chrono")]
impl Timestamp {
    /// The timestamp as a `chrono` UTC date-time; `None` when out of chrono's range.
    pub fn to_chrono(self) -> Option<chrono::DateTime<chrono::Utc>> {
        chrono::DateTime::from_timestamp(self.0, 0)
    }
}

#[cfg(feature = "time")]
impl Timestamp {
    /// The timestamp as a `time` UTC date-time; `None` when out of time's range.
    pub fn to_offset_date_time(self) -> Option<time::OffsetDateTime> {
        time::OffsetDateTime::from_unix_timestamp(self.0).ok()
    }
}

impl fmt::Display for Timestamp {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        self.0.fmt(f)
    }
}

impl serde::Serialize for Timestamp {
    fn serialize<S: serde::Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        serializer.serialize_i64(self.0)
    }
}

impl<'de> serde::Deserialize<'de> for Timestamp {
    fn deserialize<D: serde::Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        super::lenient::i64_value(deserializer).map(Timestamp)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn decodes_leniently_and_encodes_integers() {
        for text in ["1734537243", "1734537243.9", "\"1734537243\""] {
            let t: Timestamp = serde_json::from_str(text).unwrap();
            assert_eq!(t, Timestamp(1734537243), "{text}");
        }
        assert!(serde_json::from_str::<Timestamp>("\"soon\"").is_err());
        assert_eq!(serde_json::to_string(&Timestamp(5)).unwrap(), "5");
        let back: SystemTime = Timestamp(10).into();
        assert_eq!(Timestamp::from(back), Timestamp(10));
        let back: SystemTime = Timestamp(-10).into();
        assert_eq!(Timestamp::from(back), Timestamp(-10));
    }

    #[test]
    fn out_of_range_values_are_errors_or_saturate() {
        for bad in [
            r#""99999999999999999999""#,
            r#""1e400""#,
            r#""inf""#,
            r#""-inf""#,
            r#""NaN""#,
            "1e19",
            "18446744073709551616",
        ] {
            assert!(serde_json::from_str::<Timestamp>(bad).is_err(), "{bad}");
        }
        for extreme in [i64::MIN, i64::MAX] {
            let time: SystemTime = Timestamp(extreme).into();
            let _ = Timestamp::from(time);
        }
    }

    #[cfg(feature = "chrono")]
    #[test]
    fn converts_chrono_date_times() {
        use chrono::TimeZone;
        let utc = chrono::Utc.with_ymd_and_hms(2020, 1, 1, 9, 0, 0).unwrap();
        assert_eq!(Timestamp::from(utc), Timestamp(1577869200));
        let paris = chrono::FixedOffset::east_opt(3600).unwrap();
        assert_eq!(
            Timestamp::from(utc.with_timezone(&paris)),
            Timestamp(1577869200)
        );
        assert_eq!(Timestamp(1577869200).to_chrono(), Some(utc));
        assert_eq!(Timestamp(i64::MAX).to_chrono(), None);
    }

    #[cfg(feature = "time")]
    #[test]
    fn converts_time_date_times() {
        let t = time::OffsetDateTime::from_unix_timestamp(1577869200).unwrap();
        assert_eq!(Timestamp::from(t), Timestamp(1577869200));
        let east = t.to_offset(time::UtcOffset::from_hms(2, 0, 0).unwrap());
        assert_eq!(Timestamp::from(east), Timestamp(1577869200));
        assert_eq!(Timestamp(1577869200).to_offset_date_time(), Some(t));
        assert_eq!(Timestamp(i64::MAX).to_offset_date_time(), None);
    }
}
