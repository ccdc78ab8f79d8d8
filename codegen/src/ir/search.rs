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
mod rules;

use openapiv3::{OpenAPI, ReferenceOr};

pub use enums::link as link_enums;

use super::names::field_ident;
use super::Operation;
use crate::Error;

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

/// The searchable fields of one search endpoint.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct SearchCatalogue {
    /// The Rust name of the resource marker type (`Contacts`).
    pub resource: String,
    /// The Rust name of the type holding one constant or constructor per field (`ContactField`).
    pub field_type: String,
    /// `POST`.
    pub method: String,
    /// `/contacts/search`.
    pub path: String,
    /// The operation id (`SearchContacts`).
    pub operation_id: String,
    /// The generated call of the operation (`contacts().search`).
    pub call: String,
    /// The fields in table order.
    pub fields: Vec<SearchField>,
}

/// One row of a fields table.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct SearchField {
    /// The field as written in the table.
    pub name: FieldName,
    /// Text of the type cell after the type (`Accepts user or lead`), if any.
    pub note: Option<String>,
    /// One entry per type the field accepts (several for `String or Boolean or …`).
    pub kinds: Vec<SearchKind>,
}

/// A field name: fixed (`location.city`) or a template with one placeholder
/// (`custom_attributes.{attribute_name}`).
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum FieldName {
    /// A fixed dotted path.
    Fixed(String),
    /// `prefix{placeholder}suffix`.
    Template {
        /// Text before the placeholder (`custom_attributes.`).
        prefix: String,
        /// The placeholder's name (`attribute_name`).
        placeholder: String,
        /// Text after the placeholder (usually empty).
        suffix: String,
    },
}

impl FieldName {
    /// The name as the table writes it.
    pub fn spec(&self) -> String {
        match self {
            FieldName::Fixed(path) => path.clone(),
            FieldName::Template {
                prefix,
                placeholder,
                suffix,
            } => format!("{prefix}{{{placeholder}}}{suffix}"),
        }
    }
}

/// One type a field accepts, with the Rust name it gets and its allowed operators.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct SearchKind {
    /// The value type.
    pub ty: SearchType,
    /// The Rust name: a SHOUTY constant for fixed fields, a snake_case constructor for templates;
    /// suffixed with the type when the field accepts several.
    pub ident: String,
    /// The operators Intercom documents for this field and type, in [`SearchOperator::ALL`] order.
    pub operators: Vec<SearchOperator>,
    /// The generated string enum whose values the field takes (`ConversationPriority`), when
    /// the field is a `String` property of the search's result typed as an enum (see
    /// [`link_enums`]); `None` for a free string.
    pub enum_type: Option<String>,
}

/// The value types of the tables.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum SearchType {
    /// `String`.
    String,
    /// `Integer`.
    Integer,
    /// `Float`.
    Float,
    /// `Boolean`.
    Boolean,
    /// `Date (UNIX Timestamp)`: Unix seconds matched by calendar day on contacts.
    Date,
    /// `Datetime (Unix timestamp in seconds)`: Unix seconds matched to the second.
    Datetime,
}

impl SearchType {
    /// The word the tables use.
    pub fn spec(self) -> &'static str {
        match self {
            SearchType::String => "String",
            SearchType::Integer => "Integer",
            SearchType::Float => "Float",
            SearchType::Boolean => "Boolean",
            SearchType::Date => "Date",
            SearchType::Datetime => "Datetime",
        }
    }
}

/// The search operators, in the order catalogues list them.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum SearchOperator {
    /// `=`
    Eq,
    /// `!=`
    Ne,
    /// `IN`
    In,
    /// `NIN`
    Nin,
    /// `>`
    Gt,
    /// `>=`
    Ge,
    /// `<`
    Lt,
    /// `<=`
    Le,
    /// `~`
    Contains,
    /// `!~`
    NotContains,
    /// `^`
    StartsWith,
    /// `$`
    EndsWith,
}

impl SearchOperator {
    /// Every operator, in catalogue order.
    pub const ALL: [SearchOperator; 12] = [
        SearchOperator::Eq,
        SearchOperator::Ne,
        SearchOperator::In,
        SearchOperator::Nin,
        SearchOperator::Gt,
        SearchOperator::Ge,
        SearchOperator::Lt,
        SearchOperator::Le,
        SearchOperator::Contains,
        SearchOperator::NotContains,
        SearchOperator::StartsWith,
        SearchOperator::EndsWith,
    ];

    /// The operator as sent (`!=`, `IN`).
    pub fn wire(self) -> &'static str {
        match self {
            SearchOperator::Eq => "=",
            SearchOperator::Ne => "!=",
            SearchOperator::In => "IN",
            SearchOperator::Nin => "NIN",
            SearchOperator::Gt => ">",
            SearchOperator::Ge => ">=",
            SearchOperator::Lt => "<",
            SearchOperator::Le => "<=",
            SearchOperator::Contains => "~",
            SearchOperator::NotContains => "!~",
            SearchOperator::StartsWith => "^",
            SearchOperator::EndsWith => "$",
        }
    }

    /// The Rust variant name (`Ne`), as for the spec's operator enum.
    pub fn variant(self) -> String {
        super::variant_name(self.wire())
    }

    /// Parses the operator as the tables write it.
    pub fn parse(text: &str) -> Option<SearchOperator> {
        Self::ALL.into_iter().find(|op| op.wire() == text)
    }
}

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
