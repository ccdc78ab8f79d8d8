//! Comparing the surfaces of two versions: one classified change per line, for the review of a
//! version bump (`cargo xtask diff`, the CHANGELOG).
//!
//! A change is **breaking** when code using the crate may stop compiling (a call, argument,
//! field or type gone or changed, a new constructor argument) or when a value a user matches
//! on or sends disappears (an enum value, a union alternative); everything else is
//! **additive** (new operations, optional parameters, fields, enum values: the generated
//! structs and enums are `#[non_exhaustive]`).

mod change;
mod models;
mod operations;
mod render;
mod report;

pub use change::{Area, Change, What};
pub use report::{title, Report};
