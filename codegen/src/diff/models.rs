//! Changes of the models: types added or removed, their kind and usage, struct fields, enum
//! values, union alternatives and alias targets.

use std::collections::BTreeMap;

use super::change::{code, Area, Change, What};
use crate::surface::{FieldSurface, ModelKind, ModelSurface};

/// The changes from `old` to `new`, types matched by Rust name.
pub fn compare(
    old: &BTreeMap<String, ModelSurface>,
    new: &BTreeMap<String, ModelSurface>,
) -> Vec<Change> {
    let mut changes = Vec::new();
    for (name, model) in old {
        if !new.contains_key(name) {
            // An enum's values are what users matched on or sent: name them.
            let detail = match &model.kind {
                ModelKind::Enum(values) => format!("enum removed (values {})", values.join(", ")),
                kind => format!("{} removed", kind.word()),
            };
            changes.push(model_change(name, What::Removed, true, detail));
        }
    }
    for (name, model) in new {
        match old.get(name) {
            None => {
                let detail = format!("{} added", model.kind.word());
                changes.push(model_change(name, What::Added, false, detail));
            }
            Some(before) => changed(before, model, &mut changes),
        }
    }
    changes
}

fn model_change(name: &str, what: What, breaking: bool, detail: String) -> Change {
    Change {
        area: Area::Models,
        what,
        breaking,
        key: name.to_string(),
        text: format!("{}: {detail}", code(name)),
    }
}

fn field_change(model: &str, field: &str, what: What, breaking: bool, detail: String) -> Change {
    let subject = format!("{model}.{field}");
    Change {
        area: Area::Fields,
        what,
        breaking,
        text: format!("{}: {detail}", code(&subject)),
        key: subject,
    }
}

fn changed(old: &ModelSurface, new: &ModelSurface, out: &mut Vec<Change>) {
    let name = &new.name;
    // Losing a direction loses its impls (constructor and setters, or decoding).
    for (was, is, word) in [
        (old.sent, new.sent, "sent in requests"),
        (old.received, new.received, "received in responses"),
    ] {
        if was != is {
            let detail = if is {
                format!("now {word}")
            } else {
                format!("no longer {word}")
            };
            out.push(model_change(name, What::Changed, was, detail));
        }
    }
    match (&old.kind, &new.kind) {
        (ModelKind::Struct(a), ModelKind::Struct(b)) => fields(name, a, b, out),
        (ModelKind::Enum(a), ModelKind::Enum(b)) => {
            let (removed, added) = (missing(a, b), missing(b, a));
            if removed.is_empty() && added.is_empty() {
                return;
            }
            let mut parts = Vec::new();
            if !removed.is_empty() {
                parts.push(format!("removed {}", removed.join(", ")));
            }
            if !added.is_empty() {
                parts.push(format!("added {}", added.join(", ")));
            }
            out.push(model_change(
                name,
                What::Changed,
                !removed.is_empty(),
                parts.join("; "),
            ));
        }
        (
            ModelKind::Union {
                tag: old_tag,
                alternatives: a,
            },
            ModelKind::Union {
                tag: new_tag,
                alternatives: b,
            },
        ) => {
            if old_tag != new_tag {
                let show = |tag: &Option<String>| {
                    tag.as_ref().map_or_else(
                        || "untagged".to_string(),
                        |t| format!("tagged by {}", code(t)),
                    )
                };
                let detail = format!("{} -> {}", show(old_tag), show(new_tag));
                out.push(model_change(name, What::Changed, true, detail));
            }
            let (removed, added) = (missing(a, b), missing(b, a));
            let quoted = |list: &[String]| list.iter().map(|s| code(s)).collect::<Vec<_>>();
            let mut parts = Vec::new();
            if !removed.is_empty() {
                parts.push(format!("removed {}", quoted(&removed).join(", ")));
            }
            if !added.is_empty() {
                parts.push(format!("added {}", quoted(&added).join(", ")));
            }
            if !parts.is_empty() {
                let detail = format!("alternatives {}", parts.join("; "));
                out.push(model_change(
                    name,
                    What::Changed,
                    !removed.is_empty(),
                    detail,
                ));
            }
        }
        (ModelKind::Alias(a), ModelKind::Alias(b)) if a != b => {
            let detail = format!("= {} -> = {}", code(a), code(b));
            out.push(model_change(name, What::Changed, true, detail));
        }
        (a, b) if a.word() != b.word() => {
            let detail = format!("{} -> {}", a.word(), b.word());
            out.push(model_change(name, What::Changed, true, detail));
        }
        _ => {}
    }
}

/// The values of `a` that `b` lacks, in `a`'s order.
fn missing(a: &[String], b: &[String]) -> Vec<String> {
    a.iter().filter(|v| !b.contains(v)).cloned().collect()
}

fn fields(model: &str, old: &[FieldSurface], new: &[FieldSurface], out: &mut Vec<Change>) {
    for f in old {
        if !new.iter().any(|n| n.name == f.name) {
            let detail = format!("removed (was {})", code(&f.ty));
            out.push(field_change(model, &f.name, What::Removed, true, detail));
        }
    }
    for n in new {
        let Some(f) = old.iter().find(|f| f.name == n.name) else {
            // A new constructor argument breaks `new()`; any other field is additive.
            let required = if n.required { ", required" } else { "" };
            let detail = format!("added, {}{required}", code(&n.ty));
            out.push(field_change(
                model,
                &n.name,
                What::Added,
                n.required,
                detail,
            ));
            continue;
        };
        let mut parts = Vec::new();
        if f.ty != n.ty {
            parts.push(format!("{} -> {}", code(&f.ty), code(&n.ty)));
        }
        if f.required != n.required {
            // The constructor gains or loses an argument.
            let now = if n.required { "required" } else { "optional" };
            parts.push(format!("now {now}"));
        }
        if !parts.is_empty() {
            let detail = parts.join(", ");
            out.push(field_change(model, &n.name, What::Changed, true, detail));
        }
    }
}
