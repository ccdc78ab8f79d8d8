//! The macro behind every generated string enum.

use std::fmt;
use std::marker::PhantomData;

use serde::de::Visitor;

/// Implements a generated string enum (declared `#[non_exhaustive]` with an `Unknown(String)`
/// fallback): `as_str()`, infallible parsing, `Display`, and serde as a plain string.
#[doc(hidden)]
#[macro_export]
macro_rules! string_enum {
    ($name:ident { $( $variant:ident = $wire:literal, )* }) => {
        impl $name {
            /// The value as sent on the wire.
            #[inline]
            pub fn as_str(&self) -> &str {
                match self {
                    $( Self::$variant => $wire, )*
                    Self::Unknown(other) => other.as_str(),
                }
            }
        }

        impl $crate::runtime::StringEnum for $name {
            #[inline]
            fn as_str(&self) -> &str {
                $name::as_str(self)
            }
        }

        impl From<&str> for $name {
            #[inline]
            fn from(value: &str) -> Self {
                match value {
                    $( $wire => Self::$variant, )*
                    other => Self::Unknown(other.to_string()),
                }
            }
        }

        impl From<String> for $name {
            #[inline]
            fn from(value: String) -> Self {
                Self::from(value.as_str())
            }
        }

        impl std::str::FromStr for $name {
            type Err = std::convert::Infallible;
            #[inline]
            fn from_str(value: &str) -> Result<Self, Self::Err> {
                Ok(Self::from(value))
            }
        }

        impl std::fmt::Display for $name {
            #[inline]
            fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
                f.write_str(self.as_str())
            }
        }

        impl serde::Serialize for $name {
            fn serialize<S: serde::Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
                serializer.serialize_str(self.as_str())
            }
        }

        impl<'de> serde::Deserialize<'de> for $name {
            fn deserialize<D: serde::Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
                deserializer.deserialize_str($crate::runtime::StrVisitor::<Self>::new())
            }
        }
    };
}

/// A generated string enum: its value as sent on the wire. Implemented by every enum of
/// [`models`](crate::models) (through their `as_str()`), so that code such as the search
/// builder ([`kinds::Enum`](crate::search::kinds::Enum)) can take any of them.
pub trait StringEnum {
    /// The value as sent on the wire (the unknown value as it was received or given).
    fn as_str(&self) -> &str;
}

/// Decodes a string enum from any string: what a generated enum's `Deserialize` runs.
#[doc(hidden)]
pub struct StrVisitor<T>(PhantomData<T>);

impl<T> StrVisitor<T> {
    /// The visitor.
    pub fn new() -> Self {
        StrVisitor(PhantomData)
    }
}

impl<T> Default for StrVisitor<T> {
    fn default() -> Self {
        Self::new()
    }
}

impl<T: for<'a> From<&'a str>> Visitor<'_> for StrVisitor<T> {
    type Value = T;

    fn expecting(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str("a string")
    }

    fn visit_str<E: serde::de::Error>(self, value: &str) -> Result<T, E> {
        Ok(T::from(value))
    }
}
