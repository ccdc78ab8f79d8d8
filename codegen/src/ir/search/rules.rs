//! Per-field operator rules Intercom states in prose next to the tables:
//!
//! - ``Searching by `tag_id` supports only the `=` and `!=` operators.`` (contacts) narrows a
//!   field to the operators named;
//! - ``You may use the `<=` or `>=` operators to search by `created_at`.`` (tickets) adds them.
//!
//! Sentences of these two shapes must name a field of the table and known operators, else
//! generation fails; other prose is documentation only.

use super::markdown::backticked;
use super::model::SearchOperator;

/// The rules of one description.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Rules {
    /// `(field, operators)`: the field accepts only these.
    only: Vec<(String, Vec<SearchOperator>)>,
    /// `(field, operators)`: the field also accepts these.
    also: Vec<(String, Vec<SearchOperator>)>,
}

impl Rules {
    /// Applies the rules for `field` to the operators its table rows give it.
    pub fn apply(&self, field: &str, operators: &mut Vec<SearchOperator>) {
        for (_, extra) in self.also.iter().filter(|(f, _)| f == field) {
            operators.extend(extra.iter().copied());
        }
        for (_, allowed) in self.only.iter().filter(|(f, _)| f == field) {
            operators.retain(|op| allowed.contains(op));
        }
    }
}

/// Finds the rule sentences of `description`; `fields` are the fixed fields of its table.
pub fn parse(description: &str, fields: &[String]) -> Result<Rules, String> {
    let mut rules = Rules::default();
    let sentences = description.lines().flat_map(|line| line.split(". "));
    for sentence in sentences.filter(|s| s.contains('`')) {
        let only = sentence.contains("Searching by `") && sentence.contains("supports only");
        let also =
            sentence.contains("You may use the `") && sentence.contains("operators to search by `");
        if !only && !also {
            continue;
        }
        let spans = backticked(sentence);
        let (field, ops) = if only {
            spans.split_first().map(|(f, ops)| (*f, ops))
        } else {
            spans.split_last().map(|(f, ops)| (*f, ops))
        }
        .ok_or_else(|| format!("cannot read the rule `{}`", sentence.trim()))?;
        if !fields.iter().any(|f| f == field) {
            return Err(format!(
                "the rule `{}` names `{field}`, which is not in the fields table",
                sentence.trim()
            ));
        }
        let mut operators = Vec::new();
        for op in ops {
            operators.push(SearchOperator::parse(op).ok_or_else(|| {
                format!(
                    "the rule `{}` names an unknown operator `{op}`",
                    sentence.trim()
                )
            })?);
        }
        if operators.is_empty() {
            return Err(format!("the rule `{}` names no operator", sentence.trim()));
        }
        let list = if only {
            &mut rules.only
        } else {
            &mut rules.also
        };
        list.push((field.to_string(), operators));
    }
    Ok(rules)
}

#[cfg(test)]
mod tests {
    use super::*;
    use SearchOperator::*;

    #[test]
    fn reads_both_shapes() {
        let fields = vec!["tag_id".to_string(), "a.created_at".to_string()];
        let text = "Which operators are valid depends on the type. Searching by `tag_id` supports only the `=` and `!=` operators.\n  You may use the `<=` or `>=` operators to search by `a.created_at`.\n";
        let rules = parse(text, &fields).unwrap();
        let mut tag = vec![Eq, Ne, In, Contains];
        rules.apply("tag_id", &mut tag);
        assert_eq!(tag, [Eq, Ne]);
        let mut created = vec![Eq, Gt];
        rules.apply("a.created_at", &mut created);
        assert_eq!(created, [Eq, Gt, Le, Ge]);
    }

    #[test]
    fn rejects_rules_about_unknown_fields_or_operators() {
        let fields = vec!["tag_id".to_string()];
        let err = parse(
            "Searching by `tags` supports only the `=` operator.",
            &fields,
        )
        .unwrap_err();
        assert!(err.contains("`tags`"), "{err}");
        let err = parse(
            "Searching by `tag_id` supports only the `==` operator.",
            &fields,
        )
        .unwrap_err();
        assert!(err.contains("`==`"), "{err}");
    }
}
