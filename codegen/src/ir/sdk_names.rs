//! Namespaces and method names: `client.contacts().find(id)`, like Intercom's own SDKs.
//!
//! An operation the override layer's `spec/names.yaml` names (`x-sdk-name`, Intercom's SDK
//! names) takes that name. Every other operation is named by one rule:
//!
//! - **Namespace**: the top-level group most of the SDK-named operations of the same tag use
//!   (ties: alphabetical); if none of its tag's operations has an SDK name, the tag in snake case.
//! - **Method**: the operationId in snake case, its first word a verb with synonyms folded
//!   (`show`, `retrieve`, `get` -> `find`; `lis` -> `list`), with the first mention of the
//!   namespace's resource (its words, each plural or singular) removed: `ShowContactByExternalId`
//!   in `contacts` -> `find_by_external_id`, `listCallsWithTranscripts` in `calls` ->
//!   `list_with_transcripts`, `listConversationAttributes` in `conversations_attributes` ->
//!   `list`; a preposition the removal leaves at the end goes too (`attachTagToArticle` in
//!   `articles` -> `attach_tag`). An operation without an operationId is named after the literal
//!   segments of its path (`/export/reporting_data/enqueue` -> `export_reporting_data_enqueue`),
//!   or, if there are none, after its HTTP method.
//! - If folding the verbs gives two operations of a namespace one name, those two keep their
//!   own verbs (`get_…` and `retrieve_…`).
//!
//! Two operations with one name in one namespace, or a method named like a nested namespace,
//! fail generation; nothing is ever suffixed. The request builder is named after the call:
//! `contacts().find` -> `ContactsFind`.

use std::collections::{BTreeMap, BTreeSet};
use std::path::Path;

use heck::ToSnakeCase;

use super::names::{field_ident, type_name};
use super::Operation;
use crate::Error;

/// Names that `Client`'s hand-written methods take, so no namespace may.
const CLIENT_METHODS: [&str; 11] = [
    "new",
    "builder",
    "base_url",
    "version",
    "retry_policy",
    "strict_decoding",
    "rate_limit_status",
    "raw",
    "search",
    "execute",
    "download",
];

/// Sets every operation's namespace, method, module and builder name.
pub fn assign(ops: &mut [Operation], file: &Path) -> Result<(), Error> {
    let fail = |context: String, message: String| Error::Unsupported {
        path: file.to_path_buf(),
        context,
        message,
    };
    let groups = tag_groups(ops);
    let folded = folding_collisions(ops, &groups);
    for op in ops.iter_mut() {
        let (namespace, method) = match &op.sdk_name {
            Some(name) => {
                let mut parts: Vec<String> = name.split('.').map(str::to_string).collect();
                let method = parts.pop().unwrap_or_default();
                (parts, method)
            }
            None => {
                let group = group_of(op, &groups);
                let id = op.operation_id.as_deref();
                let mut method = derive_method(id, &op.method, &op.path, &group, true);
                if folded.contains(&(group.clone(), method.clone())) {
                    method = derive_method(id, &op.method, &op.path, &group, false);
                }
                (vec![group], method)
            }
        };
        op.module = namespace.first().cloned().unwrap_or_default();
        op.builder = namespace
            .iter()
            .chain(std::iter::once(&method))
            .map(|w| type_name(w))
            .collect();
        op.fn_name = method;
        op.namespace = namespace;
    }
    let mut calls: BTreeMap<String, String> = BTreeMap::new();
    let mut nested: BTreeSet<String> = BTreeSet::new();
    for op in ops.iter() {
        for depth in 1..op.namespace.len() {
            nested.insert(op.namespace[..=depth].join("."));
        }
    }
    for op in ops.iter() {
        let context = format!("operation {} ({} {})", op.id, op.method, op.path);
        let call = format!("{}.{}", op.namespace.join("."), op.fn_name);
        if let Some(top) = op.namespace.first() {
            if CLIENT_METHODS.contains(&top.as_str()) {
                return Err(fail(
                    context,
                    format!("namespace `{top}` would clash with `Client::{top}`"),
                ));
            }
        }
        if nested.contains(&call) {
            return Err(fail(
                context,
                format!("method `{call}` would clash with the namespace of that name"),
            ));
        }
        if let Some(other) = calls.insert(call.clone(), context.clone()) {
            return Err(fail(
                context,
                format!("`{call}` is also the name of {other}; name one in spec/names.yaml"),
            ));
        }
    }
    Ok(())
}

/// The namespace the rule gives an operation without an SDK name.
fn group_of(op: &Operation, groups: &BTreeMap<String, String>) -> String {
    groups
        .get(&op.tag)
        .cloned()
        .unwrap_or_else(|| field_ident(&op.tag))
}

/// For each tag with SDK-named operations, the top-level group most of them use.
fn tag_groups(ops: &[Operation]) -> BTreeMap<String, String> {
    let mut counts: BTreeMap<&str, BTreeMap<&str, usize>> = BTreeMap::new();
    for op in ops {
        if let Some(group) = op.sdk_name.as_deref().and_then(|n| n.split('.').next()) {
            *counts.entry(&op.tag).or_default().entry(group).or_default() += 1;
        }
    }
    counts
        .into_iter()
        .filter_map(|(tag, groups)| {
            let best = groups
                .iter()
                .max_by(|a, b| a.1.cmp(b.1).then(b.0.cmp(a.0)))?;
            Some((tag.to_string(), best.0.to_string()))
        })
        .collect()
}

