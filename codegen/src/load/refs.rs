//! Every `$ref` must point at something: a dangling one is reported with where it is used.

use std::collections::BTreeMap;
use std::path::Path;

use serde_json::Value;

use crate::Error;

/// Fails with every dangling local `$ref` and the first place each is referenced from.
pub fn check(file: &Path, doc: &Value) -> Result<(), Error> {
    let mut dangling = BTreeMap::new();
    walk(doc, doc, &mut String::from("#"), &mut dangling);
    if dangling.is_empty() {
        return Ok(());
    }
    Err(Error::DanglingRefs {
        path: file.to_path_buf(),
        refs: dangling.into_iter().collect(),
    })
}

fn walk(doc: &Value, node: &Value, at: &mut String, out: &mut BTreeMap<String, String>) {
    match node {
        Value::Object(map) => {
            if let Some(Value::String(target)) = map.get("$ref") {
                if resolve(doc, target).is_none() {
                    out.entry(target.clone()).or_insert_with(|| at.clone());
                }
            }
            for (key, value) in map {
                let len = at.len();
                at.push('/');
                at.push_str(&key.replace('~', "~0").replace('/', "~1"));
                walk(doc, value, at, out);
                at.truncate(len);
            }
        }
        Value::Array(items) => {
            for (i, value) in items.iter().enumerate() {
                let len = at.len();
                at.push('/');
                at.push_str(&i.to_string());
                walk(doc, value, at, out);
                at.truncate(len);
            }
        }
        _ => {}
    }
}

/// Resolves a local reference (`#/a/b`); external references never resolve.
pub fn resolve<'a>(doc: &'a Value, target: &str) -> Option<&'a Value> {
    target
        .strip_prefix('#')
        .and_then(|pointer| doc.pointer(pointer))
}

#[cfg(test)]
mod tests {
    use super::*;
    use serde_json::json;

    #[test]
    fn reports_each_dangling_ref_once_with_first_use() {
        let doc = json!({
            "components": {"schemas": {
                "a": {"$ref": "#/components/schemas/missing"},
                "b": {"properties": {"x": {"$ref": "#/components/schemas/missing"}}},
                "c": {"$ref": "#/components/schemas/a"}
            }}
        });
        let err = check(Path::new("spec.yaml"), &doc).unwrap_err();
        let text = err.to_string();
        assert!(text.contains("spec.yaml: 1 dangling $ref(s)"), "{text}");
        assert!(text
            .contains("`#/components/schemas/missing` (referenced from #/components/schemas/a)"));
    }

    #[test]
    fn accepts_resolvable_refs() {
        let doc =
            json!({"components": {"schemas": {"a": {}, "b": {"$ref": "#/components/schemas/a"}}}});
        assert!(check(Path::new("x"), &doc).is_ok());
    }
}
