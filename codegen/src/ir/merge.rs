//! One type per resource: an inline response schema that *is* a component schema, or that
//! component plus extra fields, is emitted as the component; so is an inline request body that
//! is a request component plus optional fields.
//!
//! The inline types of an operation are the named types its response (or its parameters and
//! body) reach without passing through a component. An inline struct `N` *is* component
//! struct `C` when:
//! - every property they share has the same type ([`Same`]), and for
//!   requests the same `required` and nullable marks;
//! - every property of `C` that `N` lacks is one a decoder can do without: in a response a
//!   property that is neither always-present (`x-always-present`) nor flattened, so that every
//!   body `N` decodes strictly still decodes strictly as `C`; a request lacks none (except
//!   fields an earlier merge added to `C`, which are optional);
//! - the properties `N` has beyond `C` (its *extras*) are plain properties (not a flattened
//!   union), optional in requests, with Rust names `C` does not use;
//! - `C` holds most of `N`: the properties they share outnumber both the extras and the
//!   properties `N` lacks (a large inline object holding a small component's two properties
//!   is not that component);
//! - `C` is not sent in requests when `N` is a response type, nor received in responses when
//!   `N` is a request type (adding fields to a type never changes its direction).
//!
//! Which components `N` is compared with: an inline struct built as an `allOf` of one `$ref`
//! plus properties is compared with that component only; any other inline response type with
//! every component; any other inline request type with none (two operations that take the
//! same small shape, like `{admin_id}`, do not take one resource, and the type's name is what
//! a caller builds). An inline enum or union is a component only when it is the same as it
//! (aliases are never merged). Among the components `N` is, the one with the fewest
//! differences (lacking plus extra properties) wins; a tie keeps `N` apart. Extras become optional fields of `C`, documented
//! with the operations that send (or accept) them; a property another merge already added
//! must have the same type, else `N` is kept apart. Inline types are visited in name order
//! and merged one at a time until none is left to merge, so the result is deterministic;
//! inline types nothing reaches any more are dropped.

use std::collections::{BTreeMap, BTreeSet};

use super::rename::rename_everywhere;
use super::same::Same;
use super::usage::{children, named_in, reach};
use super::{Field, Operation, Response, TypeDef, TypeKind, TypeRef};

/// Which side of a call an inline type is on.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Side {
    Request,
    Response,
}

/// An inline type: its side and the operations (`METHOD /path`) that reach it.
#[derive(Debug, Clone)]
struct Inline {
    side: Side,
    routes: BTreeSet<String>,
}

/// A component an inline type is, with what it lacks and what it adds.
struct Candidate {
    component: String,
    differences: usize,
    extras: Vec<Field>,
}

/// A field a merge added to a component: its own doc and the operations it comes from.
struct Extra {
    side: Side,
    doc: Option<String>,
    routes: BTreeSet<String>,
}

/// Merges inline request and response types into the components they are (see the module
/// docs).
pub(super) fn merge(
    defs: &mut BTreeMap<String, TypeDef>,
    ops: &mut [Operation],
    components: &BTreeSet<String>,
    bases: &BTreeMap<String, String>,
) {
    let mut extras: BTreeMap<(String, String), Extra> = BTreeMap::new();
    loop {
        let inline = inline_types(defs, ops, components);
        let (requested, responded) = directions(defs, ops);
        let found = inline.iter().find_map(|(name, info)| {
            let barred = match info.side {
                Side::Request => &responded,
                Side::Response => &requested,
            };
            let candidates: BTreeSet<String> = match (bases.get(name), info.side) {
                (Some(base), _) => BTreeSet::from([base.clone()]),
                (None, Side::Request) => BTreeSet::new(),
                (None, Side::Response) => components.clone(),
            };
            let candidates = candidates.difference(barred).cloned().collect();
            best(defs, name, info.side, &candidates, &extras)
                .map(|c| (name.clone(), info.clone(), c))
        });
        let Some((name, info, candidate)) = found else {
            break;
        };
        apply(defs, ops, &name, &info, candidate, &mut extras);
        collect_garbage(defs, ops, components);
    }
    document(defs, extras);
}

