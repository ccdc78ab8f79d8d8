//! The value types of searchable fields, as marker types.
//!
//! A [`Field`](super::Field) carries its value type, which decides at compile time what can be
//! compared with it: the Rust type of the value, whether `<`/`>` exist (numbers and dates only)
//! and whether the text operators `~ !~ ^ $` exist (strings only). A string field whose values
//! are those of a generated enum ([`Enum`]) takes that enum and the equality operators only.

use std::convert::Infallible;
use std::marker::PhantomData;

use super::value::Scalar;
use crate::runtime::StringEnum;
use crate::Timestamp;

mod sealed {
    pub trait Sealed {}
}

/// A value type of the search tables. Implemented by the markers of this module only.
pub trait Kind: sealed::Sealed {
    /// The Rust type of a value of this kind.
    type Value;
    /// The name the tables use (`String`, `Date`).
    const NAME: &'static str;
    #[doc(hidden)]
    fn scalar(value: Self::Value) -> Scalar;
}

/// Kinds whose filters take anything convertible into the value (`eq("open")`, `eq(12345)`,
/// `eq(SystemTime::now())`): every kind but [`Enum`], whose filters take the enum itself.
pub trait Convertible: Kind {}

/// Kinds with an order: `<`, `>`, `<=` and `>=` exist for them (which of these a field accepts
/// is the catalogue's business, checked before sending).
pub trait Ordered: Kind {}

/// `String` fields. Values are strings; the text operators `~ !~ ^ $` exist only here.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Text {}

/// `Integer` fields. Values are `i64`, sent as decimal strings as in Intercom's examples.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Integer {}

/// `Float` fields. Values are finite `f64`, sent as decimal strings.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Float {}

/// `Boolean` fields. Values are `bool`, sent as JSON booleans.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Boolean {}

/// `Date (UNIX timestamp)` fields. Values are anything convertible into a [`Timestamp`]
/// (`i64` seconds, `SystemTime`, and with the `chrono` / `time` features their date-time
/// types), sent as decimal strings of Unix seconds (`"1306054154"`, as Intercom documents).
///
/// **Contact date search is day-granular.** Intercom documents that contacts' timestamp fields
/// are matched by calendar day in the workspace's timezone: `=` matches the whole day, `>`
/// matches from the start of the *next* day, `<` everything before the start of that day, and
/// `!=`, `>=`, `<=`, `IN`, `NIN` are rejected. To find contacts created on 1 January 2020,
/// search `created_at = 1577836800` (that day's midnight).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Date {}

/// `Datetime (Unix timestamp in seconds)` fields: like [`Date`], but matched to the second.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum DateTime {}

/// `String` fields whose values are those of the generated enum `E` (`priority` takes a
/// [`ConversationPriority`](crate::models::ConversationPriority)): `= != IN NIN` only, each
/// value sent as the enum's wire string (`ConversationPriority::High` as `"high"`).
///
/// The enums are forward-compatible, so a value this crate does not know yet is still
/// expressible: `ConversationPriority::from("critical")` (its `Unknown` variant) is sent as
/// `"critical"`. To send a raw string with any operator instead, name the field as a string:
/// `Field::<Conversations, kinds::Text>::unlisted("priority")` (see
/// [`Field::unlisted`](super::Field::unlisted)).
///
/// ```
/// use intercom_api::models::ConversationPriority::{High, Urgent};
/// use intercom_api::search::ConversationField as F;
///
/// let query = F::PRIORITY.is_in([High, Urgent]);
/// assert_eq!(
///     query.to_json(),
///     serde_json::json!({"field": "priority", "operator": "IN", "value": ["high", "urgent"]})
/// );
/// ```
pub struct Enum<E>(Infallible, PhantomData<fn() -> E>);

impl sealed::Sealed for Text {}
impl sealed::Sealed for Integer {}
impl sealed::Sealed for Float {}
impl sealed::Sealed for Boolean {}
impl sealed::Sealed for Date {}
impl sealed::Sealed for DateTime {}

impl<E> sealed::Sealed for Enum<E> {}

impl<E: StringEnum> Kind for Enum<E> {
    type Value = E;
    const NAME: &'static str = "String";
    fn scalar(value: E) -> Scalar {
        Scalar::Text(value.as_str().to_owned())
    }
}

impl Kind for Text {
    type Value = String;
    const NAME: &'static str = "String";
    fn scalar(value: String) -> Scalar {
        Scalar::Text(value)
    }
}

impl Kind for Integer {
    type Value = i64;
    const NAME: &'static str = "Integer";
    fn scalar(value: i64) -> Scalar {
        Scalar::Integer(value)
    }
}

impl Kind for Float {
    type Value = f64;
    const NAME: &'static str = "Float";
    fn scalar(value: f64) -> Scalar {
        Scalar::Float(value)
    }
}

impl Kind for Boolean {
    type Value = bool;
    const NAME: &'static str = "Boolean";
    fn scalar(value: bool) -> Scalar {
        Scalar::Boolean(value)
    }
}

impl Kind for Date {
    type Value = Timestamp;
    const NAME: &'static str = "Date";
    fn scalar(value: Timestamp) -> Scalar {
        Scalar::Time(value)
    }
}

impl Kind for DateTime {
    type Value = Timestamp;
    const NAME: &'static str = "Datetime";
    fn scalar(value: Timestamp) -> Scalar {
        Scalar::Time(value)
    }
}

impl Ordered for Integer {}
impl Ordered for Float {}
impl Ordered for Date {}
impl Ordered for DateTime {}

impl Convertible for Text {}
impl Convertible for Integer {}
impl Convertible for Float {}
impl Convertible for Boolean {}
impl Convertible for Date {}
impl Convertible for DateTime {}
