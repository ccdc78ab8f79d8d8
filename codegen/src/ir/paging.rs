//! Pagination from the override layer's `x-pagination` extension: which mechanism, and which
//! response property holds the items (checked against the generated response type).

use std::collections::BTreeMap;
use std::path::Path;

use openapiv3::{OpenAPI, ReferenceOr};

use super::{Field, Operation, PageKind, Pagination, Response, TypeDef, TypeKind, TypeRef};
use crate::Error;

#[derive(serde::Deserialize)]
#[serde(deny_unknown_fields)]
struct Extension {
    kind: String,
    items: String,
}

/// Sets [`Operation::pagination`] for every operation with an `x-pagination` extension.
pub fn attach(
    api: &OpenAPI,
    defs: &BTreeMap<String, TypeDef>,
    ops: &mut [Operation],
    file: &Path,
) -> Result<(), Error> {
    for op in ops.iter_mut() {
        let Some(ReferenceOr::Item(item)) = api.paths.paths.get(&op.path) else {
            continue;
        };
        let Some(spec_op) = item
            .iter()
            .find(|(m, _)| m.eq_ignore_ascii_case(&op.method))
            .map(|(_, o)| o)
        else {
            continue;
        };
        let Some(ext) = spec_op.extensions.get("x-pagination") else {
            continue;
        };
        let fail = |message: String| Error::Unsupported {
            path: file.to_path_buf(),
            context: format!(
                "operation {} ({} {}) x-pagination",
                op.id, op.method, op.path
            ),
            message,
        };
        let ext: Extension = serde_json::from_value(ext.clone())
            .map_err(|e| fail(format!("expected {{kind, items}}: {e}")))?;
        let kind = match ext.kind.as_str() {
            "page" => PageKind::Page,
            "cursor" => PageKind::Cursor,
            "body-cursor" => PageKind::BodyCursor,
            "scroll" => PageKind::Scroll,
            other => {
                return Err(fail(format!(
                    "unknown kind `{other}` (page, cursor, body-cursor, scroll)"
                )))
            }
        };
        let param = match kind {
            PageKind::Page => Some("page"),
            PageKind::Cursor => Some("starting_after"),
            PageKind::Scroll => Some("scroll_param"),
            PageKind::BodyCursor => None,
        };
        if let Some(param) = param {
            if !op.query_params.iter().any(|p| p.wire == param) {
                return Err(fail(format!(
                    "the operation has no `{param}` query parameter"
                )));
            }
        }
        if kind == PageKind::BodyCursor && op.body.is_none() {
            return Err(fail("body-cursor pagination needs a request body".into()));
        }
        let fields = response_fields(defs, &op.response);
        let has = |name: &str| fields.iter().any(|f| f.wire == name);
        let (has_pages, has_scroll_param) = (has("pages"), has("scroll_param"));
        if kind == PageKind::Scroll && !has_scroll_param {
            return Err(fail(
                "scroll pagination needs a `scroll_param` in the response".into(),
            ));
        }
        if matches!(kind, PageKind::Cursor | PageKind::BodyCursor) && !has_pages {
            return Err(fail(
                "the response has no `pages` object to find the next page in".into(),
            ));
        }
        let item_type = items_type(fields, &ext.items).ok_or_else(|| {
            fail(format!(
                "the response has no array property `{}`",
                ext.items
            ))
        })?;
        op.pagination = Some(Pagination {
            kind,
            items: ext.items,
            item_type,
            has_pages,
            has_scroll_param,
        });
    }
    Ok(())
}

/// The fields of a JSON response struct (none for other responses).
pub(crate) fn response_fields<'d>(
    defs: &'d BTreeMap<String, TypeDef>,
    response: &Response,
) -> &'d [Field] {
    let Response::Json(TypeRef::Named(name)) = response else {
        return &[];
    };
    let mut def = match defs.get(name) {
        Some(def) => def,
        None => return &[],
    };
    while let TypeKind::Alias(TypeRef::Named(target)) = &def.kind {
        match defs.get(target) {
            Some(next) => def = next,
            None => return &[],
        }
    }
    match &def.kind {
        TypeKind::Struct { fields } => fields,
        _ => &[],
    }
}

/// The item type of array property `items`.
fn items_type(fields: &[Field], items: &str) -> Option<TypeRef> {
    match &fields.iter().find(|f| f.wire == items)?.ty {
        TypeRef::Array(item) => Some((**item).clone()),
        _ => None,
    }
}