/// The named types each operation reaches without passing through a component.
fn inline_types(
    defs: &BTreeMap<String, TypeDef>,
    ops: &[Operation],
    components: &BTreeSet<String>,
) -> BTreeMap<String, Inline> {
    let mut out: BTreeMap<String, Inline> = BTreeMap::new();
    for op in ops {
        let route = format!("{} {}", op.method, op.path);
        let (requests, responses) = roots(op);
        for (side, roots) in [(Side::Request, requests), (Side::Response, responses)] {
            let mut stack = roots;
            let mut seen = BTreeSet::new();
            while let Some(name) = stack.pop() {
                if components.contains(&name) || !seen.insert(name.clone()) {
                    continue;
                }
                let Some(def) = defs.get(&name) else { continue };
                stack.extend(children(def));
                let entry = out.entry(name).or_insert_with(|| Inline {
                    side,
                    routes: BTreeSet::new(),
                });
                entry.routes.insert(route.clone());
            }
        }
    }
    out
}

/// The named types an operation's parameters and body mention, and those its response does.
fn roots(op: &Operation) -> (Vec<String>, Vec<String>) {
    let mut requests = Vec::new();
    for p in op
        .path_params
        .iter()
        .chain(&op.query_params)
        .chain(&op.header_params)
    {
        named_in(&p.ty, &mut requests);
    }
    if let Some(body) = &op.body {
        named_in(&body.ty, &mut requests);
    }
    let mut responses = Vec::new();
    if let Response::Json(ty) = &op.response {
        named_in(ty, &mut responses);
    }
    (requests, responses)
}

/// Every type sent in a request, and every type received in a response.
fn directions(
    defs: &BTreeMap<String, TypeDef>,
    ops: &[Operation],
) -> (BTreeSet<String>, BTreeSet<String>) {
    let (mut requests, mut responses) = (Vec::new(), Vec::new());
    for op in ops {
        let (req, resp) = roots(op);
        requests.extend(req);
        responses.extend(resp);
    }
    (reach(defs, requests), reach(defs, responses))
}

/// The one component with the fewest differences that inline type `name` is, if there is one.
fn best(
    defs: &BTreeMap<String, TypeDef>,
    name: &str,
    side: Side,
    candidates: &BTreeSet<String>,
    extras: &BTreeMap<(String, String), Extra>,
) -> Option<Candidate> {
    let inline = defs.get(name)?;
    let mut found: Vec<Candidate> = Vec::new();
    for component in candidates {
        let Some(def) = defs.get(component) else {
            continue;
        };
        let candidate = match (&inline.kind, &def.kind) {
            (TypeKind::Struct { fields: n }, TypeKind::Struct { fields: c }) => {
                let added = |wire: &str| extras.contains_key(&(component.clone(), wire.into()));
                compare(defs, side, n, c, added)
            }
            (TypeKind::Alias(_), _) | (_, TypeKind::Alias(_)) => None,
            _ => Same::new(defs)
                .refs(
                    &TypeRef::Named(name.to_string()),
                    &TypeRef::Named(component.clone()),
                )
                .then(|| (0, Vec::new())),
        };
        if let Some((differences, extras)) = candidate {
            found.push(Candidate {
                component: component.clone(),
                differences,
                extras,
            });
        }
    }
    let fewest = found.iter().map(|c| c.differences).min()?;
    let mut best = found.into_iter().filter(|c| c.differences == fewest);
    let first = best.next()?;
    best.next().is_none().then_some(first)
}

