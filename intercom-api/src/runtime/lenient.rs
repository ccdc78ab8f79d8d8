//! Lenient decoders for response fields: the API sends numbers where the spec says strings
//! (ids) and strings where it says numbers; a typed client must not fail on either.

use std::fmt;

use serde::de::{self, Deserializer, Visitor};

struct Lenient<T>(std::marker::PhantomData<T>);

/// 2^53: from here on not every integer has an exact `f64`.
const EXACT_F64_LIMIT: f64 = 9_007_199_254_740_992.0;

/// 2^63: the first float beyond `i64`.
const I64_LIMIT: f64 = 9_223_372_036_854_775_808.0;

/// A float truncated to an integer, if it is finite and within `i64`.
fn float_to_i64(v: f64) -> Option<i64> {
    let t = v.trunc();
    (t.is_finite() && (-I64_LIMIT..I64_LIMIT).contains(&t)).then_some(t as i64)
}

macro_rules! forward_option {
    () => {
        fn visit_none<E: de::Error>(self) -> Result<Self::Value, E> {
            Ok(None)
        }
        fn visit_unit<E: de::Error>(self) -> Result<Self::Value, E> {
            Ok(None)
        }
        fn visit_some<D: Deserializer<'de>>(self, d: D) -> Result<Self::Value, D::Error> {
            d.deserialize_any(self)
        }
    };
}

impl<'de> Visitor<'de> for Lenient<Option<String>> {
    type Value = Option<String>;
    fn expecting(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str("a string or a number")
    }
    fn visit_str<E: de::Error>(self, v: &str) -> Result<Self::Value, E> {
        Ok(Some(v.to_string()))
    }
    fn visit_string<E: de::Error>(self, v: String) -> Result<Self::Value, E> {
        Ok(Some(v))
    }
    fn visit_i64<E: de::Error>(self, v: i64) -> Result<Self::Value, E> {
        Ok(Some(v.to_string()))
    }
    fn visit_u64<E: de::Error>(self, v: u64) -> Result<Self::Value, E> {
        Ok(Some(v.to_string()))
    }
    fn visit_f64<E: de::Error>(self, v: f64) -> Result<Self::Value, E> {
        // Integers beyond 64 bits arrive as floats: their digits are already lost, so an id
        // spelled from them would be a different id.
        if v.fract() == 0.0 {
            if v.abs() >= EXACT_F64_LIMIT {
                return Err(E::custom(format!(
                    "number {v} is too large to be kept exactly; expected a string or a \
                     64-bit integer"
                )));
            }
            // Exact below 2^53: spell the integer, not the float's shortest digits.
            return Ok(Some((v as i64).to_string()));
        }
        Ok(Some(v.to_string()))
    }
    fn visit_bool<E: de::Error>(self, v: bool) -> Result<Self::Value, E> {
        Ok(Some(v.to_string()))
    }
    forward_option!();
}

impl<'de> Visitor<'de> for Lenient<Option<i64>> {
    type Value = Option<i64>;
    fn expecting(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str("an integer or a string of digits")
    }
    fn visit_i64<E: de::Error>(self, v: i64) -> Result<Self::Value, E> {
        Ok(Some(v))
    }
    fn visit_u64<E: de::Error>(self, v: u64) -> Result<Self::Value, E> {
        i64::try_from(v)
            .map(Some)
            .map_err(|_| E::custom(format!("integer {v} is too large")))
    }
    fn visit_f64<E: de::Error>(self, v: f64) -> Result<Self::Value, E> {
        float_to_i64(v)
            .map(Some)
            .ok_or_else(|| E::custom(format!("number {v} is not a 64-bit integer")))
    }
    fn visit_str<E: de::Error>(self, v: &str) -> Result<Self::Value, E> {
        let t = v.trim();
        if t.is_empty() {
            return Ok(None);
        }
        if let Ok(n) = t.parse::<i64>() {
            return Ok(Some(n));
        }
        match t.parse::<f64>() {
            Ok(f) => float_to_i64(f).map(Some).ok_or_else(|| {
                E::invalid_value(de::Unexpected::Str(v), &"an integer within 64 bits")
            }),
            Err(_) => Err(E::invalid_value(de::Unexpected::Str(v), &self)),
        }
    }
    forward_option!();
}

impl<'de> Visitor<'de> for Lenient<Option<f64>> {
    type Value = Option<f64>;
    fn expecting(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str("a number or a numeric string")
    }
    fn visit_i64<E: de::Error>(self, v: i64) -> Result<Self::Value, E> {
        Ok(Some(v as f64))
    }
    fn visit_u64<E: de::Error>(self, v: u64) -> Result<Self::Value, E> {
        Ok(Some(v as f64))
    }
    fn visit_f64<E: de::Error>(self, v: f64) -> Result<Self::Value, E> {
        Ok(Some(v))
    }
    fn visit_str<E: de::Error>(self, v: &str) -> Result<Self::Value, E> {
        let t = v.trim();
        if t.is_empty() {
            return Ok(None);
        }
        match t.parse::<f64>() {
            Ok(f) if f.is_finite() => Ok(Some(f)),
            _ => Err(E::invalid_value(
                de::Unexpected::Str(v),
                &"a finite number or a numeric string",
            )),
        }
    }
    forward_option!();
}

