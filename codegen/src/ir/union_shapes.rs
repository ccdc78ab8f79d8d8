//! One type per union shape: unions with the same alternatives (the same variant names, and
//! the same tag, tag values, types and fits by [`Same`]) are one type. When one of them is a
//! component schema, that is the type; otherwise the type is named for what it is: the general
//! name the others specialise when there is one (`SearchRequestQuery` for
//! `ContactSearchRequestQuery` too), else its alternatives joined by `Or`
//! (`ConversationOrConversationCustomers`). It is documented with every place it comes from,
//! and keeps the spec's doc text only when all of them have the same. A group holding two components, or whose name is already taken,
//! keeps its types apart (and the codegen test that no two unions have the same alternatives
//! names it). Usage and features are assigned again afterwards, from the operations.

use std::collections::{BTreeMap, BTreeSet};

use super::names::type_name;
use super::rename::rename_everywhere;
use super::same::Same;
use super::{Operation, TypeDef, TypeKind, TypeRef};

/// Replaces each group of same-shaped inline unions by one union (see the module docs).
/// Returns whether anything changed (usage and features are then to be assigned again).
pub(super) fn share(
    defs: &mut BTreeMap<String, TypeDef>,
    ops: &mut [Operation],
    components: &BTreeSet<String>,
) -> bool {
    let mut changed = false;
    for group in groups(defs) {
        let named: Vec<&String> = group.iter().filter(|m| components.contains(*m)).collect();
        let name = match named.as_slice() {
            [] => match suffix_name(&group) {
                Some(general) => general,
                None => match shape_name(defs, &group) {
                    Some(name) if !defs.contains_key(&name) && !components.contains(&name) => name,
                    _ => continue,
                },
            },
            [component] => (*component).clone(),
            _ => continue,
        };
        let origins: Vec<String> = group
            .iter()
            .filter_map(|member| defs.get(member).map(|d| d.origin.clone()))
            .collect();
        let Some(mut shared) = defs.get(&group[0]).cloned() else {
            continue;
        };
        if named.is_empty() && !group.contains(&name) {
            let docs: BTreeSet<Option<String>> = group
                .iter()
                .filter_map(|member| defs.get(member).map(|d| d.doc.clone()))
                .collect();
            if docs.len() > 1 {
                shared.doc = None;
            }
            shared.name = name.clone();
            shared.origin = origins.join("; ");
        } else if let Some(component) = defs.get(&name) {
            shared = component.clone();
        }
        for member in group.iter().filter(|m| **m != name) {
            defs.remove(member);
            rename_everywhere(defs, ops, member, &name);
        }
        defs.insert(name, shared);
        changed = true;
    }
    changed
}

/// The unions that share a shape with another, grouped, each group in name order.
fn groups(defs: &BTreeMap<String, TypeDef>) -> Vec<Vec<String>> {
    let mut groups: Vec<Vec<String>> = Vec::new();
    let unions = defs
        .values()
        .filter(|d| matches!(d.kind, TypeKind::Union { .. }));
    for def in unions {
        let home = groups.iter_mut().find(|g| {
            defs.get(&g[0])
                .is_some_and(|first| same_shape(defs, first, def))
        });
        match home {
            Some(group) => group.push(def.name.clone()),
            None => groups.push(vec![def.name.clone()]),
        }
    }
    groups.retain(|g| g.len() > 1);
    groups
}

/// Whether two unions are one type: the same variant names, and the same JSON.
fn same_shape(defs: &BTreeMap<String, TypeDef>, a: &TypeDef, b: &TypeDef) -> bool {
    let idents = |d: &TypeDef| match &d.kind {
        TypeKind::Union { variants, .. } => variants.iter().map(|v| v.ident.clone()).collect(),
        _ => Vec::new(),
    };
    idents(a) == idents(b)
        && Same::new(defs).refs(
            &TypeRef::Named(a.name.clone()),
            &TypeRef::Named(b.name.clone()),
        )
}

/// The name of the member every other member's name ends with (`SearchRequestQuery` for
/// `ContactSearchRequestQuery` and `SearchRequestQuery`): the general name they specialise.
fn suffix_name(group: &[String]) -> Option<String> {
    group
        .iter()
        .find(|m| group.iter().all(|other| other.ends_with(m.as_str())))
        .cloned()
}

/// `AOrB…`: the alternatives' names joined by `Or`.
fn shape_name(defs: &BTreeMap<String, TypeDef>, group: &[String]) -> Option<String> {
    match &defs.get(group.first()?)?.kind {
        TypeKind::Union { variants, .. } => {
            let names: Vec<&str> = variants.iter().map(|v| v.ident.as_str()).collect();
            Some(type_name(&names.join("_or_")))
        }
        _ => None,
    }
}
