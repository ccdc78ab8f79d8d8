//! The project's override layer: a reviewed list of corrections to the upstream spec.
//!
//! Each entry names its target (a component schema, an operation, or a JSON pointer), an
//! action and a one-line reason. An entry that no longer applies is an error, so corrections
//! that upstream has fixed are noticed and removed.

use std::path::Path;

use serde::Deserialize;
use serde_json::Value;

use crate::Error;

/// One correction.
#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Override {
    /// Why the correction exists (required, one line).
    pub reason: String,
    /// The API versions it applies to; all when absent.
    #[serde(default)]
    pub versions: Option<Vec<String>>,
    /// The first API version it applies to: it applies to this and every later numbered
    /// version (not to Preview, `0`, which differs too much to follow along).
    #[serde(default)]
    pub since: Option<String>,
    /// With `since`: Preview (`0`) too, for corrections that hold there as well (Preview is
    /// generated for the `preview` feature).
    #[serde(default)]
    pub preview: bool,
    /// Target a component schema by name.
    #[serde(default)]
    pub schema: Option<String>,
    /// Target an operation by operationId, or by `METHOD /path`.
    #[serde(default)]
    pub operation: Option<String>,
    /// Target an absolute JSON pointer.
    #[serde(default)]
    pub pointer: Option<String>,
    /// A JSON pointer relative to the schema or operation.
    #[serde(default)]
    pub at: Option<String>,
    /// What to do.
    pub action: Action,
    /// The value for `add`, `replace` and `merge`.
    #[serde(default)]
    pub value: Option<Value>,
}

/// What an override does at its target.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum Action {
    /// Create the target; it must not exist yet.
    Add,
    /// Replace the existing target.
    Replace,
    /// Shallow-merge an object into the existing object target.
    Merge,
    /// Delete the existing target.
    Remove,
}

/// Parses the overrides file.
pub fn read(path: &Path, text: &str) -> Result<Vec<Override>, Error> {
    let list: Vec<Override> = serde_norway::from_str(text).map_err(|e| Error::Parse {
        path: path.to_path_buf(),
        message: format!("invalid overrides file: {e}"),
    })?;
    Ok(list)
}

/// Applies every override meant for `version` to `doc`, in order.
pub fn apply(path: &Path, list: &[Override], version: &str, doc: &mut Value) -> Result<(), Error> {
    for (index, item) in list.iter().enumerate() {
        let fail = |message: String| Error::Override {
            path: path.to_path_buf(),
            which: format!("#{} ({})", index + 1, item.reason),
            message,
        };
        if item.reason.trim().is_empty() {
            return Err(fail("every override needs a reason".into()));
        }
        if !applies(item, version).map_err(&fail)? {
            continue;
        }
        let pointer = target_pointer(item, doc).map_err(&fail)?;
        apply_one(item, &pointer, doc).map_err(|m| fail(format!("at `{pointer}`: {m}")))?;
    }
    Ok(())
}

/// Whether an override is meant for `version`.
fn applies(item: &Override, version: &str) -> Result<bool, String> {
    if let Some(versions) = &item.versions {
        if !versions.iter().any(|v| v == version) {
            return Ok(false);
        }
    }
    match &item.since {
        None => Ok(true),
        Some(since) => {
            let first = version_key(since)
                .ok_or_else(|| format!("`since: {since}` is not a version like 2.14"))?;
            let preview = item.preview && version == "0";
            Ok(preview || version_key(version).is_some_and(|v| v >= first))
        }
    }
}

/// `2.14` -> (2, 14); `None` for Preview (`0`) and other unnumbered versions.
fn version_key(version: &str) -> Option<(u32, u32)> {
    let (major, minor) = version.split_once('.')?;
    Some((major.parse().ok()?, minor.parse().ok()?))
}

