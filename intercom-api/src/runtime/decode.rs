//! Decoding response bodies: a plain typed decode first, salvage only after it fails.
//!
//! The fast path is `serde_json::from_slice` into the generated type: no path tracking, no
//! intermediate tree. Only when it fails is the body parsed into a JSON tree and decoded again
//! with path tracking; each failure removes the value at the failing path (or, for an
//! always-present field the server left out or sent as `null`, supplies its default) — and at
//! the same place in every other item of the enclosing lists where it repeats — and decoding
//! is retried, at most [`MAX_SALVAGE`] times. Failures inside untagged unions are placed too
//! (see `runtime::untagged`), so a value salvaged there is reported like any other. What was
//! removed or defaulted comes back as [`DecodeWarning`]s, one per place. A body that is not
//! JSON, or whose top level is the wrong kind, is still an error.

use std::fmt;

use serde::de::DeserializeOwned;
use serde_json::Value;

use super::object::{DEFAULTED, NULL_IN_PRESENT};

/// How many salvage steps (decodes of the body after the first failure) at most before the
/// client gives up on a body. One step removes one problem wherever it repeats in a list.
pub const MAX_SALVAGE: usize = 32;

/// What salvage did at one place of a response body.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
#[non_exhaustive]
pub enum Salvage {
    /// The value did not fit its field and was removed: an optional field reads `None`, an
    /// array element or map entry is left out, an always-present field takes its default.
    Dropped,
    /// An always-present field was missing or `null` and takes its default (`""`, `0`, empty
    /// list…).
    Defaulted,
    /// The value did not fit its type and was kept whole, as JSON: a webhook item that does
    /// not fit its model (the webhooks' `Item::Other`).
    KeptAsJson,
}

/// A part of a response body (or of a webhook notification) that did not fit the generated
/// type, and what was done about it.
#[derive(Debug, Clone, PartialEq, Eq)]
#[non_exhaustive]
pub struct DecodeWarning {
    /// Where in the body, e.g. `data[3].avatar` (empty for the top level); in a webhook
    /// notification, from the notification: `data.item.avatar`.
    pub path: String,
    /// What was done there.
    pub action: Salvage,
    /// The decoder's message, e.g. `invalid type: string "x", expected struct Avatar`.
    pub message: String,
    /// The start of the value that was removed or replaced by the default (at most 80
    /// characters; `null` for a `null` defaulted), if there was one.
    pub found: Option<String>,
}

impl DecodeWarning {
    /// What the type expected at [`path`](Self::path), when the decoder said.
    pub fn expected(&self) -> Option<&str> {
        self.message
            .rsplit_once("expected ")
            .map(|(_, expected)| expected)
            .or_else(|| (self.action == Salvage::Defaulted).then_some("a value"))
    }
}

impl fmt::Display for DecodeWarning {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let path = if self.path.is_empty() {
            "."
        } else {
            &self.path
        };
        match self.action {
            Salvage::Dropped => write!(f, "dropped `{path}`: {}", self.message)?,
            Salvage::Defaulted => write!(f, "defaulted `{path}`: {}", self.message)?,
            Salvage::KeptAsJson => write!(f, "kept `{path}` as JSON: {}", self.message)?,
        }
        if let Some(found) = &self.found {
            write!(f, " (found {found})")?;
        }
        Ok(())
    }
}

/// A decoded value and what had to be left out to decode it.
#[derive(Debug, Clone, PartialEq)]
#[non_exhaustive]
pub struct Decoded<T> {
    /// The value.
    pub value: T,
    /// What did not fit; empty when the body matched the type.
    pub warnings: Vec<DecodeWarning>,
}

impl<T> Decoded<T> {
    /// The value, dropping the warnings.
    pub fn into_value(self) -> T {
        self.value
    }
}

/// Why a body could not be decoded even by salvage.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) struct Unsalvageable {
    pub(crate) path: String,
    pub(crate) message: String,
}

/// One step of a path into a JSON tree. Ordered so that sorting places puts the later items
/// of one array after the earlier ones.
#[derive(Debug, Clone, PartialEq, Eq, PartialOrd, Ord)]
enum Seg {
    Key(String),
    Index(usize),
}