/// An optional string that may arrive as a number or boolean.
pub fn opt_string<'de, D: Deserializer<'de>>(d: D) -> Result<Option<String>, D::Error> {
    d.deserialize_option(Lenient::<Option<String>>(std::marker::PhantomData))
}

/// An optional integer that may arrive as a float or a string of digits.
pub fn opt_i64<'de, D: Deserializer<'de>>(d: D) -> Result<Option<i64>, D::Error> {
    d.deserialize_option(Lenient::<Option<i64>>(std::marker::PhantomData))
}

/// An optional number that may arrive as a numeric string.
pub fn opt_f64<'de, D: Deserializer<'de>>(d: D) -> Result<Option<f64>, D::Error> {
    d.deserialize_option(Lenient::<Option<f64>>(std::marker::PhantomData))
}

/// A required integer that may arrive as a float or a string of digits.
pub fn i64_value<'de, D: Deserializer<'de>>(d: D) -> Result<i64, D::Error> {
    opt_i64(d)?.ok_or_else(|| de::Error::custom("expected an integer, found null"))
}

#[cfg(test)]
mod tests {
    use serde::Deserialize;

    #[derive(Deserialize)]
    struct T {
        #[serde(default, deserialize_with = "super::opt_string")]
        s: Option<String>,
        #[serde(default, deserialize_with = "super::opt_i64")]
        i: Option<i64>,
        #[serde(default, deserialize_with = "super::opt_f64")]
        f: Option<f64>,
    }

    #[test]
    fn accepts_both_spellings() {
        let t: T = serde_json::from_str(r#"{"s": 12, "i": "34", "f": "1.5"}"#).unwrap();
        assert_eq!(
            (t.s.as_deref(), t.i, t.f),
            (Some("12"), Some(34), Some(1.5))
        );
        let t: T = serde_json::from_str(r#"{"s": null, "i": null}"#).unwrap();
        assert_eq!((t.s, t.i, t.f), (None, None, None));
        assert!(serde_json::from_str::<T>(r#"{"i": "twelve"}"#).is_err());
        assert!(serde_json::from_str::<T>(r#"{"s": [1]}"#).is_err());
    }

    #[test]
    fn out_of_range_numeric_strings_are_errors() {
        for bad in [
            "99999999999999999999",
            "-99999999999999999999",
            "9223372036854775808",
            "1e400",
            "-1e400",
            "1e19",
            "inf",
            "-inf",
            "infinity",
            "NaN",
        ] {
            let json = format!(r#"{{"i": "{bad}"}}"#);
            let error = serde_json::from_str::<T>(&json).err();
            assert!(error.is_some(), "{bad} was accepted");
        }
        for bad in ["inf", "-inf", "NaN", "1e400"] {
            let json = format!(r#"{{"f": "{bad}"}}"#);
            assert!(serde_json::from_str::<T>(&json).is_err(), "{bad}");
        }
        let t: T = serde_json::from_str(r#"{"i": "-9223372036854775808", "f": "1e300"}"#).unwrap();
        assert_eq!((t.i, t.f), (Some(i64::MIN), Some(1e300)));
        let t: T = serde_json::from_str(r#"{"i": "9.2e18"}"#).unwrap();
        assert_eq!(t.i, Some(9_200_000_000_000_000_000));
        assert!(serde_json::from_str::<T>(r#"{"i": 1e19}"#).is_err());
        assert!(serde_json::from_str::<T>(r#"{"i": 18446744073709551615}"#).is_err());
    }

    #[test]
    fn ids_beyond_64_bits_are_not_rounded() {
        for bad in ["18446744073709551616", "1e300", "9007199254740992.0"] {
            let json = format!(r#"{{"s": {bad}}}"#);
            let error = serde_json::from_str::<T>(&json)
                .err()
                .map(|e| e.to_string());
            assert!(
                error.as_deref().is_some_and(|e| e.contains("too large")),
                "{bad}: {error:?}"
            );
        }
        let t: T = serde_json::from_str(r#"{"s": 18446744073709551615}"#).unwrap();
        assert_eq!(t.s.as_deref(), Some("18446744073709551615"));
        let t: T = serde_json::from_str(r#"{"s": -9223372036854775808}"#).unwrap();
        assert_eq!(t.s.as_deref(), Some("-9223372036854775808"));
        let t: T = serde_json::from_str(r#"{"s": 1.5}"#).unwrap();
        assert_eq!(t.s.as_deref(), Some("1.5"));
        let t: T = serde_json::from_str(r#"{"s": 1234567890123.0}"#).unwrap();
        assert_eq!(t.s.as_deref(), Some("1234567890123"));
    }
}