fn target_pointer(item: &Override, doc: &Value) -> Result<String, String> {
    let base = match (&item.schema, &item.operation, &item.pointer) {
        (Some(name), None, None) => format!("/components/schemas/{}", escape(name)),
        (None, Some(op), None) => find_operation(doc, op)?,
        (None, None, Some(pointer)) => pointer.clone(),
        _ => return Err("name exactly one of `schema`, `operation`, `pointer`".into()),
    };
    Ok(match &item.at {
        Some(rel) if !rel.starts_with('/') => {
            return Err(format!("`at` must start with `/`: {rel}"))
        }
        Some(rel) => base + rel,
        None => base,
    })
}

fn find_operation(doc: &Value, wanted: &str) -> Result<String, String> {
    let paths = doc
        .get("paths")
        .and_then(Value::as_object)
        .ok_or("the spec has no `paths`")?;
    for (path, item) in paths {
        let Some(item) = item.as_object() else {
            continue;
        };
        for (method, op) in item {
            let by_id = op.get("operationId").and_then(Value::as_str) == Some(wanted);
            let by_route = format!("{} {path}", method.to_uppercase()) == wanted;
            if by_id || by_route {
                return Ok(format!("/paths/{}/{method}", escape(path)));
            }
        }
    }
    Err(format!("no operation `{wanted}` in the spec"))
}

fn escape(segment: &str) -> String {
    segment.replace('~', "~0").replace('/', "~1")
}

fn unescape(segment: &str) -> String {
    segment.replace("~1", "/").replace("~0", "~")
}

