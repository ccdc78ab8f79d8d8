//! Rust names for spec names: deterministic, explicit, and always valid identifiers.

use heck::{ToPascalCase, ToSnakeCase};

/// Search operators and other punctuation values get hand-chosen names.
const PUNCTUATION: &[(&str, &str)] = &[
    ("=", "Eq"),
    ("!=", "Ne"),
    ("<", "Lt"),
    ("<=", "Le"),
    (">", "Gt"),
    (">=", "Ge"),
    ("~", "Contains"),
    ("!~", "NotContains"),
    ("^", "StartsWith"),
    ("$", "EndsWith"),
    ("+", "Plus"),
    ("-", "Minus"),
    ("*", "Star"),
];

/// Words that cannot be identifiers even as raw identifiers (`r#self` is invalid).
const NOT_RAW: &[&str] = &["self", "Self", "super", "crate", "_"];

/// A PascalCase type name for a spec name (`admin_with_app` -> `AdminWithApp`).
pub fn type_name(spec: &str) -> String {
    let name = spec.to_pascal_case();
    let name: String = name
        .chars()
        .filter(|c| c.is_ascii_alphanumeric() || *c == '_')
        .collect();
    match name.chars().next() {
        None => "Unnamed".into(),
        Some(c) if c.is_ascii_digit() => format!("T{name}"),
        Some(_) => name,
    }
}

/// A snake_case identifier for a property or parameter (`pt-BR` -> `pt_br`; without `r#`).
pub fn field_ident(spec: &str) -> String {
    let name = spec.to_snake_case();
    let name: String = name
        .chars()
        .filter(|c| c.is_ascii_alphanumeric() || *c == '_')
        .collect();
    let name = match name.chars().next() {
        None => "field".into(),
        Some(c) if c.is_ascii_digit() => format!("n{name}"),
        Some(_) => name,
    };
    if NOT_RAW.contains(&name.as_str()) {
        format!("{name}_")
    } else {
        name
    }
}

/// A PascalCase variant name for an enum value (`>=` -> `Ge`, `2.14` -> `V2_14`,
/// `3rd_party_error` -> `V3rdPartyError`).
pub fn variant_name(value: &str) -> String {
    if let Some((_, name)) = PUNCTUATION.iter().find(|(p, _)| *p == value) {
        return (*name).to_string();
    }
    if value.is_empty() {
        return "Empty".into();
    }
    if value.chars().next().is_some_and(|c| c.is_ascii_digit()) {
        return digit_variant(value);
    }
    let name = type_name(value);
    if name == "Unnamed" {
        let hex: String = value.bytes().map(|b| format!("{b:02X}")).collect();
        return format!("X{hex}");
    }
    name
}

/// `V` and the value's words in PascalCase, keeping `_` only between two digits so numbers
/// stay apart (`2.14` -> `V2_14`, `3rd_party_error` -> `V3rdPartyError`).
fn digit_variant(value: &str) -> String {
    let mut name = String::from("V");
    let mut last: Option<char> = None;
    let words = value
        .split(|c: char| !c.is_ascii_alphanumeric())
        .filter(|w| !w.is_empty());
    for word in words {
        let mut chars = word.chars();
        let Some(first) = chars.next() else { continue };
        if last.is_some_and(|c| c.is_ascii_digit()) && first.is_ascii_digit() {
            name.push('_');
        }
        name.push(first.to_ascii_uppercase());
        name.extend(chars);
        last = word.chars().last();
    }
    name
}

/// Whether `ident` is a Rust keyword that needs `r#`.
pub fn is_keyword(ident: &str) -> bool {
    syn::parse_str::<syn::Ident>(ident).is_err()
}

/// Makes `candidate` unique among `taken` by appending 2, 3, … and records it.
pub fn unique(candidate: String, taken: &mut std::collections::BTreeSet<String>) -> String {
    if taken.insert(candidate.clone()) {
        return candidate;
    }
    let mut n = 2;
    loop {
        let next = format!("{candidate}{n}");
        if taken.insert(next.clone()) {
            return next;
        }
        n += 1;
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn names() {
        assert_eq!(type_name("admin_with_app"), "AdminWithApp");
        assert_eq!(type_name("2fa"), "T2fa");
        assert_eq!(field_ident("pt-BR"), "pt_br");
        assert_eq!(field_ident("zh-TW"), "zh_tw");
        assert_eq!(field_ident("type"), "type");
        assert_eq!(field_ident("self"), "self_");
        assert!(is_keyword("type"));
        assert!(!is_keyword("kind"));
        assert_eq!(variant_name(">="), "Ge");
        assert_eq!(variant_name("!~"), "NotContains");
        assert_eq!(variant_name("2.14"), "V2_14");
        assert_eq!(variant_name("3rd_party_error"), "V3rdPartyError");
        assert_eq!(variant_name("1.0-beta"), "V1_0Beta");
        assert_eq!(variant_name("Unstable"), "Unstable");
        assert_eq!(variant_name("news-item"), "NewsItem");
        assert_eq!(variant_name("@"), "X40");
    }
}
