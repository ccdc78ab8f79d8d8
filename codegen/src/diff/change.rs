//! One classified change between two surfaces: its area, what happened, whether it breaks.

/// What a change is about.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
pub enum Area {
    /// An operation (`METHOD /path`).
    Operations,
    /// A named type as a whole: added, removed, its kind, enum values, union alternatives.
    Models,
    /// A field of a struct (`Type.field`).
    Fields,
}

/// Whether the change adds, removes or changes the thing it names.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum What {
    /// It is new.
    Added,
    /// It is gone.
    Removed,
    /// It is there in both, differently.
    Changed,
}

/// One change, rendered as one Markdown list item.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Change {
    /// Operations, models or fields.
    pub area: Area,
    /// Added, removed or changed.
    pub what: What,
    /// Whether it may break code using the crate.
    pub breaking: bool,
    /// What it is about, for sorting: `GET /contacts/{}`, `Contact.owner_id`.
    pub key: String,
    /// The line without its list marker: `` `Contact.owner_id`: `Option<i64>` -> `Option<String>` ``.
    pub text: String,
}

/// `` `x` `` for Markdown.
pub(super) fn code(text: &str) -> String {
    format!("`{text}`")
}
