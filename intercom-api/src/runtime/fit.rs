//! Best-fit choice among the alternatives of an untagged union.
//!
//! Each alternative carries a generated [`Fit`]: what its JSON looks like, a few levels deep.
//! A value is scored against each: incompatible (wrong kind of JSON, a required key missing,
//! a constant that differs) or a number of misfits (the JSON values under keys the alternative
//! does not know, enum values it does not list, scalars of another kind inside it). The decoder tries compatible
//! alternatives fewest misfits first, declaration order breaking ties, so an alternative
//! that would silently drop keys loses to one that holds them all. The keys by which salvage
//! grants a field its default (see `runtime::object`) are not the value's and are not counted.

use serde_json::Value;

use super::object::DEFAULTED;

/// What the JSON of a union alternative looks like.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Fit<'a> {
    /// Anything.
    Any,
    /// A string.
    String,
    /// An integer.
    Integer,
    /// Any number.
    Number,
    /// `true` or `false`.
    Boolean,
    /// Exactly this string.
    Const(&'a str),
    /// Exactly this boolean.
    ConstBool(bool),
    /// One of these strings; another string is a misfit (it decodes as an unknown value).
    Enum(&'a [&'a str]),
    /// An array of items fitting the inner description.
    Array(&'a Fit<'a>),
    /// An object whose values all fit the inner description.
    Map(&'a Fit<'a>),
    /// An object with these known properties, of which `required` must be present.
    Object {
        /// The properties the alternative holds.
        known: &'a [(&'a str, Fit<'a>)],
        /// The properties a value must have.
        required: &'a [&'a str],
    },
    /// Any of these (a nested union): the best of them.
    OneOf(&'a [Fit<'a>]),
}

/// How badly `value` fits `fit`: `None` if it cannot be that alternative, else the number of
/// misfits at every level: each JSON value an unknown key would drop (a key holding an array
/// of two strings drops three), each mismatched enum value or scalar.
pub fn fit(value: &Value, fit: &Fit<'_>) -> Option<usize> {
    score(value, fit, false)
}

