//! A searchable field, and the filters built from it.

use std::borrow::Cow;
use std::fmt;
use std::marker::PhantomData;

use super::kinds::{Convertible, Enum, Kind, Ordered, Text};
use super::operator::Operator;
use super::query::Query;
use super::value::Operand;
use crate::runtime::StringEnum;

/// A searchable field of resource `R` (e.g. [`Contacts`](super::Contacts)) whose values have
/// kind `K` (e.g. [`kinds::Text`](super::kinds::Text)).
///
/// The generated catalogues ([`ContactField`](super::ContactField),
/// [`ConversationField`](super::ConversationField), [`TicketField`](super::TicketField)) hold one
/// per field Intercom documents. The methods build filters: which exist depends on `K`
/// (`gt` only for numbers and dates, `contains` only for strings), and which the field accepts
/// beyond that is checked before sending, from the catalogue.
pub struct Field<R, K> {
    path: Cow<'static, str>,
    operators: Option<&'static [Operator]>,
    marker: PhantomData<fn() -> (R, K)>,
}

impl<R, K> Field<R, K> {
    /// A field of the catalogue, accepting `operators`. The catalogues are generated, each
    /// under its namespace's feature: with none of them on, this is unused.
    #[allow(dead_code)]
    pub(crate) const fn listed(path: &'static str, operators: &'static [Operator]) -> Self {
        Field {
            path: Cow::Borrowed(path),
            operators: Some(operators),
            marker: PhantomData,
        }
    }

    /// A templated field of the catalogue (`custom_attributes.{name}`), accepting `operators`
    /// (unused, like [`Field::listed`], when no catalogue with such a field is compiled).
    #[allow(dead_code)]
    pub(crate) fn templated(
        prefix: &'static str,
        name: impl fmt::Display,
        suffix: &'static str,
        operators: &'static [Operator],
    ) -> Self {
        Field {
            path: Cow::Owned(format!("{prefix}{name}{suffix}")),
            operators: Some(operators),
            marker: PhantomData,
        }
    }

    /// A field the catalogue does not list (a newer field, or a custom attribute of another
    /// type than the table says), with the kind you choose.
    ///
    /// Only the kind's compile-time rules apply: no per-field operator check is made before
    /// sending, so Intercom has the last word.
    pub fn unlisted(path: impl Into<String>) -> Self {
        Field {
            path: Cow::Owned(path.into()),
            operators: None,
            marker: PhantomData,
        }
    }

    /// The field's name as sent (`location.city`).
    pub fn path(&self) -> &str {
        &self.path
    }

    /// The operators the catalogue documents for the field; `None` for [`Field::unlisted`].
    pub fn operators(&self) -> Option<&'static [Operator]> {
        self.operators
    }
}

impl<R, K: Kind> Field<R, K> {
    fn filter(&self, operator: Operator, operand: Operand) -> Query<R> {
        Query::filter(
            self.path.clone(),
            K::NAME,
            self.operators,
            operator,
            operand,
        )
    }

    fn one(&self, operator: Operator, value: K::Value) -> Query<R> {
        self.filter(operator, Operand::One(K::scalar(value)))
    }

    fn many(&self, operator: Operator, values: impl IntoIterator<Item = K::Value>) -> Query<R> {
        let values = values.into_iter().map(K::scalar).collect();
        self.filter(operator, Operand::Many(values))
    }
}

impl<R, K: Convertible> Field<R, K> {
    /// `field = value`.
    pub fn eq(&self, value: impl Into<K::Value>) -> Query<R> {
        self.one(Operator::Eq, value.into())
    }

    /// `field != value`.
    pub fn ne(&self, value: impl Into<K::Value>) -> Query<R> {
        self.one(Operator::Ne, value.into())
    }

    /// `field IN [values]`: equals one of the values.
    pub fn is_in<V: Into<K::Value>>(&self, values: impl IntoIterator<Item = V>) -> Query<R> {
        self.many(Operator::In, values.into_iter().map(Into::into))
    }

    /// `field NIN [values]`: equals none of the values.
    pub fn not_in<V: Into<K::Value>>(&self, values: impl IntoIterator<Item = V>) -> Query<R> {
        self.many(Operator::Nin, values.into_iter().map(Into::into))
    }
}

impl<R, E: StringEnum> Field<R, Enum<E>> {
    /// `field = value`, the enum's value (`ConversationPriority::High`, sent as `"high"`).
    pub fn eq(&self, value: E) -> Query<R> {
        self.one(Operator::Eq, value)
    }

    /// `field != value`.
    pub fn ne(&self, value: E) -> Query<R> {
        self.one(Operator::Ne, value)
    }

    /// `field IN [values]`: equals one of the values.
    pub fn is_in(&self, values: impl IntoIterator<Item = E>) -> Query<R> {
        self.many(Operator::In, values)
    }

    /// `field NIN [values]`: equals none of the values.
    pub fn not_in(&self, values: impl IntoIterator<Item = E>) -> Query<R> {
        self.many(Operator::Nin, values)
    }
}

impl<R, K: Ordered> Field<R, K> {
    /// `field > value`.
    pub fn gt(&self, value: impl Into<K::Value>) -> Query<R> {
        self.one(Operator::Gt, value.into())
    }

    /// `field >= value`.
    pub fn ge(&self, value: impl Into<K::Value>) -> Query<R> {
        self.one(Operator::Ge, value.into())
    }

    /// `field < value`.
    pub fn lt(&self, value: impl Into<K::Value>) -> Query<R> {
        self.one(Operator::Lt, value.into())
    }

    /// `field <= value`.
    pub fn le(&self, value: impl Into<K::Value>) -> Query<R> {
        self.one(Operator::Le, value.into())
    }
}

impl<R> Field<R, Text> {
    /// `field ~ value`: contains.
    pub fn contains(&self, value: impl Into<String>) -> Query<R> {
        self.one(Operator::Contains, value.into())
    }

    /// `field !~ value`: does not contain.
    pub fn not_contains(&self, value: impl Into<String>) -> Query<R> {
        self.one(Operator::NotContains, value.into())
    }

    /// `field ^ value`: starts with.
    pub fn starts_with(&self, value: impl Into<String>) -> Query<R> {
        self.one(Operator::StartsWith, value.into())
    }

    /// `field $ value`: ends with.
    pub fn ends_with(&self, value: impl Into<String>) -> Query<R> {
        self.one(Operator::EndsWith, value.into())
    }
}

impl<R, K> Clone for Field<R, K> {
    fn clone(&self) -> Self {
        Field {
            path: self.path.clone(),
            operators: self.operators,
            marker: PhantomData,
        }
    }
}

impl<R, K: Kind> fmt::Debug for Field<R, K> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_struct("Field")
            .field("path", &self.path)
            .field("kind", &K::NAME)
            .field("operators", &self.operators)
            .finish()
    }
}
