//! Decoding the generated structs from JSON objects, with one shared visitor.
//!
//! A generated struct implements [`Object`]: its field names and one generic function that
//! stores each known field in a slot and assembles the struct. The loop over the object, the
//! key lookup, skipping unknown fields, the duplicate and missing field errors and the lenient
//! field decoders live here once, instead of in a serde derive expanded for every struct (which
//! also accepts a struct written as an array, something the API never sends). The messages are
//! serde's own (`missing field `id``, `duplicate field `id``, `invalid type: …, expected
//! struct Team`), which salvage and the decode warnings rely on.
//!
//! An always-present field refuses `null` as it refuses a missing key ([`NULL_IN_PRESENT`]),
//! so that salvage reports both. Salvage then grants the field its default by adding the key
//! [`DEFAULTED`] followed by the field's name: a key no real response holds, which only tells
//! the visitor that this one field reads as its default.

use std::fmt;
use std::marker::PhantomData;

use serde::de::{self, DeserializeSeed, Deserializer, IgnoredAny, MapAccess, Visitor};
use serde::Deserialize;

use super::{field, lenient};

/// The start of the error of an always-present field that holds `null`; the field's name
/// follows in backquotes, as in serde's `missing field `x``.
#[doc(hidden)]
pub const NULL_IN_PRESENT: &str = "null in always-present field `";

/// The prefix of the key by which salvage grants an always-present field its default (the
/// field's name follows): a NUL, which no key of a real response starts with.
#[doc(hidden)]
pub const DEFAULTED: char = '\u{0}';

/// A generated struct decoded from a JSON object by [`object`].
#[doc(hidden)]
pub trait Object: Sized {
    /// The struct's name, for messages (`expected struct Team`).
    const NAME: &'static str;
    /// The wire names of its fields, sorted (bytewise): a field's slot is its index here.
    const FIELDS: &'static [&'static str];
    /// Reads the object's entries into slots and assembles the struct.
    fn visit<'de, A: MapAccess<'de>>(map: &mut Fields<A>) -> Result<Self, A::Error>;
}

/// Decodes an [`Object`] (the body of each generated struct's `Deserialize`).
#[doc(hidden)]
pub fn object<'de, T: Object, D: Deserializer<'de>>(deserializer: D) -> Result<T, D::Error> {
    deserializer.deserialize_struct(T::NAME, T::FIELDS, ObjectVisitor::<T>(PhantomData))
}

struct ObjectVisitor<T>(PhantomData<T>);

impl<'de, T: Object> Visitor<'de> for ObjectVisitor<T> {
    type Value = T;

    fn expecting(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "struct {}", T::NAME)
    }

    fn visit_map<A: MapAccess<'de>>(self, map: A) -> Result<T, A::Error> {
        T::visit(&mut Fields {
            map,
            fields: T::FIELDS,
            current: 0,
            defaulted: Vec::new(),
        })
    }
}

/// The entries of an object being decoded into an [`Object`], read one known field at a time.
#[doc(hidden)]
pub struct Fields<A> {
    map: A,
    fields: &'static [&'static str],
    current: usize,
    /// The fields salvage granted their default (by a [`DEFAULTED`] key).
    defaulted: Vec<usize>,
}

/// The index of `key` in the sorted `fields`, if it is one of them.
fn lookup(fields: &[&str], key: &[u8]) -> Option<usize> {
    fields.binary_search_by(|f| f.as_bytes().cmp(key)).ok()
}

/// A key of the object, as [`Key`] reads it.
enum KeyKind {
    /// A known field, by index.
    Field(usize),
    /// Salvage's grant of its default to a known field, by index.
    Defaulted(usize),
    /// Any other key.
    Other,
}

/// What `key` is among the sorted `fields`.
fn classify(fields: &[&str], key: &[u8]) -> KeyKind {
    if let Some(index) = lookup(fields, key) {
        return KeyKind::Field(index);
    }
    let mut marker = [0; 4];
    let marker = DEFAULTED.encode_utf8(&mut marker).as_bytes();
    match key
        .strip_prefix(marker)
        .and_then(|name| lookup(fields, name))
    {
        Some(index) => KeyKind::Defaulted(index),
        None => KeyKind::Other,
    }
}

/// A key of the object: a known field, salvage's grant of a default, or another key.
struct Key(&'static [&'static str]);

impl<'de> DeserializeSeed<'de> for Key {
    type Value = KeyKind;

