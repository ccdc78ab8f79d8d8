//! Search catalogues: the searchable fields of `POST /contacts/search`,
//! `POST /conversations/search` and `POST /tickets/search`, with their types and the operators
//! each accepts — parsed from the Markdown tables in those operations' descriptions.
//!
//! Each description has an "Accepted Fields" table (`| Field | Type |`) and an "Accepted
//! Operators" table (`| Operator | Valid Types | Description |`). A field's operators are the rows
//! whose valid types cover the field's type (`All`, `All except Date and tag_id`,
//! `Integer<br>Date`), narrowed or widened by the two per-field sentences Intercom writes in
//! prose (see [`rules`]). A missing or malformed table fails generation, naming the operation.

mod cells;
mod enums;
mod markdown;
mod model;
mod rules;

use openapiv3::{OpenAPI, ReferenceOr};

pub use enums::link as link_enums;

use super::names::field_ident;
use super::Operation;
use crate::Error;

pub use model::{FieldName, SearchCatalogue, SearchField, SearchKind, SearchOperator, SearchType};

/// The search endpoints, found by method and path: `(method, path, resource type, field type)`.
const SEARCHES: &[(&str, &str, &str, &str)] = &[
    ("POST", "/contacts/search", "Contacts", "ContactField"),
    (
        "POST",
        "/conversations/search",
        "Conversations",
        "ConversationField",
    ),
    ("POST", "/tickets/search", "Tickets", "TicketField"),
];

/// Parses the catalogue of every search endpoint the document has. An endpoint the version
/// does not have (tickets before 2.10) has no catalogue; one whose tables are missing or
/// malformed fails, naming the operation.
pub fn catalogues(
    api: &OpenAPI,
    operations: &[Operation],
    file: &std::path::Path,
) -> Result<Vec<SearchCatalogue>, Error> {
    let mut out = Vec::new();
    for (method, path, resource, field_type) in SEARCHES {
        let Some(op) = operations
            .iter()
            .find(|o| o.method == *method && o.path == *path)
        else {
            continue;
        };
        let context = format!("operation {} ({method} {path})", op.id);
        let description = description(api, method, path).unwrap_or_default();
        let fields = parse(description).map_err(|message| Error::Unsupported {
            path: file.to_path_buf(),
            context: context.clone(),
            message: format!("search fields: {message}"),
        })?;
        out.push(SearchCatalogue {
            resource: (*resource).to_string(),
            field_type: (*field_type).to_string(),
            method: (*method).to_string(),
            path: (*path).to_string(),
            operation_id: op.id.clone(),
            call: op.call(),
            fields,
        });
    }
    Ok(out)
}

/// Marks the JSON body of each catalogue's operation as that resource's typed search.
pub fn type_bodies(catalogues: &[SearchCatalogue], operations: &mut [Operation]) {
    for catalogue in catalogues {
        let body = operations
            .iter_mut()
            .find(|o| o.id == catalogue.operation_id)
            .and_then(|o| o.body.as_mut());
        if let Some(body) = body.filter(|b| b.content_type == "application/json") {
            body.search = Some(catalogue.resource.clone());
        }
    }
}

/// The raw description of `method path`.
fn description<'a>(api: &'a OpenAPI, method: &str, path: &str) -> Option<&'a str> {
    let ReferenceOr::Item(item) = api.paths.paths.get(path)? else {
        return None;
    };
    let op = match method {
        "GET" => item.get.as_ref(),
        "POST" => item.post.as_ref(),
        "PUT" => item.put.as_ref(),
        "DELETE" => item.delete.as_ref(),
        "PATCH" => item.patch.as_ref(),
        _ => None,
    }?;
    op.description.as_deref()
}

/// Parses the fields of one search description: both tables, then the prose rules.
pub fn parse(description: &str) -> Result<Vec<SearchField>, String> {
    let tables = markdown::tables(description)?;
    let field_table = markdown::find(&tables, &["field", "type"], "Accepted Fields")?;
    let operator_table =
        markdown::find(&tables, &["operator", "valid types"], "Accepted Operators")?;

    let mut rows = Vec::new();
    for row in &field_table.rows {
        let name = cells::field_name(&row[0])?;
        if rows.iter().any(|(n, _): &(FieldName, _)| n == &name) {
            return Err(format!("field `{}` is listed twice", name.spec()));
        }
        let (types, note) =
            cells::field_types(&row[1]).map_err(|m| format!("field `{}`: {m}", name.spec()))?;
        rows.push((name, (types, note)));
    }
    let fixed: Vec<String> = rows
        .iter()
        .filter_map(|(n, _)| match n {
            FieldName::Fixed(path) => Some(path.clone()),
            FieldName::Template { .. } => None,
        })
        .collect();

    let mut grants = Vec::new();
    for row in &operator_table.rows {
        let op = SearchOperator::parse(row[0].trim()).ok_or_else(|| {
            format!(
                "unknown operator `{}` in the operators table",
                row[0].trim()
            )
        })?;
        if grants.iter().any(|(o, _)| *o == op) {
            return Err(format!("operator `{}` is listed twice", op.wire()));
        }
        let valid = cells::valid_types(&row[1], &fixed)
            .map_err(|m| format!("operator `{}`: {m}", op.wire()))?;
        grants.push((op, valid));
    }
    let rules = rules::parse(description, &fixed)?;

    let mut fields = Vec::new();
    for (name, (types, note)) in rows {
        let spec = name.spec();
        let mut kinds = Vec::new();
        for ty in &types {
            let mut operators: Vec<SearchOperator> = grants
                .iter()
                .filter(|(_, valid)| valid.covers(*ty, &spec))
                .map(|(op, _)| *op)
                .collect();
            rules.apply(&spec, &mut operators);
            operators.sort();
            operators.dedup();
            kinds.push(SearchKind {
                ty: *ty,
                ident: ident(&name, *ty, types.len() > 1),
                operators,
                enum_type: None,
            });
        }
        fields.push(SearchField { name, note, kinds });
    }
    check_idents(&fields)?;
    Ok(fields)
}

/// `LOCATION_CITY` for a fixed field, `custom_attributes` for a template; with `_STRING` /
/// `_string` appended when the field accepts several types.
fn ident(name: &FieldName, ty: SearchType, several: bool) -> String {
    let base = match name {
        FieldName::Fixed(path) => field_ident(&path.replace('.', "_")),
        FieldName::Template { prefix, suffix, .. } => {
            field_ident(&format!("{prefix}{suffix}").replace('.', "_"))
        }
    };
    let base = if several {
        format!("{base}_{}", field_ident(ty.spec()))
    } else {
        base
    };
    match name {
        FieldName::Fixed(_) => base.to_uppercase(),
        FieldName::Template { .. } => base,
    }
}

/// Two fields must not get the same Rust name (`a.b` and `a_b`).
fn check_idents(fields: &[SearchField]) -> Result<(), String> {
    let mut seen: Vec<(&str, String)> = Vec::new();
    for field in fields {
        for kind in &field.kinds {
            if let Some((_, other)) = seen.iter().find(|(i, _)| *i == kind.ident) {
                return Err(format!(
                    "fields `{other}` and `{}` both get the Rust name `{}`",
                    field.name.spec(),
                    kind.ident
                ));
            }
            seen.push((&kind.ident, field.name.spec()));
        }
    }
    Ok(())
}

#[cfg(test)]
mod tests;
