//! Intercom's SDK names (`spec/names.yaml`): each entry marks its operation with `x-sdk-name`.
//!
//! The file maps `METHOD /path` to `group.method` or `group.subgroup.method` (snake case), the
//! names Intercom's own SDKs use. Paths match by shape, whatever a version calls the path
//! parameters. An entry whose operation this version lacks is skipped: the table serves every
//! version. A malformed entry fails loading.

use std::collections::BTreeMap;
use std::path::Path;

use serde_json::Value;

use crate::Error;

/// The extension the loader sets on each named operation.
pub const EXTENSION: &str = "x-sdk-name";

/// Parses the names file: `(method, path) -> dotted name`, each checked.
pub fn read(path: &Path, text: &str) -> Result<Vec<(String, String, String)>, Error> {
    let fail = |message: String| Error::Parse {
        path: path.to_path_buf(),
        message,
    };
    let map: BTreeMap<String, String> =
        serde_norway::from_str(text).map_err(|e| fail(format!("invalid SDK names file: {e}")))?;
    let mut entries = Vec::with_capacity(map.len());
    for (route, name) in map {
        let (method, op_path) = route
            .split_once(' ')
            .filter(|(m, p)| {
                ["GET", "POST", "PUT", "DELETE", "PATCH"].contains(m) && p.starts_with('/')
            })
            .ok_or_else(|| fail(format!("`{route}`: expected `METHOD /path`")))?;
        check_name(&name).map_err(|m| fail(format!("`{route}`: {m}")))?;
        entries.push((method.to_lowercase(), op_path.to_string(), name));
    }
    Ok(entries)
}

/// A dotted name of at least two snake-case words: `contacts.find`, `news.items.list`.
pub fn check_name(name: &str) -> Result<(), String> {
    let parts: Vec<&str> = name.split('.').collect();
    let word = |w: &str| {
        w.starts_with(|c: char| c.is_ascii_lowercase())
            && w.chars()
                .all(|c| c.is_ascii_lowercase() || c.is_ascii_digit() || c == '_')
    };
    if parts.len() < 2 || !parts.iter().all(|w| word(w)) {
        return Err(format!(
            "`{name}` is not `group.method` in snake case (groups may nest: `a.b.method`)"
        ));
    }
    Ok(())
}

/// Marks every operation of `doc` that has an entry with `x-sdk-name`; returns how many.
/// Paths match by shape: versions name one path parameter differently (`{id}`, `{contact_id}`).
pub fn apply(entries: &[(String, String, String)], doc: &mut Value) -> usize {
    let by_shape: BTreeMap<(&str, String), &str> = entries
        .iter()
        .map(|(method, path, name)| ((method.as_str(), shape(path)), name.as_str()))
        .collect();
    let Some(paths) = doc.get_mut("paths").and_then(Value::as_object_mut) else {
        return 0;
    };
    let mut applied = 0;
    for (path, item) in paths.iter_mut() {
        let Some(item) = item.as_object_mut() else {
            continue;
        };
        for (method, op) in item.iter_mut() {
            let name = by_shape.get(&(method.as_str(), shape(path)));
            if let (Some(name), Some(op)) = (name, op.as_object_mut()) {
                op.insert(EXTENSION.into(), Value::String((*name).to_string()));
                applied += 1;
            }
        }
    }
    applied
}

/// A path with every parameter name left out: `/contacts/{id}/tags` -> `/contacts/{}/tags`.
fn shape(path: &str) -> String {
    path.split('/')
        .map(|segment| {
            if segment.starts_with('{') {
                "{}"
            } else {
                segment
            }
        })
        .collect::<Vec<_>>()
        .join("/")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn reads_and_checks_entries() {
        let path = Path::new("names.yaml");
        let entries = read(
            path,
            "GET /contacts/{id}: contacts.find\nGET /news: news.items.list\n",
        );
        assert_eq!(
            entries.ok(),
            Some(vec![
                (
                    "get".into(),
                    "/contacts/{id}".into(),
                    "contacts.find".into()
                ),
                ("get".into(), "/news".into(), "news.items.list".into()),
            ])
        );
        for bad in [
            "GET /contacts: contacts",
            "GET /contacts: Contacts.find",
            "FETCH /contacts: contacts.list",
            "GET contacts: contacts.list",
            "GET /contacts: contacts..list",
        ] {
            let error = read(path, bad)
                .err()
                .map(|e| e.to_string())
                .unwrap_or_default();
            assert!(error.contains("names.yaml"), "{bad}: {error}");
        }
    }

    #[test]
    fn marks_operations_and_skips_absent_ones() {
        let mut doc = serde_json::json!({"paths": {
            "/contacts": {"get": {}},
            "/contacts/{id}/tags": {"post": {}},
        }});
        let entries = vec![
            ("get".into(), "/contacts".into(), "contacts.list".into()),
            ("post".into(), "/contacts".into(), "contacts.create".into()),
            (
                "post".into(),
                "/contacts/{contact_id}/tags".into(),
                "tags.tag_contact".into(),
            ),
        ];
        assert_eq!(apply(&entries, &mut doc), 2);
        assert_eq!(doc["paths"]["/contacts"]["get"][EXTENSION], "contacts.list");
        assert_eq!(
            doc["paths"]["/contacts/{id}/tags"]["post"][EXTENSION],
            "tags.tag_contact"
        );
    }
}