    fn deserialize<D: Deserializer<'de>>(self, d: D) -> Result<Self::Value, D::Error> {
        d.deserialize_identifier(self)
    }
}

impl<'de> Visitor<'de> for Key {
    type Value = KeyKind;

    fn expecting(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str("field identifier")
    }

    fn visit_str<E: de::Error>(self, v: &str) -> Result<Self::Value, E> {
        Ok(classify(self.0, v.as_bytes()))
    }

    fn visit_bytes<E: de::Error>(self, v: &[u8]) -> Result<Self::Value, E> {
        Ok(classify(self.0, v))
    }

    fn visit_u64<E: de::Error>(self, v: u64) -> Result<Self::Value, E> {
        Ok(usize::try_from(v)
            .ok()
            .filter(|&i| i < self.0.len())
            .map_or(KeyKind::Other, KeyKind::Field))
    }
}

/// Decodes one field's value with a lenient decoder `M`.
struct With<M>(PhantomData<M>);

impl<'de, M: Decoder> DeserializeSeed<'de> for With<M> {
    type Value = M::Value;

    fn deserialize<D: Deserializer<'de>>(self, d: D) -> Result<Self::Value, D::Error> {
        M::decode(d)
    }
}

impl<'de, A: MapAccess<'de>> Fields<A> {
    /// The slot of the next known field (unknown fields are skipped), or `None` at the end.
    pub fn next_field(&mut self) -> Result<Option<usize>, A::Error> {
        while let Some(key) = self.map.next_key_seed(Key(self.fields))? {
            match key {
                KeyKind::Field(index) => {
                    self.current = index;
                    return Ok(Some(index));
                }
                KeyKind::Defaulted(index) => {
                    self.defaulted.push(index);
                    self.map.next_value::<IgnoredAny>()?;
                }
                KeyKind::Other => {
                    self.map.next_value::<IgnoredAny>()?;
                }
            }
        }
        Ok(None)
    }

    fn vacant<T>(&self, slot: &Option<T>) -> Result<(), A::Error> {
        match slot {
            Some(_) => Err(de::Error::duplicate_field(self.fields[self.current])),
            None => Ok(()),
        }
    }

    /// Decodes the current field's value into its slot.
    pub fn value<T: Deserialize<'de>>(&mut self, slot: &mut Option<T>) -> Result<(), A::Error> {
        self.vacant(slot)?;
        *slot = Some(self.map.next_value()?);
        Ok(())
    }

    /// Decodes the current field's value into its slot with the lenient decoder `M`.
    pub fn with<M: Decoder>(&mut self, slot: &mut Option<M::Value>) -> Result<(), A::Error> {
        self.vacant(slot)?;
        *slot = Some(self.map.next_value_seed(With::<M>(PhantomData))?);
        Ok(())
    }

    /// A field that must be present: an error naming it when it was not.
    pub fn required<T: Deserialize<'de>>(
        &self,
        slot: Option<T>,
        index: usize,
    ) -> Result<T, A::Error> {
        match slot {
            Some(value) => Ok(value),
            None => missing(self.fields[index]),
        }
    }

    /// An always-present response field decoded as an option: an error naming it when it was
    /// left out or is `null`, so that salvage supplies the default with a warning. A field
    /// salvage granted its default reads as the default.
    pub fn present<T: Default>(
        &self,
        slot: Option<Option<T>>,
        index: usize,
    ) -> Result<T, A::Error> {
        match slot {
            Some(Some(value)) => Ok(value),
            _ if self.defaulted.contains(&index) => Ok(T::default()),
            Some(None) => Err(de::Error::custom(format_args!(
                "{NULL_IN_PRESENT}{}`",
                self.fields[index]
            ))),
            None => Err(de::Error::missing_field(self.fields[index])),
        }
    }
}

/// What serde does for a missing field without a default: `None` for an `Option`, else the
/// "missing field" error.
fn missing<'de, T: Deserialize<'de>, E: de::Error>(name: &'static str) -> Result<T, E> {
    T::deserialize(Missing(name, PhantomData))
}

struct Missing<E>(&'static str, PhantomData<E>);

impl<'de, E: de::Error> Deserializer<'de> for Missing<E> {
    type Error = E;

    fn deserialize_any<V: Visitor<'de>>(self, _visitor: V) -> Result<V::Value, E> {
        Err(de::Error::missing_field(self.0))
    }

    fn deserialize_option<V: Visitor<'de>>(self, visitor: V) -> Result<V::Value, E> {
        visitor.visit_none()
    }

    serde::forward_to_deserialize_any! {
        bool i8 i16 i32 i64 i128 u8 u16 u32 u64 u128 f32 f64 char str string bytes byte_buf unit
        unit_struct newtype_struct seq tuple tuple_struct map struct enum identifier ignored_any
    }
}

