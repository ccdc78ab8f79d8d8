use super::*;
use SearchOperator::*;

const GOOD: &str = "Intro.

| Field                  | Type                           |
| ---------------------- | ------------------------------ |
| id                     | String                         |
| role                   | String<br>Accepts user or lead |
| owner_id               | Integer                        |
| created_at             | Date (UNIX Timestamp)          |
| location.city          | String                         |
| tag_id                 | String                         |
| custom_attributes.{n}  | String or Boolean              |

Searching by `tag_id` supports only the `=` and `!=` operators.

| Operator | Valid Types                | Description |
| :------- | :------------------------- | :---------- |
| =        | All                        | Equals      |
| !=       | All except Date            | Not equal   |
| IN       | All except Date and tag_id | In          |
| >        | Integer<br>Date            | Greater     |
| ~        | String                     | Contains    |
";

fn kinds(fields: &[SearchField], spec: &str) -> Vec<(String, SearchType, Vec<SearchOperator>)> {
    let field = fields.iter().find(|f| f.name.spec() == spec).unwrap();
    field
        .kinds
        .iter()
        .map(|k| (k.ident.clone(), k.ty, k.operators.clone()))
        .collect()
}

#[test]
fn parses_fields_types_and_operators() {
    let fields = parse(GOOD).unwrap();
    assert_eq!(fields.len(), 7);
    assert_eq!(
        kinds(&fields, "id"),
        [("ID".into(), SearchType::String, vec![Eq, Ne, In, Contains])]
    );
    assert_eq!(fields[1].note.as_deref(), Some("Accepts user or lead"));
    assert_eq!(
        kinds(&fields, "owner_id"),
        [("OWNER_ID".into(), SearchType::Integer, vec![Eq, Ne, In, Gt])]
    );
    assert_eq!(
        kinds(&fields, "created_at"),
        [("CREATED_AT".into(), SearchType::Date, vec![Eq, Gt])]
    );
    assert_eq!(kinds(&fields, "location.city")[0].0, "LOCATION_CITY");
    assert_eq!(kinds(&fields, "tag_id")[0].2, [Eq, Ne]);
    assert_eq!(
        kinds(&fields, "custom_attributes.{n}"),
        [
            (
                "custom_attributes_string".into(),
                SearchType::String,
                vec![Eq, Ne, In, Contains]
            ),
            (
                "custom_attributes_boolean".into(),
                SearchType::Boolean,
                vec![Eq, Ne, In]
            ),
        ]
    );
}

/// Replaces `from` in the good description, checking it was there.
fn broken(from: &str, to: &str) -> String {
    assert!(GOOD.contains(from), "{from}");
    GOOD.replacen(from, to, 1)
}

#[test]
fn missing_or_malformed_tables_fail_loudly() {
    let cases = [
        (
            broken("| Field ", "| Name  "),
            "no `| field | type |` table",
        ),
        (
            broken("| Operator |", "| Op       |"),
            "no `| operator | valid types |` table",
        ),
        (
            broken(
                "| owner_id               | Integer                        |",
                "| owner_id |",
            ),
            "has 1 cells",
        ),
        (
            broken("Date (UNIX Timestamp)", "Timestamp"),
            "field `created_at`: type `Timestamp`",
        ),
        (
            broken("| ~        |", "| ≈        |"),
            "unknown operator `≈`",
        ),
        (
            broken("All except Date and tag_id", "All except Date and tags"),
            "`tags` is neither a type nor a field",
        ),
        (
            broken("| location.city ", "| location city "),
            "`location city` is not a field name",
        ),
        (
            broken(
                "| ---------------------- | ------------------------------ |\n",
                "",
            ),
            "no separator row",
        ),
        (
            broken("Searching by `tag_id`", "Searching by `tag`"),
            "names `tag`, which is not in the fields table",
        ),
    ];
    for (description, expected) in cases {
        let error = parse(&description).expect_err(expected);
        assert!(
            error.contains(expected),
            "expected {expected:?} in {error:?}"
        );
    }
}

#[test]
fn duplicate_rows_and_colliding_names_fail() {
    let twice = broken("| owner_id ", "| id       ");
    assert!(parse(&twice)
        .unwrap_err()
        .contains("field `id` is listed twice"));
    let collide = broken("| owner_id ", "| location_city ");
    let error = parse(&collide).unwrap_err();
    assert!(
        error.contains("both get the Rust name `LOCATION_CITY`"),
        "{error}"
    );
}
