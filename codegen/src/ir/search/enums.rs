//! Which search fields take a generated enum.
//!
//! A field of a search table is the property at the same dotted path of the resource's model
//! (`source.delivered_as` of a conversation search is `Conversation.source.delivered_as`), or
//! else of the item type the search returns (`ConversationListItem`). When
//! the table types it `String` and the model types that property as a string enum, the field
//! takes that enum, and only the equality operators (`= != IN NIN`): matching part of an enum
//! value has no meaning. Templated fields and fields the result does not have stay strings.

use std::collections::BTreeMap;

use super::{FieldName, SearchCatalogue, SearchOperator, SearchType};
use crate::ir::{Operation, TypeDef, TypeKind, TypeRef};

/// The operators an enum-valued field keeps.
const EQUALITY: [SearchOperator; 4] = [
    SearchOperator::Eq,
    SearchOperator::Ne,
    SearchOperator::In,
    SearchOperator::Nin,
];

/// Gives each `String` field that is an enum property of its search's result that enum, and
/// narrows its operators to the equality ones. Runs once the types, their features and the
/// operations' pagination (which names the result type) are known.
pub fn link(
    catalogues: &mut [SearchCatalogue],
    types: &BTreeMap<String, TypeDef>,
    operations: &[Operation],
) {
    for catalogue in catalogues {
        let Some(op) = operations.iter().find(|o| o.id == catalogue.operation_id) else {
            continue;
        };
        let Some(paging) = &op.pagination else {
            continue;
        };
        // The resource's model (`Conversations` -> `Conversation`), whose enums a user also
        // meets in `find`, then the search's own item type.
        let model = TypeRef::Named(
            catalogue
                .resource
                .strip_suffix('s')
                .unwrap_or(&catalogue.resource)
                .to_string(),
        );
        let roots = [&model, &paging.item_type];
        for field in &mut catalogue.fields {
            let FieldName::Fixed(path) = &field.name else {
                continue;
            };
            let found = roots.iter().find_map(|root| enum_at(types, root, path));
            let Some(name) = found else {
                continue;
            };
            let def = &types[name];
            if !def.features.is_empty() && !def.features.contains(&op.module) {
                continue;
            }
            for kind in field
                .kinds
                .iter_mut()
                .filter(|k| k.ty == SearchType::String)
            {
                kind.enum_type = Some(name.to_string());
                kind.operators.retain(|o| EQUALITY.contains(o));
            }
        }
    }
}

/// The string enum at `path` (dot-separated property names) below `root`, if that is one.
fn enum_at<'a>(
    types: &'a BTreeMap<String, TypeDef>,
    root: &'a TypeRef,
    path: &str,
) -> Option<&'a str> {
    let mut at = named(types, root)?;
    for segment in path.split('.') {
        let TypeKind::Struct { fields } = &types.get(at)?.kind else {
            return None;
        };
        let field = fields.iter().find(|f| f.wire == segment)?;
        at = named(types, &field.ty)?;
    }
    match types.get(at)?.kind {
        TypeKind::Enum { .. } => Some(at),
        _ => None,
    }
}

/// The named type a reference ends at, through `null`-ables and aliases.
fn named<'a>(types: &'a BTreeMap<String, TypeDef>, ty: &'a TypeRef) -> Option<&'a str> {
    match ty {
        TypeRef::Nullable(inner) => named(types, inner),
        TypeRef::Named(name) => match &types.get(name)?.kind {
            TypeKind::Alias(inner) => named(types, inner),
            _ => Some(types.get_key_value(name)?.0.as_str()),
        },
        _ => None,
    }
}