/// A lenient decoder of a field's value (one of the [`lenient`] and [`field`] functions).
#[doc(hidden)]
pub trait Decoder {
    /// What it decodes to.
    type Value;
    /// Decodes a value.
    fn decode<'de, D: Deserializer<'de>>(d: D) -> Result<Self::Value, D::Error>;
}

macro_rules! decoders {
    ($( $(#[$doc:meta])* $name:ident: $value:ty = $function:path; )*) => {
        $(
            $(#[$doc])*
            #[doc(hidden)]
            pub struct $name;

            impl Decoder for $name {
                type Value = $value;
                fn decode<'de, D: Deserializer<'de>>(d: D) -> Result<$value, D::Error> {
                    $function(d)
                }
            }
        )*
    };
}

decoders! {
    /// [`lenient::opt_string`].
    OptString: Option<String> = lenient::opt_string;
    /// [`lenient::opt_i64`].
    OptI64: Option<i64> = lenient::opt_i64;
    /// [`lenient::opt_f64`].
    OptF64: Option<f64> = lenient::opt_f64;
    /// [`field::opt_strings`].
    OptStrings: Option<Vec<String>> = field::opt_strings;
    /// [`field::opt_nullable_strings`].
    OptNullableStrings: Option<Vec<Option<String>>> = field::opt_nullable_strings;
    /// [`field::opt_string_map`].
    OptStringMap: Option<std::collections::BTreeMap<String, String>> = field::opt_string_map;
}

#[cfg(test)]
mod tests {
    use super::*;

    /// What the generator emits for a struct with every kind of field.
    #[derive(Debug, PartialEq)]
    struct T {
        id: String,
        n: i64,
        labels: Vec<i64>,
        name: Option<String>,
        count: Option<i64>,
        tags: Option<Vec<String>>,
        plain: u8,
        maybe: Option<u8>,
    }

    impl Object for T {
        const NAME: &'static str = "T";
        const FIELDS: &'static [&'static str] = &[
            "count", "id", "labels", "maybe", "n", "name", "plain", "tags",
        ];
        fn visit<'de, A: MapAccess<'de>>(map: &mut Fields<A>) -> Result<Self, A::Error> {
            let (mut f0, mut f1, mut f2, mut f3) = (None, None, None, None);
            let (mut f4, mut f5, mut f6, mut f7) = (None, None, None, None);
            while let Some(field) = map.next_field()? {
                match field {
                    0 => map.with::<OptI64>(&mut f0)?,
                    1 => map.with::<OptString>(&mut f1)?,
                    2 => map.value(&mut f2)?,
                    3 => map.value(&mut f3)?,
                    4 => map.with::<OptI64>(&mut f4)?,
                    5 => map.with::<OptString>(&mut f5)?,
                    6 => map.value(&mut f6)?,
                    7 => map.with::<OptStrings>(&mut f7)?,
                    _ => {}
                }
            }
            Ok(T {
                id: map.present(f1, 1)?,
                n: map.present(f4, 4)?,
                labels: map.present(f2, 2)?,
                name: f5.unwrap_or_default(),
                count: f0.unwrap_or_default(),
                tags: f7.unwrap_or_default(),
                plain: map.required(f6, 6)?,
                maybe: map.required(f3, 3)?,
            })
        }
    }

    impl<'de> Deserialize<'de> for T {
        fn deserialize<D: Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
            object(d)
        }
    }

    fn decode(json: &str) -> Result<T, String> {
        serde_json::from_str(json).map_err(|e| e.to_string())
    }

    #[test]
    fn fields_decode_by_name_leniently_and_unknown_keys_are_skipped() {
        let t = decode(
            r#"{"id": 7, "n": "3", "labels": null, "\u0000labels": null, "name": 12,
                "x": {"deep": [1]}, "count": null, "tags": ["a", 1, null], "plain": 4, "maybe": 5}"#,
        )
        .unwrap();
        assert_eq!(
            t,
            T {
                id: "7".into(),
                n: 3,
                labels: vec![],
                name: Some("12".into()),
                count: None,
                tags: Some(vec!["a".into(), "1".into()]),
                plain: 4,
                maybe: Some(5),
            }
        );
        // Optional fields may be left out; a missing `Option` without a default reads `None`.
        let t = decode(r#"{"id": "a", "n": 1, "labels": [2], "plain": 1}"#).unwrap();
        assert_eq!((t.name, t.count, t.tags, t.maybe), (None, None, None, None));
        // Keys arrive as bytes from some deserializers, and as escaped strings.
        let t = decode(r#"{"\u0069d": "b", "n": 1, "labels": [], "plain": 1}"#).unwrap();
        assert_eq!(t.id, "b");
        let value = serde_json::json!({"id": "c", "n": 2, "labels": [3], "plain": 9});
        let t = T::deserialize(&value).unwrap();
        assert_eq!((t.id.as_str(), t.labels, t.plain), ("c", vec![3], 9));
    }

    #[test]
    fn null_in_an_always_present_field_is_an_error_until_salvage_grants_the_default() {
        let e = decode(r#"{"id": "a", "n": 1, "labels": null, "plain": 1}"#).unwrap_err();
        assert!(
            e.starts_with("null in always-present field `labels`"),
            "{e}"
        );
        let e = decode(r#"{"id": null, "n": 1, "labels": [], "plain": 1}"#).unwrap_err();
        assert!(e.starts_with("null in always-present field `id`"), "{e}");
        // The grant is for its own field only, whether the field is null or left out.
        let e = decode(r#"{"\u0000id": null, "id": null, "n": null, "labels": [], "plain": 1}"#)
            .unwrap_err();
        assert!(e.starts_with("null in always-present field `n`"), "{e}");
        let t = decode(r#"{"\u0000id": null, "n": 2, "\u0000labels": 0, "plain": 1}"#).unwrap();
        assert_eq!((t.id.as_str(), t.n, t.labels), ("", 2, vec![]));
        // A grant for a key the struct does not have is an unknown key like any other.
        let t = decode(r#"{"id": "a", "n": 1, "labels": [], "plain": 1, "\u0000zz": 1}"#);
        assert_eq!(t.map(|t| t.plain), Ok(1));
        // A field with a value keeps it.
        let t = decode(r#"{"id": "a", "\u0000id": null, "n": 1, "labels": [4], "plain": 1}"#);
        assert_eq!(t.map(|t| (t.id, t.labels)), Ok(("a".into(), vec![4])));
    }

    #[test]
    fn serde_messages_are_kept() {
        let e = decode(r#"{"n": 1, "labels": [], "plain": 1}"#).unwrap_err();
        assert!(e.starts_with("missing field `id`"), "{e}");
        let e = decode(r#"{"id": "a", "n": 1, "labels": []}"#).unwrap_err();
        assert!(e.starts_with("missing field `plain`"), "{e}");
        let e = decode(r#"{"id": "a", "id": "b", "n": 1, "labels": [], "plain": 1}"#).unwrap_err();
        assert!(e.starts_with("duplicate field `id`"), "{e}");
        let e = decode(r#""text""#).unwrap_err();
        assert!(
            e.starts_with("invalid type: string \"text\", expected struct T"),
            "{e}"
        );
        // A struct is an object: an array is refused, not read field by field.
        let e = decode(r#"["a", 1, [], null, null, null, 1, null]"#).unwrap_err();
        assert!(
            e.starts_with("invalid type: sequence, expected struct T"),
            "{e}"
        );
        let e = decode(r#"{"id": "a", "n": "x", "labels": [], "plain": 1}"#).unwrap_err();
        assert!(
            e.contains("expected an integer or a string of digits"),
            "{e}"
        );
    }

    #[test]
    fn paths_are_tracked_through_the_shared_visitor() {
        let json = r#"{"id": "a", "n": 1, "labels": [1, "x"], "plain": 1}"#;
        let mut de = serde_json::Deserializer::from_str(json);
        let error = serde_path_to_error::deserialize::<_, T>(&mut de).unwrap_err();
        assert_eq!(error.path().to_string(), "labels[1]");
    }

    #[test]
    fn lookup_finds_every_field_and_nothing_else() {
        for (i, name) in T::FIELDS.iter().enumerate() {
            assert_eq!(lookup(T::FIELDS, name.as_bytes()), Some(i));
        }
        for other in ["", "a", "idx", "zzz", "Id"] {
            assert_eq!(lookup(T::FIELDS, other.as_bytes()), None);
        }
        assert!(T::FIELDS
            .windows(2)
            .all(|w| w[0].as_bytes() < w[1].as_bytes()));
    }
}