/// Renders a path the way serde_path_to_error does: `data[3].avatar.image_url`.
fn render(path: &[Seg]) -> String {
    let mut out = String::new();
    for seg in path {
        match seg {
            Seg::Key(key) => {
                if !out.is_empty() {
                    out.push('.');
                }
                out.push_str(key);
            }
            Seg::Index(i) => {
                out.push('[');
                out.push_str(&i.to_string());
                out.push(']');
            }
        }
    }
    out
}

/// Parses a rendered path (`.` is the top level); `None` if it cannot be navigated.
fn parse(text: &str) -> Option<Vec<Seg>> {
    let mut out = Vec::new();
    if text == "." {
        return Some(out);
    }
    for part in text.split('.') {
        let (key, mut rest) = match part.find('[') {
            Some(i) => (&part[..i], &part[i..]),
            None => (part, ""),
        };
        if !key.is_empty() {
            out.push(Seg::Key(key.to_string()));
        }
        while let Some(stripped) = rest.strip_prefix('[') {
            let end = stripped.find(']')?;
            out.push(Seg::Index(stripped[..end].parse().ok()?));
            rest = &stripped[end + 1..];
        }
        if !rest.is_empty() {
            return None;
        }
    }
    Some(out)
}

/// The path of a serde_path_to_error failure, extended by the paths that union decoders put in
/// their messages (`at `a.b`: …`), and the innermost message.
fn locate(error: &serde_path_to_error::Error<serde_json::Error>) -> Option<(Vec<Seg>, String)> {
    use serde_path_to_error::Segment;
    let mut path = Vec::new();
    for seg in error.path().iter() {
        match seg {
            Segment::Seq { index } => path.push(Seg::Index(*index)),
            Segment::Map { key } => path.push(Seg::Key(key.clone())),
            Segment::Enum { .. } => {}
            Segment::Unknown => return None,
        }
    }
    let mut message = error.inner().to_string();
    while let Some(rest) = message.strip_prefix("at `") {
        let (inner, tail) = rest.split_once("`: ")?;
        path.extend(parse(inner)?);
        message = tail.to_string();
    }
    Some((path, strip_position(&message)))
}

/// serde_json's messages end in ` at line L column C`, meaningless for a tree.
fn strip_position(message: &str) -> String {
    match message.rfind(" at line ") {
        Some(i) if message[i..].contains(" column ") => message[..i].to_string(),
        _ => message.to_string(),
    }
}

/// The container holding the value at `path`, and the last step into it.
fn parent_mut<'v>(root: &'v mut Value, path: &[Seg]) -> Option<(&'v mut Value, Seg)> {
    let (last, init) = path.split_last()?;
    let mut node = root;
    for seg in init {
        node = match (seg, node) {
            (Seg::Key(k), Value::Object(map)) => map.get_mut(k)?,
            (Seg::Index(i), Value::Array(items)) => items.get_mut(*i)?,
            _ => return None,
        };
    }
    Some((node, last.clone()))
}

/// The start of a JSON value, for warnings.
fn preview(value: &Value) -> String {
    const MAX: usize = 80;
    let text = value.to_string();
    match text.char_indices().nth(MAX) {
        Some((end, _)) => format!("{}…", &text[..end]),
        None => text,
    }
}

/// The field name of a serde "missing field `x`" message.
fn missing_field(message: &str) -> Option<&str> {
    field_named(message, "missing field `")
}

/// The field name of a "null in always-present field `x`" message.
fn null_field(message: &str) -> Option<&str> {
    field_named(message, NULL_IN_PRESENT)
}

fn field_named<'m>(message: &'m str, prefix: &str) -> Option<&'m str> {
    message
        .strip_prefix(prefix)
        .and_then(|rest| rest.split_once('`'))
        .map(|(name, _)| name)
}

/// Gives the always-present field `key` of `map` its default: the key salvage adds so that
/// the struct's decoder reads it so (see `runtime::object`), and `null` for decoders that
/// read `null` as the default.
fn grant(map: &mut serde_json::Map<String, Value>, key: &str) -> Option<Value> {
    map.insert(format!("{DEFAULTED}{key}"), Value::Null);
    map.insert(key.to_string(), Value::Null)
}