/// Whether inline struct fields `n` are component struct fields `c` (see the module docs):
/// the number of differences and the extras; `added` tells the fields earlier merges added.
fn compare(
    defs: &BTreeMap<String, TypeDef>,
    side: Side,
    n: &[Field],
    c: &[Field],
    added: impl Fn(&str) -> bool,
) -> Option<(usize, Vec<Field>)> {
    let mut same = Same::new(defs);
    let (mut shared, mut lacking) = (0, 0);
    for cf in c {
        match n.iter().find(|nf| nf.wire == cf.wire) {
            Some(nf) => {
                let marks = side == Side::Response
                    || nf.required == cf.required && nf.nullable == cf.nullable;
                if nf.flatten != cf.flatten || !marks || !same.refs(&nf.ty, &cf.ty) {
                    return None;
                }
                if !added(&cf.wire) {
                    shared += 1;
                }
            }
            None if added(&cf.wire) => {}
            None if side == Side::Response && !cf.present && !cf.flatten => lacking += 1,
            None => return None,
        }
    }
    let extras: Vec<Field> = n
        .iter()
        .filter(|nf| !c.iter().any(|cf| cf.wire == nf.wire))
        .cloned()
        .collect();
    let unfit = |e: &Field| {
        e.flatten || side == Side::Request && e.required || c.iter().any(|cf| cf.ident == e.ident)
    };
    if extras.iter().any(unfit) || shared <= extras.len() || shared <= lacking {
        return None;
    }
    Some((lacking + extras.len(), extras))
}

fn apply(
    defs: &mut BTreeMap<String, TypeDef>,
    ops: &mut [Operation],
    name: &str,
    info: &Inline,
    candidate: Candidate,
    extras: &mut BTreeMap<(String, String), Extra>,
) {
    let component = candidate.component;
    let had: Vec<String> = match defs.remove(name).map(|d| d.kind) {
        Some(TypeKind::Struct { fields }) => fields.into_iter().map(|f| f.wire).collect(),
        _ => Vec::new(),
    };
    for wire in had {
        if let Some(extra) = extras.get_mut(&(component.clone(), wire)) {
            extra.routes.extend(info.routes.iter().cloned());
        }
    }
    if let Some(TypeKind::Struct { fields }) = defs.get_mut(&component).map(|d| &mut d.kind) {
        for mut field in candidate.extras {
            extras.insert(
                (component.clone(), field.wire.clone()),
                Extra {
                    side: info.side,
                    doc: field.doc.take(),
                    routes: info.routes.clone(),
                },
            );
            field.required = false;
            field.present = false;
            fields.push(field);
        }
    }
    rename_everywhere(defs, ops, name, &component);
}

/// Drops the inline types that neither a component nor an operation reaches any more.
fn collect_garbage(
    defs: &mut BTreeMap<String, TypeDef>,
    ops: &[Operation],
    components: &BTreeSet<String>,
) {
    let mut start: Vec<String> = components.iter().cloned().collect();
    for op in ops {
        let (requests, responses) = roots(op);
        start.extend(requests);
        start.extend(responses);
    }
    let keep = reach(defs, start);
    defs.retain(|name, _| keep.contains(name));
}

/// Documents every added field with the operations it comes from.
fn document(defs: &mut BTreeMap<String, TypeDef>, extras: BTreeMap<(String, String), Extra>) {
    for ((component, wire), extra) in extras {
        let Some(TypeKind::Struct { fields }) = defs.get_mut(&component).map(|d| &mut d.kind)
        else {
            continue;
        };
        let Some(field) = fields.iter_mut().find(|f| f.wire == wire) else {
            continue;
        };
        let routes: Vec<String> = extra.routes.iter().map(|r| format!("`{r}`")).collect();
        let routes = match routes.split_last() {
            Some((last, rest)) if !rest.is_empty() => format!("{} and {last}", rest.join(", ")),
            _ => routes.join(""),
        };
        let origin = match extra.side {
            Side::Response => format!("Only in the responses of {routes}."),
            Side::Request => format!("Only accepted by {routes}."),
        };
        field.doc = Some(match extra.doc {
            Some(doc) => format!("{doc}\n\n{origin}"),
            None => origin,
        });
    }
}
