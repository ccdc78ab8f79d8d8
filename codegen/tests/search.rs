//! The search catalogues parsed from the search operations' descriptions: one snapshot per
//! endpoint of the pinned spec (field, type, operators), every published version parses, and
//! a description without its table fails naming the operation.

use std::path::PathBuf;

use codegen::ir::{SearchCatalogue, SearchType};

fn catalogues(version: &str) -> Vec<SearchCatalogue> {
    let options = codegen::testing::options(version);
    let doc = codegen::load::load(&options).unwrap_or_else(|e| panic!("{version}: {e}"));
    codegen::ir::build(&doc)
        .unwrap_or_else(|e| panic!("{version}: {e}"))
        .search
}

/// One line per field and type: `name  type  operators`, then the field's note if it has one.
fn render(catalogue: &SearchCatalogue) -> String {
    let mut out = format!(
        "{} {} ({}) -> {} / {}\n",
        catalogue.method,
        catalogue.path,
        catalogue.operation_id,
        catalogue.resource,
        catalogue.field_type
    );
    for field in &catalogue.fields {
        for kind in &field.kinds {
            let ops: Vec<&str> = kind.operators.iter().map(|o| o.wire()).collect();
            out.push_str(&format!(
                "{:<44} {:<9} {:<36} {}\n",
                field.name.spec(),
                kind.ty.spec(),
                kind.ident,
                ops.join(" ")
            ));
            if let Some(name) = &kind.enum_type {
                out.push_str(&format!("    enum: {name}\n"));
            }
        }
        if let Some(note) = &field.note {
            out.push_str(&format!("    note: {note}\n"));
        }
    }
    out
}

fn snapshot(path: &str) -> String {
    let all = catalogues("2.14");
    let catalogue = all
        .iter()
        .find(|c| c.path == path)
        .unwrap_or_else(|| panic!("no catalogue for {path}"));
    render(catalogue)
}

#[test]
fn contacts_catalogue() {
    insta::assert_snapshot!("contacts", snapshot("/contacts/search"));
}

#[test]
fn conversations_catalogue() {
    insta::assert_snapshot!("conversations", snapshot("/conversations/search"));
}

#[test]
fn tickets_catalogue() {
    insta::assert_snapshot!("tickets", snapshot("/tickets/search"));
}

#[test]
fn pinned_catalogues_have_the_documented_shape() {
    let all = catalogues("2.14");
    let sizes: Vec<(&str, usize)> = all
        .iter()
        .map(|c| (c.resource.as_str(), c.fields.len()))
        .collect();
    assert_eq!(
        sizes,
        [("Contacts", 42), ("Conversations", 56), ("Tickets", 15)]
    );
    for catalogue in &all {
        for field in &catalogue.fields {
            for kind in &field.kinds {
                let ops: Vec<&str> = kind.operators.iter().map(|o| o.wire()).collect();
                let spec = field.name.spec();
                assert!(ops.contains(&"="), "{spec} accepts `=`");
                let text_only = ops.iter().any(|o| ["~", "!~", "^", "$"].contains(o));
                assert!(
                    !text_only || kind.ty == SearchType::String,
                    "{spec}: {ops:?}"
                );
                let ordered = ops.iter().any(|o| ["<", ">", "<=", ">="].contains(o));
                assert!(
                    !ordered || !matches!(kind.ty, SearchType::String | SearchType::Boolean),
                    "{spec}: {ops:?}"
                );
            }
        }
    }
}

/// The fields of the pinned spec that are an enum property of the resource's model (or of the
/// search's item type) take that enum, and only the equality operators; the others stay
/// strings (tickets' `state` is `ticket_state` on the model, a `source.type` and
/// `source.author.type` are plain strings there).
#[test]
fn pinned_enum_fields_take_the_models_enum() {
    let all = catalogues(&codegen::testing::pinned_version());
    let mut found: Vec<(String, String, String)> = Vec::new();
    for catalogue in &all {
        for field in &catalogue.fields {
            for kind in &field.kinds {
                let Some(name) = &kind.enum_type else {
                    continue;
                };
                let ops: Vec<&str> = kind.operators.iter().map(|o| o.wire()).collect();
                assert_eq!(ops, ["=", "!=", "IN", "NIN"], "{}", field.name.spec());
                assert_eq!(kind.ty, SearchType::String, "{}", field.name.spec());
                found.push((catalogue.resource.clone(), field.name.spec(), name.clone()));
            }
        }
    }
    let found: Vec<(&str, &str, &str)> = found
        .iter()
        .map(|(r, f, e)| (r.as_str(), f.as_str(), e.as_str()))
        .collect();
    assert_eq!(
        found,
        [
            ("Contacts", "role", "ContactRole"),
            (
                "Conversations",
                "source.delivered_as",
                "ConversationSourceDeliveredAs"
            ),
            ("Conversations", "state", "ConversationState"),
            ("Conversations", "priority", "ConversationPriority"),
            (
                "Conversations",
                "ai_agent.resolution_state",
                "AiAgentResolutionState"
            ),
            (
                "Conversations",
                "ai_agent.last_answer_type",
                "AiAgentLastAnswerType"
            ),
            ("Conversations", "ai_agent.source_type", "AiAgentSourceType"),
            ("Tickets", "category", "TicketCategory"),
        ]
    );
}

#[test]
fn every_published_version_parses() {
    let dir = codegen::testing::openapi_dir().join("descriptions");
    let mut versions: Vec<String> = std::fs::read_dir(&dir)
        .unwrap_or_else(|e| panic!("{}: {e}", dir.display()))
        .filter_map(|e| e.ok()?.file_name().to_str().map(str::to_string))
        .collect();
    versions.sort();
    assert!(versions.len() >= 11, "{versions:?}");
    for version in versions {
        let all = catalogues(&version);
        let has_tickets = all.iter().any(|c| c.resource == "Tickets");
        assert!(
            all.len() == 3 || all.len() == 2 && !has_tickets,
            "{version}: {}",
            all.len()
        );
        assert!(all.iter().all(|c| c.fields.len() >= 15), "{version}");
    }
}

#[test]
fn a_missing_table_fails_naming_the_operation() {
    let error = codegen::generate(&codegen::Options {
        spec: PathBuf::from("tests/search_fixtures/missing_table.yaml"),
        overrides: None,
        names: None,
        capabilities: None,
        version: "fixture".into(),
        runtime: "crate".into(),
        channel: codegen::Channel::Stable,
    })
    .expect_err("a search description without its fields table must fail");
    let message = error.to_string();
    assert!(
        message.contains("operation SearchContacts (POST /contacts/search)")
            && message.contains("no `| field | type |` table"),
        "{message}"
    );
}