/// Decodes `body` as `T`: the plain typed decode, and salvage if that fails.
pub(crate) fn decode<T: DeserializeOwned>(body: &[u8]) -> Result<Decoded<T>, Unsalvageable> {
    match serde_json::from_slice::<T>(body) {
        Ok(value) => Ok(Decoded {
            value,
            warnings: Vec::new(),
        }),
        Err(fast) => match serde_json::from_slice::<Value>(body) {
            // serde lets a struct be read from an array, field by field; salvage would then
            // empty the array. An array where an object is expected is the wrong top level.
            Ok(tree)
                if tree.is_array() && salvage::<T>(Value::Object(Default::default())).is_ok() =>
            {
                Err(Unsalvageable {
                    path: String::new(),
                    message: "expected a JSON object, found an array".into(),
                })
            }
            Ok(tree) => salvage(tree),
            Err(_) => Err(Unsalvageable {
                path: String::new(),
                message: fast.to_string(),
            }),
        },
    }
}

/// The kind of a JSON value, for telling which siblings fail the same way.
fn kind(value: &Value) -> u8 {
    match value {
        Value::Null => 0,
        Value::Bool(_) => 1,
        Value::Number(_) => 2,
        Value::String(_) => 3,
        Value::Array(_) => 4,
        Value::Object(_) => 5,
    }
}

fn get<'v>(root: &'v Value, path: &[Seg]) -> Option<&'v Value> {
    path.iter().try_fold(root, |node, seg| match (seg, node) {
        (Seg::Key(k), Value::Object(map)) => map.get(k),
        (Seg::Index(i), Value::Array(items)) => items.get(*i),
        _ => None,
    })
}

/// Whether `path` is `pattern` with any array indices.
fn same_place(pattern: &[Seg], path: &[Seg]) -> bool {
    pattern.len() == path.len()
        && pattern.iter().zip(path).all(|(a, b)| match (a, b) {
            (Seg::Index(_), Seg::Index(_)) => true,
            _ => a == b,
        })
}

/// Every existing container path that is `pattern` with any array indices.
fn containers(node: &Value, pattern: &[Seg], prefix: &mut Vec<Seg>, out: &mut Vec<Vec<Seg>>) {
    let Some((first, rest)) = pattern.split_first() else {
        out.push(prefix.clone());
        return;
    };
    match (first, node) {
        (Seg::Key(k), Value::Object(map)) => {
            if let Some(child) = map.get(k) {
                prefix.push(first.clone());
                containers(child, rest, prefix, out);
                prefix.pop();
            }
        }
        (Seg::Index(_), Value::Array(items)) => {
            for (i, child) in items.iter().enumerate() {
                prefix.push(Seg::Index(i));
                containers(child, rest, prefix, out);
                prefix.pop();
            }
        }
        _ => {}
    }
}

/// The places one failure stands for. A list often repeats one problem in every item (each
/// contact's avatar a string, each conversation without a field), so a missing field is
/// looked for, and a value of the wrong JSON type is looked for by its kind, at the same place
/// in every item of the enclosing lists. Other failures stand for themselves.
fn places(tree: &Value, path: &[Seg], missing: bool, by_kind: bool) -> Vec<Vec<Seg>> {
    let Some((last, init)) = path.split_last() else {
        return Vec::new();
    };
    let failing_kind = get(tree, path).map(kind);
    let mut parents = Vec::new();
    containers(tree, init, &mut Vec::new(), &mut parents);
    let mut out: Vec<Vec<Seg>> = parents
        .into_iter()
        .filter_map(|mut parent| {
            let node = get(tree, &parent)?;
            let fits = match (last, node) {
                (Seg::Key(k), Value::Object(map)) if missing => !map.contains_key(k),
                (Seg::Key(k), Value::Object(map)) if by_kind => {
                    map.get(k).map(kind) == failing_kind
                }
                (Seg::Index(_), Value::Array(_)) if by_kind => true,
                _ => false,
            };
            match last {
                Seg::Index(_) if fits => {
                    let Value::Array(items) = node else {
                        return None;
                    };
                    let mut all = Vec::new();
                    for (i, item) in items.iter().enumerate() {
                        if Some(kind(item)) == failing_kind {
                            let mut place = parent.clone();
                            place.push(Seg::Index(i));
                            all.push(place);
                        }
                    }
                    Some(all)
                }
                _ if fits => {
                    parent.push(last.clone());
                    Some(vec![parent])
                }
                _ => None,
            }
        })
        .flatten()
        .collect();
    if !out.iter().any(|p| p == path) {
        out.push(path.to_vec());
    }
    // Later array items first, so that removing one does not move the others.
    out.sort_by(|a, b| b.cmp(a));
    out
}