/// The derived `(namespace, method)` names that more than one operation would get with the
/// verbs folded: those operations keep their own verbs.
fn folding_collisions(
    ops: &[Operation],
    groups: &BTreeMap<String, String>,
) -> BTreeSet<(String, String)> {
    let mut seen = BTreeSet::new();
    let mut twice = BTreeSet::new();
    for op in ops.iter().filter(|op| op.sdk_name.is_none()) {
        let group = group_of(op, groups);
        let method = derive_method(
            op.operation_id.as_deref(),
            &op.method,
            &op.path,
            &group,
            true,
        );
        let key = (group, method);
        if !seen.insert(key.clone()) {
            twice.insert(key);
        }
    }
    twice
}

/// The method name the rule gives an operation without an SDK name, in namespace `group`;
/// `fold` folds verb synonyms.
pub fn derive_method(
    operation_id: Option<&str>,
    method: &str,
    path: &str,
    group: &str,
    fold: bool,
) -> String {
    let Some(id) = operation_id else {
        let literal: Vec<&str> = path
            .split('/')
            .filter(|s| !s.is_empty() && !s.starts_with('{'))
            .collect();
        if !literal.is_empty() {
            return field_ident(&literal.join("_"));
        }
        let verb = match (method, path.ends_with('}')) {
            ("GET", true) => "find",
            ("GET", false) => "list",
            ("POST", _) => "create",
            ("PUT" | "PATCH", _) => "update",
            _ => "delete",
        };
        return verb.to_string();
    };
    let mut words: Vec<String> = id.to_snake_case().split('_').map(str::to_string).collect();
    if let Some(first) = words.first_mut().filter(|_| fold) {
        let folded = match first.as_str() {
            "show" | "retrieve" | "get" => Some("find"),
            "lis" => Some("list"),
            _ => None,
        };
        if let Some(verb) = folded {
            *first = verb.to_string();
        }
    }
    let resource: Vec<String> = group.split('_').map(singular_of).collect();
    let mentioned = words.windows(resource.len()).position(|window| {
        window
            .iter()
            .zip(&resource)
            .all(|(word, wanted)| singular_of(word) == *wanted)
    });
    if let Some(at) = mentioned.filter(|_| words.len() > resource.len()) {
        words.drain(at..at + resource.len());
        let dangling = at == words.len()
            && at >= 2
            && words
                .last()
                .is_some_and(|w| PREPOSITIONS.contains(&w.as_str()));
        if dangling {
            words.pop();
        }
    }
    field_ident(&words.join("_"))
}

/// Words left dangling when the resource ends the name: `attachTagToArticle` in `articles` ->
/// `attach_tag`, not `attach_tag_to`.
const PREPOSITIONS: [&str; 4] = ["to", "from", "for", "of"];

fn singular_of(word: &str) -> String {
    if let Some(stem) = word.strip_suffix("ies") {
        format!("{stem}y")
    } else if let Some(stem) = word.strip_suffix('s') {
        stem.to_string()
    } else {
        word.to_string()
    }
}

#[cfg(test)]
mod tests {
    use super::derive_method;

    #[test]
    fn derives_methods_by_the_rule() {
        let cases = [
            (
                Some("ShowContactByExternalId"),
                "GET",
                "/x",
                "contacts",
                "find_by_external_id",
            ),
            (Some("BlockContact"), "POST", "/x", "contacts", "block"),
            (
                Some("listCallsWithTranscripts"),
                "POST",
                "/x",
                "calls",
                "list_with_transcripts",
            ),
            (
                Some("showCallRecording"),
                "GET",
                "/x",
                "calls",
                "find_recording",
            ),
            (Some("jobsStatus"), "GET", "/x", "jobs", "status"),
            (Some("getIpAllowlist"), "GET", "/x", "ip_allowlist", "find"),
            (
                Some("retrieveInternalArticle"),
                "GET",
                "/x",
                "internal_articles",
                "find",
            ),
            (
                Some("listAwayStatusReasons"),
                "GET",
                "/x",
                "away_status_reasons",
                "list",
            ),
            (
                Some("submitFinCsat"),
                "POST",
                "/x",
                "fin_agent",
                "submit_fin_csat",
            ),
            (
                Some("lisDataAttributes"),
                "GET",
                "/x",
                "data_attributes",
                "list",
            ),
            (Some("listCompanies"), "GET", "/x", "companies", "list"),
            (Some("contacts"), "GET", "/x", "contacts", "contacts"),
            (
                Some("listConversationAttributes"),
                "GET",
                "/x",
                "conversations_attributes",
                "list",
            ),
            (
                Some("createConversationAttributeOption"),
                "POST",
                "/x",
                "conversations_attributes",
                "create_option",
            ),
            (
                Some("attachTagToArticle"),
                "POST",
                "/x",
                "articles",
                "attach_tag",
            ),
            (
                Some("unlinkConversationFromTicket"),
                "DELETE",
                "/x",
                "tickets",
                "unlink_conversation",
            ),
            (
                None,
                "POST",
                "/export/reporting_data/enqueue",
                "data_export",
                "export_reporting_data_enqueue",
            ),
            (None, "GET", "/{id}", "widgets", "find"),
            (None, "GET", "/", "widgets", "list"),
            (None, "DELETE", "/{id}", "widgets", "delete"),
        ];
        for (id, method, path, group, want) in cases {
            assert_eq!(
                derive_method(id, method, path, group, true),
                want,
                "{id:?} {path}"
            );
        }
        let unfolded = derive_method(
            Some("RetrieveWhatsAppMessageStatus"),
            "GET",
            "/x",
            "messages",
            false,
        );
        assert_eq!(unfolded, "retrieve_whats_app_status");
    }
}