fn apply_one(item: &Override, pointer: &str, doc: &mut Value) -> Result<(), String> {
    let (parent_ptr, last) = pointer
        .rsplit_once('/')
        .ok_or("the pointer must name a key")?;
    let key = unescape(last);
    let parent = doc
        .pointer_mut(parent_ptr)
        .ok_or_else(|| format!("`{parent_ptr}` does not exist"))?;
    let value = || item.value.clone().ok_or("this action needs a `value`");
    match parent {
        Value::Object(map) => match item.action {
            Action::Add if map.contains_key(&key) => {
                Err("already present upstream: remove this override".into())
            }
            Action::Add => {
                map.insert(key, value()?);
                Ok(())
            }
            Action::Replace => match map.get_mut(&key) {
                Some(slot) => {
                    *slot = value()?;
                    Ok(())
                }
                None => Err("nothing to replace: the target is gone upstream".into()),
            },
            Action::Merge => match (map.get_mut(&key), value()?) {
                (Some(Value::Object(target)), Value::Object(extra)) => {
                    target.extend(extra);
                    Ok(())
                }
                (None, _) => Err("nothing to merge into: the target is gone upstream".into()),
                _ => Err("merge needs an object target and an object value".into()),
            },
            Action::Remove => match map.remove(&key) {
                Some(_) => Ok(()),
                None => Err("nothing to remove: the target is gone upstream".into()),
            },
        },
        Value::Array(items) => {
            if key == "-" && item.action == Action::Add {
                items.push(value()?);
                return Ok(());
            }
            let index: usize = key
                .parse()
                .map_err(|_| format!("`{key}` is not an index"))?;
            match (item.action, index < items.len()) {
                (Action::Replace, true) => {
                    items[index] = value()?;
                    Ok(())
                }
                (Action::Remove, true) => {
                    items.remove(index);
                    Ok(())
                }
                (Action::Add, _) if index == items.len() => {
                    items.push(value()?);
                    Ok(())
                }
                _ => Err("index out of range for this action".into()),
            }
        }
        _ => Err(format!("`{parent_ptr}` is not an object or array")),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use serde_json::json;

    fn run(yaml: &str, version: &str, doc: &mut Value) -> Result<(), Error> {
        let list = read(Path::new("o.yaml"), yaml)?;
        apply(Path::new("o.yaml"), &list, version, doc)
    }

    #[test]
    fn adds_a_missing_schema_only_for_listed_versions() {
        let yaml = "- reason: missing upstream\n  versions: ['2.7']\n  schema: custom_attributes\n  action: add\n  value: {type: object}\n";
        let mut doc = json!({"components": {"schemas": {}}});
        run(yaml, "2.14", &mut doc).unwrap();
        assert_eq!(doc["components"]["schemas"], json!({}));
        run(yaml, "2.7", &mut doc).unwrap();
        assert_eq!(
            doc["components"]["schemas"]["custom_attributes"],
            json!({"type": "object"})
        );
    }

    #[test]
    fn since_applies_to_later_versions_and_preview() {
        let item = |since: &str| {
            read(
                Path::new("o.yaml"),
                &format!("- reason: r\n  since: '{since}'\n  pointer: /a\n  action: remove\n"),
            )
            .unwrap()
            .remove(0)
        };
        assert!(applies(&item("2.14"), "2.14").unwrap());
        assert!(applies(&item("2.14"), "2.16").unwrap());
        assert!(!applies(&item("2.14"), "0").unwrap());
        let with_preview = read(
            Path::new("o.yaml"),
            "- reason: r\n  since: '2.14'\n  preview: true\n  pointer: /a\n  action: remove\n",
        )
        .unwrap()
        .remove(0);
        assert!(applies(&with_preview, "0").unwrap());
        assert!(applies(&with_preview, "2.15").unwrap());
        assert!(!applies(&with_preview, "2.13").unwrap());
        assert!(!applies(&item("2.14"), "2.13").unwrap());
        assert!(!applies(&item("2.14"), "2.9").unwrap());
        assert!(applies(&item("two"), "2.14").is_err());
    }

    #[test]
    fn stale_overrides_are_errors() {
        let yaml = "- reason: fixed upstream\n  schema: a\n  action: add\n  value: {}\n";
        let mut doc = json!({"components": {"schemas": {"a": {}}}});
        let err = run(yaml, "2.14", &mut doc).unwrap_err().to_string();
        assert!(err.contains("override #1 (fixed upstream)"), "{err}");
        assert!(err.contains("already present upstream"), "{err}");
    }

    #[test]
    fn targets_operations_by_id_and_route() {
        let mut doc = json!({"paths": {"/a/{id}": {"get": {"operationId": "getA"}, "post": {}}}});
        let yaml = "- reason: r\n  operation: getA\n  at: /summary\n  action: add\n  value: s\n- reason: r\n  operation: POST /a/{id}\n  at: /operationId\n  action: add\n  value: postA\n";
        run(yaml, "x", &mut doc).unwrap();
        assert_eq!(doc["paths"]["/a/{id}"]["get"]["summary"], json!("s"));
        assert_eq!(
            doc["paths"]["/a/{id}"]["post"]["operationId"],
            json!("postA")
        );
    }

    #[test]
    fn dash_appends_to_arrays() {
        let mut doc = json!({"a": [1]});
        run(
            "- reason: r\n  pointer: /a/-\n  action: add\n  value: 2\n",
            "x",
            &mut doc,
        )
        .unwrap();
        assert_eq!(doc, json!({"a": [1, 2]}));
    }

    #[test]
    fn merge_and_remove() {
        let mut doc =
            json!({"components": {"schemas": {"a": {"type": "object", "required": ["x"]}}}});
        let yaml = "- reason: r\n  schema: a\n  at: /required\n  action: remove\n- reason: r\n  schema: a\n  action: merge\n  value: {nullable: true}\n";
        run(yaml, "x", &mut doc).unwrap();
        assert_eq!(
            doc["components"]["schemas"]["a"],
            json!({"type": "object", "nullable": true})
        );
    }

    #[test]
    fn missing_reason_and_bad_targets_are_errors() {
        let mut doc = json!({});
        assert!(run(
            "- reason: ''\n  pointer: /a\n  action: remove\n",
            "x",
            &mut doc
        )
        .is_err());
        assert!(run("- reason: r\n  action: remove\n", "x", &mut doc).is_err());
        assert!(run(
            "- reason: r\n  pointer: /a/b\n  action: remove\n",
            "x",
            &mut doc
        )
        .is_err());
    }
}