/// Removes the value at `path`: the key of an object, the element of an array.
fn remove(tree: &mut Value, path: &[Seg]) -> Option<Value> {
    match parent_mut(tree, path)? {
        (Value::Object(map), Seg::Key(key)) => map.remove(&key),
        (Value::Array(items), Seg::Index(i)) if i < items.len() => Some(items.remove(i)),
        _ => None,
    }
}

/// Decodes an already parsed JSON tree as `T`, removing what does not fit.
pub(crate) fn salvage<T: DeserializeOwned>(mut tree: Value) -> Result<Decoded<T>, Unsalvageable> {
    let mut warnings: Vec<DecodeWarning> = Vec::new();
    // Places set to `null`: failing there again means the null does not fit either (a map
    // value), so those entries are removed instead.
    let mut nulled: Vec<Vec<Seg>> = Vec::new();
    for _ in 0..=MAX_SALVAGE {
        let error = match serde_path_to_error::deserialize::<_, T>(&tree) {
            Ok(value) => return Ok(Decoded { value, warnings }),
            Err(error) => error,
        };
        let Some((mut path, message)) = locate(&error) else {
            return Err(Unsalvageable {
                path: error.path().to_string(),
                message: error.inner().to_string(),
            });
        };
        let missing = missing_field(&message).map(str::to_string);
        let null = null_field(&message).map(str::to_string);
        if let Some(field) = missing.as_ref().or(null.as_ref()) {
            path.push(Seg::Key(field.clone()));
        }
        if path.is_empty() || get(&tree, &path[..path.len() - 1]).is_none() {
            return Err(Unsalvageable {
                path: render(&path),
                message,
            });
        }
        if nulled.contains(&path) {
            let (again, kept): (Vec<_>, Vec<_>) =
                nulled.into_iter().partition(|p| same_place(&path, p));
            nulled = kept;
            for place in again {
                match parent_mut(&mut tree, &place) {
                    // An always-present field whose value salvage dropped: its default, the
                    // drop already reported.
                    Some((Value::Object(map), Seg::Key(key))) if null.is_some() => {
                        grant(map, &key);
                    }
                    _ => {
                        remove(&mut tree, &place);
                    }
                }
            }
            continue;
        }
        let by_kind = message.starts_with("invalid type:") || null.is_some();
        let default = missing.is_some() || null.is_some();
        for place in places(&tree, &path, missing.is_some(), by_kind) {
            let rendered = render(&place);
            let (action, found) = match parent_mut(&mut tree, &place) {
                Some((Value::Object(map), Seg::Key(key)))
                    if null.is_some() && nulled.contains(&place) =>
                {
                    grant(map, &key);
                    continue;
                }
                Some((Value::Object(map), Seg::Key(key))) if default => {
                    let old = grant(map, &key);
                    nulled.push(place);
                    (Salvage::Defaulted, old.as_ref().map(preview))
                }
                Some((Value::Object(map), Seg::Key(key))) => {
                    let old = map.insert(key, Value::Null);
                    nulled.push(place);
                    match old {
                        None => (Salvage::Defaulted, None),
                        Some(old) => (Salvage::Dropped, Some(preview(&old))),
                    }
                }
                Some((Value::Array(_), Seg::Index(_))) => match remove(&mut tree, &place) {
                    Some(old) => (Salvage::Dropped, Some(preview(&old))),
                    None => continue,
                },
                _ => continue,
            };
            warnings.push(DecodeWarning {
                path: rendered,
                action,
                message: message.clone(),
                found,
            });
        }
    }
    Err(Unsalvageable {
        path: String::new(),
        message: format!("still not decodable after {MAX_SALVAGE} salvage steps; giving up"),
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[derive(Debug, serde::Deserialize)]
    struct Item {
        #[serde(deserialize_with = "crate::runtime::field::string")]
        id: String,
        #[serde(default)]
        avatar: Option<Avatar>,
        #[serde(default)]
        labels: Option<std::collections::BTreeMap<String, i64>>,
    }

    #[derive(Debug, serde::Deserialize)]
    struct Avatar {
        #[serde(default)]
        image_url: Option<String>,
    }

    #[derive(Debug, serde::Deserialize)]
    struct List {
        data: Vec<Item>,
    }

    fn run(json: &str) -> Result<Decoded<List>, Unsalvageable> {
        decode::<List>(json.as_bytes())
    }

    #[test]
    fn a_problem_repeated_in_every_item_is_one_step() {
        let items: Vec<String> = (0..200)
            .map(|i| format!(r#"{{"avatar": "https://x/{i}.png"}}"#))
            .collect();
        let json = format!(r#"{{"data": [{}]}}"#, items.join(","));
        let decoded = run(&json).expect("salvaged");
        assert_eq!(decoded.value.data.len(), 200);
        assert!(decoded
            .value
            .data
            .iter()
            .all(|i| i.avatar.is_none() && i.id.is_empty()));
        // 200 missing ids and 200 avatars of the wrong shape, each named.
        assert_eq!(decoded.warnings.len(), 400);
        assert!(decoded.warnings.iter().any(|w| w.path == "data[199].avatar"
            && w.action == Salvage::Dropped
            && w.found.as_deref() == Some("\"https://x/199.png\"")));
        assert!(decoded
            .warnings
            .iter()
            .any(|w| w.path == "data[0].id" && w.action == Salvage::Defaulted));
    }

    #[test]
    fn only_siblings_of_the_same_kind_are_dropped() {
        let json =
            r#"{"data": [{"id": "1", "avatar": {"image_url": "u"}}, {"id": "2", "avatar": 5}]}"#;
        let decoded = run(json).expect("salvaged");
        assert_eq!(decoded.warnings.len(), 1, "{:?}", decoded.warnings);
        assert_eq!(decoded.warnings[0].path, "data[1].avatar");
        assert_eq!(
            decoded.value.data[0]
                .avatar
                .as_ref()
                .and_then(|a| a.image_url.as_deref()),
            Some("u")
        );
    }

    #[test]
    fn a_map_value_that_does_not_fit_is_removed_with_one_warning() {
        let json = r#"{"data": [{"id": "1", "labels": {"a": 1, "b": [2], "c": 3}}]}"#;
        let decoded = run(json).expect("salvaged");
        assert_eq!(decoded.warnings.len(), 1, "{:?}", decoded.warnings);
        assert_eq!(decoded.warnings[0].path, "data[0].labels.b");
        let labels = decoded.value.data[0].labels.clone().unwrap_or_default();
        assert_eq!(labels.len(), 2);
    }

    #[test]
    fn wrong_top_levels_and_non_json_are_errors() {
        assert!(run("[1, 2]").is_err());
        assert!(run(r#"{"data": 5}"#).is_err());
        assert!(run("<html>").is_err());
        assert!(run(r#"{"data": []} trailing"#).is_err());
        let dropped = run(r#"{"data": [1, {"id": "a"}, "x"]}"#).expect("salvaged");
        assert_eq!(dropped.value.data.len(), 1);
        assert_eq!(dropped.warnings.len(), 2);
    }

    #[test]
    fn paths_round_trip() {
        for text in ["a", "a.b", "data[3].avatar", "a[0][1].b", "x.y[12]"] {
            let parsed = parse(text).unwrap();
            assert_eq!(render(&parsed), text);
        }
        assert_eq!(parse("."), Some(vec![]));
        assert_eq!(parse("a[x]"), None);
        assert_eq!(parse("a[1"), None);
    }

    #[test]
    fn positions_are_stripped() {
        assert_eq!(
            strip_position("invalid type: string \"x\", expected i64 at line 1 column 9"),
            "invalid type: string \"x\", expected i64"
        );
        assert_eq!(strip_position("missing field `id`"), "missing field `id`");
    }

    #[test]
    fn previews_are_short() {
        let long = Value::String("é".repeat(200));
        let p = preview(&long);
        assert_eq!(p.chars().count(), 81);
        assert!(p.ends_with('…'));
    }

    #[test]
    fn expected_is_read_from_the_message() {
        let w = DecodeWarning {
            path: "a".into(),
            action: Salvage::Dropped,
            message: "invalid type: string \"x\", expected struct Avatar".into(),
            found: Some("\"x\"".into()),
        };
        assert_eq!(w.expected(), Some("struct Avatar"));
        assert_eq!(
            w.to_string(),
            "dropped `a`: invalid type: string \"x\", expected struct Avatar (found \"x\")"
        );
    }
}
