//! The report of every change from one surface to another.

use super::change::Change;
use super::{models, operations};
use crate::surface::Surface;

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

    /// The title of the report: `Intercom API 2.15 -> 2.16`.
    pub fn title(&self) -> String {
        title(&self.from, &self.to)
    }
}

/// The title of a report from `from` to `to`, which the CHANGELOG's entries start with.
pub fn title(from: &str, to: &str) -> String {
    format!("Intercom API {from} -> {to}")
}
