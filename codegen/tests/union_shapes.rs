//! One generated type per union shape: no two unions of the pinned version's IR, nor of the
//! Preview description's, have the same alternatives (variant names, types and tag values) and
//! the same tag.

use std::collections::BTreeMap;

use codegen::ir::{Api, TypeKind, TypeRef};

type Shape = (Option<String>, Vec<(String, TypeRef, Option<String>)>);

/// The unions of `api` by shape.
fn unions_by_shape(api: &Api) -> BTreeMap<Shape, Vec<String>> {
    let mut shapes: BTreeMap<Shape, Vec<String>> = BTreeMap::new();
    for def in api.types.values() {
        if let TypeKind::Union { tag, variants } = &def.kind {
            let alternatives = variants
                .iter()
                .map(|v| (v.ident.clone(), v.ty.clone(), v.tag_value.clone()))
                .collect();
            shapes
                .entry((tag.clone(), alternatives))
                .or_default()
                .push(def.name.clone());
        }
    }
    shapes
}

fn assert_one_type_per_shape(options: &codegen::Options) -> BTreeMap<Shape, Vec<String>> {
    let doc = codegen::load::load(options).unwrap_or_else(|e| panic!("{e}"));
    let api = codegen::ir::build(&doc).unwrap_or_else(|e| panic!("{e}"));
    let shapes = unions_by_shape(&api);
    assert!(shapes.len() > 10, "{} unions", shapes.len());
    let repeated: Vec<String> = shapes
        .values()
        .filter(|names| names.len() > 1)
        .map(|names| names.join(" = "))
        .collect();
    assert!(
        repeated.is_empty(),
        "unions with one shape:\n{}",
        repeated.join("\n")
    );
    shapes
}

#[test]
fn the_pinned_version_has_one_union_per_shape() {
    let options = codegen::testing::options(&codegen::testing::pinned_version());
    let shapes = assert_one_type_per_shape(&options);
    let attach = shapes
        .values()
        .flatten()
        .find(|name| *name == "ConversationOrConversationCustomers");
    assert!(
        attach.is_some(),
        "{:?}",
        shapes.values().collect::<Vec<_>>()
    );
}

#[test]
fn preview_has_one_union_per_shape() {
    assert_one_type_per_shape(&codegen::testing::preview_options());
}

/// A struct held by untagged unions has its fit table once, as its `FIT` constant, and the
/// unions name that constant: `ConversationOrConversationCustomers` does not repeat the
/// `Conversation` table.
#[test]
fn unions_refer_to_the_fit_table_of_a_model() {
    let options = codegen::testing::options(&codegen::testing::pinned_version());
    let output = codegen::generate(&options).unwrap_or_else(|e| panic!("{e}"));
    let models: Vec<(&String, &String)> = output
        .files
        .iter()
        .filter(|(name, _)| name.starts_with("models/"))
        .collect();
    let tables: usize = models
        .iter()
        .map(|(_, text)| {
            text.matches("impl Conversation {\n    /// What the JSON")
                .count()
        })
        .sum();
    assert_eq!(tables, 1, "Conversation::FIT is emitted once");
    let (_, file) = models
        .iter()
        .find(|(_, text)| text.contains("pub enum ConversationOrConversationCustomers"))
        .unwrap_or_else(|| panic!("no ConversationOrConversationCustomers"));
    let start = file
        .find("pub enum ConversationOrConversationCustomers")
        .unwrap_or_default();
    let end = file[start..]
        .find("impl From<")
        .map_or(file.len(), |n| start + n);
    let union = &file[start..end];
    assert!(union.contains("<super::Conversation>::FIT"), "{union}");
    // With `Conversation`'s table inline (about 760 lines), the union was over 800 lines.
    assert!(
        union.lines().count() < 100,
        "the union is {} lines:\n{union}",
        union.lines().count()
    );
}
