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

impl From<Timestamp> for SystemTime {
    fn from(t: Timestamp) -> Self {
        if t.0 >= 0 {
            UNIX_EPOCH + Duration::from_secs(t.0.unsigned_abs())
        } else {
            UNIX_EPOCH - Duration::from_secs(t.0.unsigned_abs())
        }
    }
}

impl From<i64> for Timestamp {
    fn from(seconds: i64) -> Self {
        Timestamp(seconds)
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
    }
}
