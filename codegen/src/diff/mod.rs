//! Comparing the surfaces of two versions: one classified change per line, for the review of a
//! version bump (`cargo xtask diff`, the CHANGELOG).
//!
//! A change is **breaking** when code using the crate may stop compiling (a call, argument,
//! field or type gone or changed, a new constructor argument) or when a value a user matches
//! on or sends disappears (an enum value, a union alternative); everything else is
//! **additive** (new operations, optional parameters, fields, enum values: the generated
//! structs and enums are `#[non_exhaustive]`).

mod models;
mod operations;
mod render;

use crate::surface::Surface;

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

/// Every change from one surface to another.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Report {
    /// What the old surface is called (`2.15`, a file name).
    pub from: String,
    /// What the new one is called.
    pub to: String,
    /// The changes, sorted by area, then by what they are about.
    pub changes: Vec<Change>,
}

impl Report {
    /// Compares `from` (named `from_label`) with `to` (named `to_label`).
    pub fn compare(from_label: &str, from: &Surface, to_label: &str, to: &Surface) -> Report {
        let mut changes = operations::compare(&from.operations, &to.operations);
        changes.extend(models::compare(&from.models, &to.models));
        changes.sort_by(|a, b| (a.area, &a.key, &a.text).cmp(&(b.area, &b.key, &b.text)));
        Report {
            from: from_label.to_string(),
            to: to_label.to_string(),
            changes,
        }
    }

    /// How many changes are breaking.
    pub fn breaking(&self) -> usize {
        self.changes.iter().filter(|c| c.breaking).count()
    }

    /// The report as Markdown whose title is a heading of `level` (`2` for `##`), sections one
    /// level below: the title, a table of counts, then the breaking and the additive changes.
    pub fn markdown(&self, level: usize) -> String {
        render::markdown(self, level)
    }

    /// The title of the report: `Intercom API 2.15 -> 2.16`.
    pub fn title(&self) -> String {
        title(&self.from, &self.to)
    }
}

/// The title of a report from `from` to `to`, which the CHANGELOG's entries start with.
pub fn title(from: &str, to: &str) -> String {
    format!("Intercom API {from} -> {to}")
}

/// `` `x` `` for Markdown.
fn code(text: &str) -> String {
    format!("`{text}`")
}
