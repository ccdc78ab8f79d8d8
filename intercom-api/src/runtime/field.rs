//! Decoders for generated response fields: always-present fields and lists or maps of strings.
//!
//! An always-present field (Intercom sends it on every response) is a plain `T`. It has no
//! serde default, so a response that leaves it out fails the fast decode and is salvaged: the
//! field takes its default and a [`DecodeWarning`](super::DecodeWarning) names it. The
//! generated structs decode such fields through `runtime::object`, where a `null` is salvaged
//! the same way; these functions serve the structs that keep serde's derive (request bodies
//! with a flattened union), where a `null` reads as the default.
//!
//! Strings inside lists and maps accept numbers and booleans as the scalar string fields do
//! (the API sends `[1, "a"]` where its description says strings); `null` entries are left out.

use std::collections::BTreeMap;

use serde::de::{Deserialize, Deserializer};

use super::lenient;

/// An always-present string that may arrive as a number; `null` reads as `""`.
pub fn string<'de, D: Deserializer<'de>>(d: D) -> Result<String, D::Error> {
    lenient::opt_string(d).map(Option::unwrap_or_default)
}

/// An always-present integer that may arrive as a string of digits; `null` reads as `0`.
pub fn int<'de, D: Deserializer<'de>>(d: D) -> Result<i64, D::Error> {
    lenient::opt_i64(d).map(Option::unwrap_or_default)
}

/// An always-present number that may arrive as a numeric string; `null` reads as `0.0`.
pub fn float<'de, D: Deserializer<'de>>(d: D) -> Result<f64, D::Error> {
    lenient::opt_f64(d).map(Option::unwrap_or_default)
}

/// Any other always-present value; `null` reads as its default.
pub fn or_default<'de, D, T>(d: D) -> Result<T, D::Error>
where
    D: Deserializer<'de>,
    T: Deserialize<'de> + Default,
{
    Option::<T>::deserialize(d).map(Option::unwrap_or_default)
}

/// A string inside a list or map, leniently; `None` for `null`.
struct Lenient(Option<String>);

impl<'de> Deserialize<'de> for Lenient {
    fn deserialize<D: Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        lenient::opt_string(d).map(Lenient)
    }
}

/// A list of strings whose items may arrive as numbers or booleans.
pub fn strings<'de, D: Deserializer<'de>>(d: D) -> Result<Vec<String>, D::Error> {
    Option::<Vec<Lenient>>::deserialize(d)
        .map(|items| items.into_iter().flatten().filter_map(|s| s.0).collect())
}

/// An optional list of strings whose items may arrive as numbers or booleans.
pub fn opt_strings<'de, D: Deserializer<'de>>(d: D) -> Result<Option<Vec<String>>, D::Error> {
    Option::<Vec<Lenient>>::deserialize(d)
        .map(|items| items.map(|items| items.into_iter().filter_map(|s| s.0).collect()))
}

/// A list of strings or `null`s whose items may arrive as numbers or booleans.
pub fn nullable_strings<'de, D: Deserializer<'de>>(d: D) -> Result<Vec<Option<String>>, D::Error> {
    opt_nullable_strings(d).map(Option::unwrap_or_default)
}

/// An optional list of strings or `null`s whose items may arrive as numbers or booleans.
pub fn opt_nullable_strings<'de, D: Deserializer<'de>>(
    d: D,
) -> Result<Option<Vec<Option<String>>>, D::Error> {
    Option::<Vec<Lenient>>::deserialize(d)
        .map(|items| items.map(|items| items.into_iter().map(|s| s.0).collect()))
}

/// A map of strings whose values may arrive as numbers or booleans.
pub fn string_map<'de, D: Deserializer<'de>>(d: D) -> Result<BTreeMap<String, String>, D::Error> {
    opt_string_map(d).map(Option::unwrap_or_default)
}

/// An optional map of strings whose values may arrive as numbers or booleans.
pub fn opt_string_map<'de, D: Deserializer<'de>>(
    d: D,
) -> Result<Option<BTreeMap<String, String>>, D::Error> {
    Option::<BTreeMap<String, Lenient>>::deserialize(d).map(|map| {
        map.map(|map| {
            map.into_iter()
                .filter_map(|(k, v)| v.0.map(|v| (k, v)))
                .collect()
        })
    })
}

#[cfg(test)]
mod tests {
    use std::collections::BTreeMap;

    use serde::Deserialize;

    #[derive(Debug, Deserialize)]
    struct T {
        #[serde(deserialize_with = "super::string")]
        id: String,
        #[serde(deserialize_with = "super::int")]
        n: i64,
        #[serde(deserialize_with = "super::or_default")]
        flag: bool,
        #[serde(default, deserialize_with = "super::opt_strings")]
        labels: Option<Vec<String>>,
        #[serde(default, deserialize_with = "super::opt_string_map")]
        attrs: Option<BTreeMap<String, String>>,
    }

    #[test]
    fn present_fields_read_null_as_default_and_fail_when_missing() {
        let t: T = serde_json::from_str(r#"{"id": 7, "n": "3", "flag": null}"#).unwrap();
        assert_eq!((t.id.as_str(), t.n, t.flag), ("7", 3, false));
        let t: T = serde_json::from_str(r#"{"id": null, "n": null, "flag": true}"#).unwrap();
        assert_eq!((t.id.as_str(), t.n, t.flag), ("", 0, true));
        let e = serde_json::from_str::<T>(r#"{"n": 1, "flag": true}"#).unwrap_err();
        assert!(e.to_string().starts_with("missing field `id`"), "{e}");
    }

    #[test]
    fn strings_in_lists_and_maps_accept_numbers() {
        let t: T = serde_json::from_str(
            r#"{"id": "a", "n": 1, "flag": true, "labels": ["x", 2, null, true],
                "attrs": {"a": 1, "b": "two", "c": null}}"#,
        )
        .unwrap();
        assert_eq!(t.labels.unwrap(), ["x", "2", "true"]);
        let attrs = t.attrs.unwrap();
        assert_eq!(attrs.len(), 2);
        assert_eq!(attrs["a"], "1");
        assert!(
            serde_json::from_str::<T>(r#"{"id":"a","n":1,"flag":true,"labels":[{}]}"#).is_err()
        );
    }
}
