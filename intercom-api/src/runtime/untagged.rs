//! Decoding an untagged response union: the best-fitting alternative, salvaged if it must be.
//!
//! The alternatives are tried best fit first ([`fit_order`](super::fit_order)). When the best
//! one does not decode because of a value inside it (a field of the wrong type, a `null` in an
//! always-present field, anything deeper) and no alternative that fits as well decodes, the
//! failure is reported with its place inside the union, as a tagged union's would be: response
//! salvage then leaves that value out (or gives the field its default) with a
//! [`DecodeWarning`](super::DecodeWarning) naming it, and the union keeps the alternative that
//! fits. A worse-fitting alternative, which would drop keys without a word, is not tried
//! then. A field missing at the union's own level says the value is another shape: the next
//! alternative is tried. A value no alternative can be is the union's `Unknown`, as sent.
//!
//! Decoded with plain serde (no salvage), such a union is then an error naming the place,
//! where it used to be another alternative or `Unknown`.

use std::fmt;

use serde::de::{self, DeserializeOwned};
use serde_json::Value;

use super::fit::{ranked, Fit};
use super::object::NULL_IN_PRESENT;

/// Why one alternative of an untagged union did not decode: where inside the value, and the
/// decoder's message.
#[doc(hidden)]
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Misfit {
    path: String,
    message: String,
}

impl Misfit {
    /// Whether salvage can repair the value at a place inside it: the failure is below the
    /// union's own level, or is a `null` in one of its always-present fields. A field missing
    /// at the union's own level says the value has another shape, not a bad value.
    fn inside(&self) -> bool {
        !self.path.contains('?')
            && (!self.path.is_empty()
                || self.message.starts_with(NULL_IN_PRESENT)
                || self.message.starts_with("at `"))
    }
}

/// The message salvage reads: `at `path`: message`, as tagged unions report it.
impl fmt::Display for Misfit {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        if self.path.is_empty() {
            f.write_str(&self.message)
        } else {
            write!(f, "at `{}`: {}", self.path, self.message)
        }
    }
}

/// Decodes `value` as the alternative `T`; when it does not fit, says where (the path is only
/// tracked on this second, failing pass).
#[doc(hidden)]
pub fn alternative<T: DeserializeOwned>(value: &Value) -> Result<T, Misfit> {
    T::deserialize(value).or_else(|_| {
        serde_path_to_error::deserialize::<_, T>(value).map_err(|error| {
            let path = error.path().to_string();
            Misfit {
                path: if path == "." { String::new() } else { path },
                message: error.into_inner().to_string(),
            }
        })
    })
}

/// Decodes `value` as the best-fitting alternative that decodes (`decode` decodes alternative
/// `i`, `None` if there is none such): `Ok(None)` when no alternative fits at all (the
/// union's `Unknown`), and an error placing the failure inside the value when the best
/// alternative needs salvage (see the [module](self) docs).
#[doc(hidden)]
pub fn untagged<T, E: de::Error>(
    value: &Value,
    fits: &[Fit<'_>],
    decode: impl Fn(usize, &Value) -> Option<Result<T, Misfit>>,
) -> Result<Option<T>, E> {
    let mut salvage: Option<(usize, Misfit)> = None;
    for (misfits, index) in ranked(value, fits) {
        if let Some((fewest, misfit)) = &salvage {
            if misfits > *fewest {
                return Err(E::custom(misfit));
            }
        }
        match decode(index, value) {
            Some(Ok(decoded)) => return Ok(Some(decoded)),
            Some(Err(misfit)) if salvage.is_none() && misfit.inside() => {
                salvage = Some((misfits, misfit));
            }
            Some(Err(_)) | None => {}
        }
    }
    match salvage {
        Some((_, misfit)) => Err(E::custom(misfit)),
        None => Ok(None),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use serde_json::json;

    #[derive(Debug, PartialEq, serde::Deserialize)]
    struct Named {
        name: String,
        size: Option<u8>,
    }

    #[derive(Debug, PartialEq)]
    enum Either {
        Named(Named),
        Text(String),
    }

    const FITS: &[Fit<'static>] = &[
        Fit::Object {
            known: &[("name", Fit::String), ("size", Fit::Integer)],
            required: &["name"],
        },
        Fit::Object {
            known: &[("name", Fit::String)],
            required: &[],
        },
        Fit::String,
    ];

    fn run(value: Value) -> Result<Option<Either>, serde_json::Error> {
        untagged(&value, FITS, |i, v| match i {
            0 | 1 => Some(alternative::<Named>(v).map(Either::Named)),
            2 => Some(alternative::<String>(v).map(Either::Text)),
            _ => None,
        })
    }

    #[test]
    fn the_best_fit_decodes() {
        let named = run(json!({"name": "a", "size": 3})).unwrap();
        let expected = Named {
            name: "a".into(),
            size: Some(3),
        };
        assert_eq!(named, Some(Either::Named(expected)));
        assert_eq!(run(json!("t")).unwrap(), Some(Either::Text("t".into())));
        assert_eq!(run(json!(5)).unwrap(), None);
    }

    #[test]
    fn a_value_inside_the_best_fit_that_does_not_fit_is_placed() {
        let error = run(json!({"name": "a", "size": 300})).unwrap_err();
        assert!(
            error.to_string().starts_with("at `size`: invalid value"),
            "{error}"
        );
        let error = run(json!({"name": "a", "size": "x"})).unwrap_err();
        assert!(
            error.to_string().starts_with("at `size`: invalid type"),
            "{error}"
        );
    }

    #[test]
    fn misfits_outside_any_place_fall_back_to_the_next_alternative() {
        let value = json!({"name": "a"});
        let misfit = alternative::<u8>(&value).unwrap_err();
        assert!(!misfit.inside(), "{misfit}");
        let missing = alternative::<Named>(&json!({"size": 1})).unwrap_err();
        assert!(!missing.inside(), "{missing}");
        assert_eq!(missing.to_string(), "missing field `name`");
        let nested = alternative::<Vec<Named>>(&json!([{"size": 1}])).unwrap_err();
        assert!(nested.inside(), "{nested}");
        assert_eq!(nested.to_string(), "at `[0]`: missing field `name`");
        // Missing at the union's level: the next alternative, else `Unknown`.
        assert_eq!(run(json!({"size": 1})).unwrap(), None);
    }
}
