//! Changes of the operations: added or removed, renamed calls, parameters, bodies, responses.

use std::collections::BTreeMap;

use super::change::{code, Area, Change, What};
use crate::surface::OperationSurface;

/// The changes from `old` to `new`; an operation is the same when its method and path match
/// with the path parameters' names left out.
pub fn compare(old: &[OperationSurface], new: &[OperationSurface]) -> Vec<Change> {
    let index = |ops: &[OperationSurface]| -> BTreeMap<String, OperationSurface> {
        ops.iter()
            .map(|op| (op.route_shape(), op.clone()))
            .collect()
    };
    let (old, new) = (index(old), index(new));
    let mut changes = Vec::new();
    for (key, op) in &old {
        if !new.contains_key(key) {
            changes.push(change(op, What::Removed, true, "removed".into()));
        }
    }
    for (key, op) in &new {
        match old.get(key) {
            None => changes.push(change(op, What::Added, false, "added".into())),
            Some(before) => changed(before, op, &mut changes),
        }
    }
    changes
}

fn change(op: &OperationSurface, what: What, breaking: bool, detail: String) -> Change {
    Change {
        area: Area::Operations,
        what,
        breaking,
        // By path, then method.
        key: op
            .route_shape()
            .split_once(' ')
            .map(|(method, path)| format!("{path} {method}"))
            .unwrap_or_default(),
        text: format!("{} {}: {detail}", code(&op.route()), code(&op.call)),
    }
}

fn changed(old: &OperationSurface, new: &OperationSurface, out: &mut Vec<Change>) {
    let mut push = |breaking: bool, detail: String| {
        out.push(change(new, What::Changed, breaking, detail));
    };
    if old.call != new.call {
        push(true, format!("call renamed from {}", code(&old.call)));
    }
    for p in &old.params {
        match new.params.iter().find(|n| n.ident == p.ident) {
            None => push(true, format!("parameter {} removed", code(&p.ident))),
            Some(n) => {
                if n.ty != p.ty {
                    let detail = format!(
                        "parameter {}: {} -> {}",
                        code(&p.ident),
                        code(&p.ty),
                        code(&n.ty)
                    );
                    push(true, detail);
                }
                if n.required != p.required {
                    // An argument becomes a setter or the other way round: the call changes.
                    let now = if n.required { "required" } else { "optional" };
                    push(true, format!("parameter {} now {now}", code(&p.ident)));
                }
            }
        }
    }
    for n in &new.params {
        if !old.params.iter().any(|p| p.ident == n.ident) {
            let kind = if n.required { "required" } else { "optional" };
            let param = code(&format!("{}: {}", n.ident, n.ty));
            push(n.required, format!("{kind} parameter {param} added"));
        }
    }
    match (&old.body, &new.body) {
        (Some(a), Some(b)) if a != b => {
            push(true, format!("request body {} -> {}", code(a), code(b)))
        }
        (None, Some(b)) => push(true, format!("request body {} added", code(b))),
        (Some(a), None) => push(true, format!("request body {} removed", code(a))),
        _ => {}
    }
    if old.response != new.response {
        let detail = format!(
            "response {} -> {}",
            code(&old.response),
            code(&new.response)
        );
        push(true, detail);
    }
}