/// The indices of the alternatives `value` can be, best fit first (ties in declaration
/// order).
pub fn fit_order(value: &Value, fits: &[Fit<'_>]) -> Vec<usize> {
    ranked(value, fits).into_iter().map(|(_, i)| i).collect()
}

/// The alternatives `value` can be as (misfits, index), best fit first (ties in declaration
/// order).
pub(crate) fn ranked(value: &Value, fits: &[Fit<'_>]) -> Vec<(usize, usize)> {
    let mut scored: Vec<(usize, usize)> = fits
        .iter()
        .enumerate()
        .filter_map(|(i, f)| fit(value, f).map(|misfits| (misfits, i)))
        .collect();
    scored.sort_unstable();
    scored
}

/// `nested`: inside an object or array, where `null` means absent and the lenient decoders
/// accept scalars of another kind (a misfit, not a mismatch).
fn score(value: &Value, fit: &Fit<'_>, nested: bool) -> Option<usize> {
    match (fit, value) {
        (Fit::Any, _) => Some(0),
        (_, Value::Null) if nested => Some(0),
        (Fit::OneOf(fits), _) => fits.iter().filter_map(|f| score(value, f, nested)).min(),
        (Fit::String, Value::String(_))
        | (Fit::Number, Value::Number(_))
        | (Fit::Boolean, Value::Bool(_)) => Some(0),
        (Fit::Integer, Value::Number(n)) if n.is_i64() || n.is_u64() => Some(0),
        (Fit::Const(c), Value::String(s)) => (c == s).then_some(0),
        (Fit::ConstBool(c), Value::Bool(b)) => (c == b).then_some(0),
        (Fit::Enum(values), Value::String(s)) => Some(usize::from(!values.contains(&s.as_str()))),
        (Fit::Array(item), Value::Array(items)) => items.iter().map(|v| score(v, item, true)).sum(),
        (Fit::Map(inner), Value::Object(map)) => map.values().map(|v| score(v, inner, true)).sum(),
        (Fit::Object { known, required }, Value::Object(map)) => {
            if !required.iter().all(|k| map.contains_key(*k)) {
                return None;
            }
            map.iter()
                .filter(|(key, _)| !key.starts_with(DEFAULTED))
                .map(|(key, v)| match known.iter().find(|(k, _)| k == key) {
                    Some((_, f)) => score(v, f, true),
                    None => Some(size(v)),
                })
                .sum()
        }
        (
            Fit::String | Fit::Integer | Fit::Number | Fit::Boolean | Fit::Enum(_),
            Value::String(_) | Value::Number(_) | Value::Bool(_),
        ) if nested => Some(1),
        _ => None,
    }
}

/// How many JSON values `value` holds, itself included: what dropping it loses.
fn size(value: &Value) -> usize {
    1 + match value {
        Value::Array(items) => items.iter().map(size).sum(),
        Value::Object(map) => map.values().map(size).sum(),
        _ => 0,
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use serde_json::json;

    const TAG: Fit<'static> = Fit::Object {
        known: &[("name", Fit::String)],
        required: &["name"],
    };
    const COMPANIES: Fit<'static> = Fit::Object {
        known: &[
            ("name", Fit::String),
            (
                "companies",
                Fit::Array(&Fit::Object {
                    known: &[("id", Fit::String)],
                    required: &[],
                }),
            ),
        ],
        required: &["name", "companies"],
    };
    const UNTAG: Fit<'static> = Fit::Object {
        known: &[
            ("name", Fit::String),
            (
                "companies",
                Fit::Array(&Fit::Object {
                    known: &[("id", Fit::String), ("untag", Fit::ConstBool(true))],
                    required: &[],
                }),
            ),
        ],
        required: &["name", "companies"],
    };

    #[test]
    fn unknown_keys_are_misfits_and_required_keys_must_be_there() {
        let value = json!({"name": "x", "companies": [{"id": "1"}]});
        assert_eq!(fit(&value, &TAG), Some(3));
        assert_eq!(fit(&value, &COMPANIES), Some(0));
        assert_eq!(fit(&json!({"name": "x"}), &COMPANIES), None);
        assert_eq!(fit_order(&value, &[TAG, COMPANIES, UNTAG]), [1, 2, 0]);
    }

    #[test]
    fn constants_decide_between_equal_shapes() {
        let untag = json!({"name": "x", "companies": [{"id": "1", "untag": true}]});
        assert_eq!(fit_order(&untag, &[TAG, COMPANIES, UNTAG]), [2, 1, 0]);
        let not_untag = json!({"name": "x", "companies": [{"id": "1", "untag": false}]});
        assert_eq!(fit(&not_untag, &UNTAG), None);
        assert_eq!(fit(&not_untag, &COMPANIES), Some(1));
        assert_eq!(fit(&not_untag, &TAG), Some(4));
        assert_eq!(fit(&json!("a"), &Fit::Const("b")), None);
        assert_eq!(fit(&json!("b"), &Fit::Const("b")), Some(0));
    }

    #[test]
    fn kinds_must_match_at_the_top_and_scalars_may_differ_inside() {
        assert_eq!(fit(&json!(5), &Fit::String), None);
        assert_eq!(fit(&json!(5.5), &Fit::Integer), None);
        assert_eq!(fit(&json!(5), &Fit::Number), Some(0));
        assert_eq!(fit(&json!([1, "a"]), &Fit::Array(&Fit::String)), Some(1));
        assert_eq!(fit(&json!([[1]]), &Fit::Array(&Fit::String)), None);
        assert_eq!(fit(&json!({"name": null}), &TAG), Some(0));
        assert_eq!(fit(&json!(null), &Fit::String), None);
        assert_eq!(fit(&json!("new"), &Fit::Enum(&["old"])), Some(1));
        let either = Fit::OneOf(&[Fit::Integer, TAG]);
        assert_eq!(fit(&json!({"name": "x", "other": [1]}), &either), Some(2));
        assert_eq!(fit(&json!(true), &either), None);
        assert_eq!(
            fit(&json!({"a": "1", "b": 2}), &Fit::Map(&Fit::String)),
            Some(1)
        );
    }
}
