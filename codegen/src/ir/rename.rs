//! Renaming a named type everywhere the IR refers to it: fields, union alternatives, aliases
//! and the operations' parameters, bodies and responses.

use std::collections::BTreeMap;

use super::{Operation, Response, TypeDef, TypeKind, TypeRef};

/// Makes every reference to `from` a reference to `to`.
pub(super) fn rename_everywhere(
    defs: &mut BTreeMap<String, TypeDef>,
    ops: &mut [Operation],
    from: &str,
    to: &str,
) {
    for def in defs.values_mut() {
        match &mut def.kind {
            TypeKind::Struct { fields } => {
                fields.iter_mut().for_each(|f| rename(&mut f.ty, from, to))
            }
            TypeKind::Union { variants, .. } => variants
                .iter_mut()
                .for_each(|v| rename(&mut v.ty, from, to)),
            TypeKind::Alias(ty) => rename(ty, from, to),
            TypeKind::Enum { .. } => {}
        }
    }
    for op in ops.iter_mut() {
        for p in op
            .path_params
            .iter_mut()
            .chain(&mut op.query_params)
            .chain(&mut op.header_params)
        {
            rename(&mut p.ty, from, to);
        }
        if let Some(body) = &mut op.body {
            rename(&mut body.ty, from, to);
        }
        if let Response::Json(ty) = &mut op.response {
            rename(ty, from, to);
        }
    }
}
fn rename(ty: &mut TypeRef, from: &str, to: &str) {
    match ty {
        TypeRef::Named(n) if n == from => *n = to.to_string(),
        TypeRef::Map(inner) | TypeRef::Array(inner) | TypeRef::Nullable(inner) => {
            rename(inner, from, to)
        }
        _ => {}
    }
}
