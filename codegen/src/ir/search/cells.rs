//! The cells of the two tables: field names, field types, and operators' valid types.

use super::model::{FieldName, SearchType};

/// Which fields an operator row accepts.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Valid {
    /// `All`, or `All except Date and tag_id`: every type but these, every field but these.
    AllExcept {
        /// Types excluded.
        types: Vec<SearchType>,
        /// Fields excluded by name.
        fields: Vec<String>,
    },
    /// `Integer<br>Date`: these types only.
    Only(Vec<SearchType>),
}

impl Valid {
    /// Whether a field named `field` of type `ty` may use the operator.
    pub fn covers(&self, ty: SearchType, field: &str) -> bool {
        match self {
            Valid::AllExcept { types, fields } => {
                !types.contains(&ty) && !fields.iter().any(|f| f == field)
            }
            Valid::Only(types) => types.contains(&ty),
        }
    }
}

/// A field cell: `location.city`, `custom_attributes.{attribute_name}` (backticks allowed).
pub fn field_name(cell: &str) -> Result<FieldName, String> {
    let text = cell.trim().trim_matches('`');
    let bad = || format!("`{cell}` is not a field name (expected `a.b_c` or `a.{{name}}`)");
    let name = match text.split_once('{') {
        None => FieldName::Fixed(text.to_string()),
        Some((prefix, rest)) => {
            let (placeholder, suffix) = rest.split_once('}').ok_or_else(bad)?;
            if placeholder.is_empty() || !is_path(placeholder) || placeholder.contains('.') {
                return Err(bad());
            }
            FieldName::Template {
                prefix: prefix.to_string(),
                placeholder: placeholder.to_string(),
                suffix: suffix.to_string(),
            }
        }
    };
    let joined = match &name {
        FieldName::Fixed(path) => path.clone(),
        FieldName::Template { prefix, suffix, .. } => format!("{prefix}x{suffix}"),
    };
    if joined.is_empty() || !is_path(&joined) || joined.split('.').any(str::is_empty) {
        return Err(bad());
    }
    Ok(name)
}

fn is_path(text: &str) -> bool {
    text.chars()
        .all(|c| c.is_ascii_alphanumeric() || c == '_' || c == '.')
        && text.starts_with(|c: char| c.is_ascii_alphabetic() || c == '_')
}

/// A type cell: the types and the rest of the cell as a note.
///
/// `String`, `Date (UNIX Timestamp)`, `String or Boolean or Float`, `String<br>Accepts user or
/// lead` (note), or a sentence with the types in parentheses:
/// `Matches the attribute's own type<br>(String, Integer, Float, Boolean or Date)`.
pub fn field_types(cell: &str) -> Result<(Vec<SearchType>, Option<String>), String> {
    let mut parts = cell.split("<br>").map(str::trim);
    let head = parts.next().unwrap_or_default();
    let rest: Vec<&str> = parts.filter(|p| !p.is_empty()).collect();
    if let Ok(types) = type_list(&without_parentheses(head)) {
        let note = (!rest.is_empty()).then(|| rest.join(" "));
        return Ok((types, note));
    }
    for group in parenthesised(cell) {
        if let Ok(types) = type_list(group) {
            let note = cell.replace("<br>", " ").replace(&format!("({group})"), "");
            let note = note.split_whitespace().collect::<Vec<_>>().join(" ");
            return Ok((types, (!note.is_empty()).then_some(note)));
        }
    }
    Err(format!(
        "type `{cell}` is not a list of String, Integer, Float, Boolean, Date, Datetime"
    ))
}

/// A valid-types cell: `All`, `All except Date, Datetime and tag_id`, `Integer<br>Date`,
/// `Integer  Date (UNIX Timestamp)`. `fields` are the names an exception may mention.
pub fn valid_types(cell: &str, fields: &[String]) -> Result<Valid, String> {
    let text = without_parentheses(&cell.replace("<br>", ","));
    let words = words(&text);
    let Some(first) = words.first() else {
        return Err("empty valid-types cell".into());
    };
    if !first.eq_ignore_ascii_case("all") {
        return type_list(&text)
            .map(Valid::Only)
            .map_err(|m| format!("valid types `{cell}`: {m}"));
    }
    let mut types = Vec::new();
    let mut excluded = Vec::new();
    match words.get(1) {
        None => {}
        Some(w) if w.eq_ignore_ascii_case("except") && words.len() > 2 => {
            for word in &words[2..] {
                if let Some(ty) = search_type(word) {
                    types.push(ty);
                } else if fields.iter().any(|f| f == word) {
                    excluded.push((*word).to_string());
                } else {
                    return Err(format!(
                        "valid types `{cell}`: `{word}` is neither a type nor a field of the table"
                    ));
                }
            }
        }
        Some(_) => {
            return Err(format!(
                "valid types `{cell}`: expected `All` or `All except …`"
            ))
        }
    }
    Ok(Valid::AllExcept {
        types,
        fields: excluded,
    })
}

