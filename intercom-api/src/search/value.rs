//! Filter values and how they are written.
//!
//! Intercom's own examples send numbers and timestamps as strings (`"value": "1306054154"`,
//! `"value": "12345"`) and the API parses them by the field's type, so every value but a
//! boolean is written as a JSON string; booleans stay JSON booleans.

use serde::ser::{Serialize, SerializeSeq, Serializer};

use crate::Timestamp;

/// One value of a filter.
#[derive(Debug, Clone, PartialEq)]
pub enum Scalar {
    /// A string.
    Text(String),
    /// An integer.
    Integer(i64),
    /// A float (finite, checked before sending).
    Float(f64),
    /// A boolean.
    Boolean(bool),
    /// Unix seconds.
    Time(Timestamp),
    /// A value read from a JSON search body, sent as it was given.
    Json(serde_json::Value),
}

impl Scalar {
    /// Whether the value can be sent (floats must be finite).
    pub fn is_sendable(&self) -> bool {
        match self {
            Scalar::Float(f) => f.is_finite(),
            Scalar::Json(serde_json::Value::Number(n)) => n.as_f64().is_some_and(f64::is_finite),
            _ => true,
        }
    }
}

impl Serialize for Scalar {
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        match self {
            Scalar::Text(s) => serializer.serialize_str(s),
            Scalar::Integer(i) => serializer.collect_str(i),
            Scalar::Float(f) => serializer.collect_str(f),
            Scalar::Boolean(b) => serializer.serialize_bool(*b),
            Scalar::Time(t) => serializer.collect_str(&t.unix()),
            Scalar::Json(v) => v.serialize(serializer),
        }
    }
}

/// The right-hand side of a filter: one value, or a list for `IN` / `NIN`.
#[derive(Debug, Clone, PartialEq)]
pub enum Operand {
    /// One value.
    One(Scalar),
    /// A list of values.
    Many(Vec<Scalar>),
}

impl Operand {
    /// The values, one or many.
    pub fn values(&self) -> &[Scalar] {
        match self {
            Operand::One(v) => std::slice::from_ref(v),
            Operand::Many(vs) => vs,
        }
    }
}

impl Serialize for Operand {
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        match self {
            Operand::One(v) => v.serialize(serializer),
            Operand::Many(vs) => {
                let mut seq = serializer.serialize_seq(Some(vs.len()))?;
                for v in vs {
                    seq.serialize_element(v)?;
                }
                seq.end()
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use serde_json::json;

    #[test]
    fn numbers_and_times_are_strings_booleans_are_not() {
        let many = Operand::Many(vec![
            Scalar::Text("a".into()),
            Scalar::Integer(12345),
            Scalar::Float(1.5),
            Scalar::Boolean(true),
            Scalar::Time(Timestamp(1306054154)),
        ]);
        assert_eq!(
            serde_json::to_value(&many).unwrap(),
            json!(["a", "12345", "1.5", true, "1306054154"])
        );
        assert!(!Scalar::Float(f64::NAN).is_sendable());
        assert!(Scalar::Float(-0.25).is_sendable());
    }
}
