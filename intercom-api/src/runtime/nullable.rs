//! A field that can be left out, sent as `null`, or sent with a value.

/// A request field with three states: absent (not sent), `null` (sent to clear the value),
/// or a value. Used for optional fields the API documents as nullable, such as a contact's
/// `phone` in an update.
#[derive(Debug, Clone, PartialEq, Eq, Hash, Default)]
pub enum Nullable<T> {
    /// Not sent.
    #[default]
    Absent,
    /// Sent as `null`.
    Null,
    /// Sent with this value.
    Value(T),
}

impl<T> Nullable<T> {
    /// Whether the field is left out of the request.
    pub fn is_absent(&self) -> bool {
        matches!(self, Nullable::Absent)
    }

    /// The value, if there is one.
    pub fn value(&self) -> Option<&T> {
        match self {
            Nullable::Value(v) => Some(v),
            _ => None,
        }
    }
}

impl<T> From<T> for Nullable<T> {
    fn from(value: T) -> Self {
        Nullable::Value(value)
    }
}

impl<T: serde::Serialize> serde::Serialize for Nullable<T> {
    fn serialize<S: serde::Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        match self {
            Nullable::Value(v) => v.serialize(serializer),
            Nullable::Absent | Nullable::Null => serializer.serialize_none(),
        }
    }
}

impl<'de, T: serde::Deserialize<'de>> serde::Deserialize<'de> for Nullable<T> {
    fn deserialize<D: serde::Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        Ok(match Option::<T>::deserialize(deserializer)? {
            Some(v) => Nullable::Value(v),
            None => Nullable::Null,
        })
    }
}

#[cfg(test)]
mod tests {
    use super::Nullable;

    #[derive(serde::Serialize, serde::Deserialize, Default, Debug, PartialEq)]
    struct Update {
        #[serde(default, skip_serializing_if = "Nullable::is_absent")]
        phone: Nullable<String>,
    }

    #[test]
    fn three_states_on_the_wire() {
        let json = |phone| serde_json::to_string(&Update { phone }).unwrap();
        assert_eq!(json(Nullable::Absent), "{}");
        assert_eq!(json(Nullable::Null), r#"{"phone":null}"#);
        assert_eq!(json("1".to_string().into()), r#"{"phone":"1"}"#);
        let back: Update = serde_json::from_str(r#"{"phone":null}"#).unwrap();
        assert_eq!(back.phone, Nullable::Null);
        let back: Update = serde_json::from_str("{}").unwrap();
        assert_eq!(back.phone, Nullable::Absent);
    }
}