/// `String, Integer or Date` -> the types; any other word is an error.
fn type_list(text: &str) -> Result<Vec<SearchType>, String> {
    let words = words(text);
    if words.is_empty() {
        return Err("no type".into());
    }
    let mut types = Vec::new();
    for word in words {
        let ty = search_type(word).ok_or_else(|| format!("`{word}` is not a type"))?;
        if !types.contains(&ty) {
            types.push(ty);
        }
    }
    Ok(types)
}

/// Words separated by spaces and commas, without the joining `and` / `or`.
fn words(text: &str) -> Vec<&str> {
    text.split(|c: char| c.is_whitespace() || c == ',')
        .filter(|w| {
            !w.is_empty() && !w.eq_ignore_ascii_case("and") && !w.eq_ignore_ascii_case("or")
        })
        .collect()
}

fn search_type(word: &str) -> Option<SearchType> {
    let types = [
        SearchType::String,
        SearchType::Integer,
        SearchType::Float,
        SearchType::Boolean,
        SearchType::Date,
        SearchType::Datetime,
    ];
    types
        .into_iter()
        .find(|t| t.spec().eq_ignore_ascii_case(word))
}

/// `Date (UNIX Timestamp)` -> `Date `.
fn without_parentheses(text: &str) -> String {
    let mut out = String::new();
    let mut depth = 0usize;
    for c in text.chars() {
        match c {
            '(' => depth += 1,
            ')' => depth = depth.saturating_sub(1),
            _ if depth == 0 => out.push(c),
            _ => {}
        }
    }
    out
}

/// The contents of each top-level `( … )` group.
fn parenthesised(text: &str) -> Vec<&str> {
    let mut out = Vec::new();
    let mut rest = text;
    while let Some(start) = rest.find('(') {
        let Some(len) = rest[start..].find(')') else {
            break;
        };
        out.push(&rest[start + 1..start + len]);
        rest = &rest[start + len + 1..];
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use SearchType::*;

    #[test]
    fn field_names() {
        assert_eq!(
            field_name("location.city"),
            Ok(FieldName::Fixed("location.city".into()))
        );
        assert_eq!(
            field_name("custom_attributes.{attribute_name}"),
            Ok(FieldName::Template {
                prefix: "custom_attributes.".into(),
                placeholder: "attribute_name".into(),
                suffix: std::string::String::new(),
            })
        );
        for bad in ["", "a b", "a..b", "a.{}", "a.{x", "a.{x.y}", "{{x}}"] {
            assert!(field_name(bad).is_err(), "{bad:?}");
        }
    }

    #[test]
    fn field_type_cells() {
        assert_eq!(field_types("Date (UNIX Timestamp)"), Ok((vec![Date], None)));
        assert_eq!(
            field_types("String<br>Accepts user or lead"),
            Ok((vec![String], Some("Accepts user or lead".into())))
        );
        assert_eq!(
            field_types("String or Boolean or Date (UNIX timestamp) or Float or Integer"),
            Ok((vec![String, Boolean, Date, Float, Integer], None))
        );
        assert_eq!(
            field_types(
                "Matches the attribute's own type<br>(String, Integer, Float, Boolean or Date)"
            ),
            Ok((
                vec![String, Integer, Float, Boolean, Date],
                Some("Matches the attribute's own type".into())
            ))
        );
        assert_eq!(
            field_types("Datetime (Unix timestamp in seconds)"),
            Ok((vec![Datetime], None))
        );
        assert!(field_types("Timestamp")
            .unwrap_err()
            .contains("`Timestamp`"));
        assert!(field_types("").is_err());
    }

    #[test]
    fn valid_type_cells() {
        let fields = vec!["tag_id".to_string()];
        assert_eq!(
            valid_types("All", &fields),
            Ok(Valid::AllExcept {
                types: vec![],
                fields: vec![]
            })
        );
        let except = valid_types("All except Date, Datetime and tag_id", &fields).unwrap();
        assert_eq!(
            except,
            Valid::AllExcept {
                types: vec![Date, Datetime],
                fields: fields.clone()
            }
        );
        assert!(!except.covers(String, "tag_id"));
        assert!(except.covers(String, "email"));
        assert!(!except.covers(Date, "created_at"));
        assert_eq!(
            valid_types("Integer<br>Date", &fields),
            Ok(Valid::Only(vec![Integer, Date]))
        );
        assert_eq!(
            valid_types("Integer  Date (UNIX Timestamp)", &fields),
            Ok(Valid::Only(vec![Integer, Date]))
        );
        assert!(valid_types("All except owner", &fields)
            .unwrap_err()
            .contains("`owner`"));
        assert!(valid_types("Numbers", &fields).is_err());
        assert!(valid_types("All but Date", &fields).is_err());
    }
}
