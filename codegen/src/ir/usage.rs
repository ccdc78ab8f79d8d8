//! Which serde directions each type needs, and which resource module it belongs to.

use std::collections::{BTreeMap, BTreeSet};

use super::{Operation, Response, TypeDef, TypeKind, TypeRef};

/// The module for types used by several resource groups, or by none.
pub const SHARED: &str = "shared";

/// The feature that turns on every resource feature: the gate of the types no operation
/// reaches (objects only webhooks or nothing at all mention).
pub const ALL_RESOURCES: &str = "all-resources";

/// Named types a type reference mentions.
pub fn named_in(ty: &TypeRef, out: &mut Vec<String>) {
    match ty {
        TypeRef::Named(n) => out.push(n.clone()),
        TypeRef::Map(inner) | TypeRef::Array(inner) | TypeRef::Nullable(inner) => {
            named_in(inner, out)
        }
        _ => {}
    }
}

/// The named types a type's fields, alternatives or target mention.
pub(super) fn children(def: &TypeDef) -> Vec<String> {
    let mut out = Vec::new();
    match &def.kind {
        TypeKind::Struct { fields } => fields.iter().for_each(|f| named_in(&f.ty, &mut out)),
        TypeKind::Union { variants, .. } => variants.iter().for_each(|v| named_in(&v.ty, &mut out)),
        TypeKind::Alias(ty) => named_in(ty, &mut out),
        TypeKind::Enum { .. } => {}
    }
    out
}

/// The named types reachable from `roots` (included).
pub(super) fn reach(defs: &BTreeMap<String, TypeDef>, roots: Vec<String>) -> BTreeSet<String> {
    let mut seen = BTreeSet::new();
    let mut stack = roots;
    while let Some(name) = stack.pop() {
        if let Some(def) = defs.get(&name) {
            if seen.insert(name) {
                stack.extend(children(def));
            }
        }
    }
    seen
}

/// The types of the `pages` objects of paginated responses: the runtime's paginator reads
/// them whatever the features (`PageLinks` is implemented for them by hand).
fn paging_links(defs: &BTreeMap<String, TypeDef>, ops: &[Operation]) -> Vec<String> {
    let mut out = Vec::new();
    for op in ops.iter().filter(|op| op.pagination.is_some()) {
        let mut page = Vec::new();
        if let Response::Json(ty) = &op.response {
            named_in(ty, &mut page);
        }
        for name in page {
            if let Some(TypeDef {
                kind: TypeKind::Struct { fields },
                ..
            }) = defs.get(&name)
            {
                fields
                    .iter()
                    .filter(|f| f.wire == "pages")
                    .for_each(|f| named_in(&f.ty, &mut out));
            }
        }
    }
    out
}

/// Sets [`TypeDef::usage`], [`TypeDef::module`] and [`TypeDef::features`] from the operations
/// that reach each type. Types no operation reaches are treated as response types (they
/// describe API objects) and are compiled with [`ALL_RESOURCES`], so a single-resource build
/// leaves them out; a type they refer to that operations reach keeps those operations'
/// features (all of which `all-resources` turns on). The paging links of paginated responses
/// are compiled whatever the features: the runtime's paginator reads them.
pub fn assign(defs: &mut BTreeMap<String, TypeDef>, ops: &[Operation]) {
    let mut modules: BTreeMap<String, BTreeSet<String>> = BTreeMap::new();
    let mut requests = Vec::new();
    let mut responses = Vec::new();
    for op in ops {
        let mut req = Vec::new();
        for p in op
            .path_params
            .iter()
            .chain(&op.query_params)
            .chain(&op.header_params)
        {
            named_in(&p.ty, &mut req);
        }
        if let Some(body) = &op.body {
            named_in(&body.ty, &mut req);
        }
        let mut resp = Vec::new();
        if let Response::Json(ty) = &op.response {
            named_in(ty, &mut resp);
        }
        for name in reach(defs, req.iter().chain(&resp).cloned().collect()) {
            modules.entry(name).or_default().insert(op.module.clone());
        }
        requests.extend(req);
        responses.extend(resp);
    }
    let always = reach(defs, paging_links(defs, ops));
    let requested = reach(defs, requests);
    let responded = reach(defs, responses);
    for (name, def) in defs.iter_mut() {
        def.usage.request = requested.contains(name);
        def.usage.response = responded.contains(name) || !def.usage.request;
        def.module = match modules.get(name) {
            Some(set) if set.len() == 1 => set.iter().next().cloned().unwrap_or_default(),
            _ => SHARED.to_string(),
        };
        def.features = match modules.get(name) {
            _ if always.contains(name) => BTreeSet::new(),
            Some(set) => set.clone(),
            None => BTreeSet::from([ALL_RESOURCES.to_string()]),
        };
    }
}
