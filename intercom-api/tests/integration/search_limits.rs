//! The limits checked before sending, one test each: nesting depth, group size, empty groups,
//! per-field operators from the catalogue (and its prose rules), non-finite numbers.

use intercom_api::models::ContactRole;
use intercom_api::search::{
    and, or, Combinator, ContactField, Contacts, ConversationField, Invalid, Operator, Query,
    Search, TicketField, MAX_DEPTH, MAX_GROUP_LEN,
};

fn emails(n: usize) -> Vec<Query<Contacts>> {
    (0..n)
        .map(|i| ContactField::EMAIL.eq(format!("{i}@example.com")))
        .collect()
}

#[test]
fn two_levels_of_groups_are_allowed_three_are_not() {
    let two = and([or(emails(2)), or(emails(2))]);
    assert_eq!(two.depth(), MAX_DEPTH);
    assert_eq!(two.validate(), Ok(()));

    let three = and([or([and(emails(2))])]);
    assert_eq!(three.depth(), 3);
    let error = three.validate().unwrap_err();
    assert_eq!(
        error,
        Invalid::TooDeep {
            resource: "contacts",
            depth: 3
        }
    );
    assert_eq!(
        error.to_string(),
        "contacts search: the query nests groups 3 levels deep; Intercom allows at most 2"
    );
}

#[test]
fn fifteen_entries_per_group_are_allowed_sixteen_are_not() {
    assert_eq!(and(emails(MAX_GROUP_LEN)).validate(), Ok(()));
    let error = or(emails(16)).validate().unwrap_err();
    assert_eq!(
        error,
        Invalid::TooManyFilters {
            resource: "contacts",
            combinator: Combinator::Or,
            count: 16
        }
    );
    assert!(error
        .to_string()
        .contains("an OR group has 16 entries; Intercom allows at most 15"));

    // Also inside a nested group.
    let nested = and([ContactField::ROLE.eq(ContactRole::User), or(emails(16))]);
    assert!(matches!(
        nested.validate(),
        Err(Invalid::TooManyFilters { count: 16, .. })
    ));
}

#[test]
fn groups_need_an_entry() {
    let empty = and(Vec::<Query<Contacts>>::new());
    assert_eq!(
        empty.validate(),
        Err(Invalid::EmptyGroup {
            resource: "contacts",
            combinator: Combinator::And
        })
    );
}

#[test]
fn contact_dates_take_only_eq_gt_lt() {
    let error = ContactField::CREATED_AT
        .ge(1577836800)
        .validate()
        .unwrap_err();
    assert_eq!(
        error,
        Invalid::OperatorNotAllowed {
            resource: "contacts",
            field: "created_at".into(),
            kind: "Date",
            operator: Operator::Ge,
            allowed: vec![Operator::Eq, Operator::Gt, Operator::Lt],
        }
    );
    assert_eq!(
        error.to_string(),
        "contacts search: operator `>=` is not accepted on `created_at` (Date); Intercom documents `=`, `>`, `<` for it"
    );
    for bad in [
        ContactField::CREATED_AT.ne(1),
        ContactField::CREATED_AT.le(1),
        ContactField::UPDATED_AT.is_in([1]),
        ContactField::LAST_SEEN_AT.not_in([1]),
    ] {
        assert!(
            matches!(bad.validate(), Err(Invalid::OperatorNotAllowed { .. })),
            "{bad:?}"
        );
    }
    assert_eq!(ContactField::CREATED_AT.lt(1).validate(), Ok(()));
}

#[test]
fn tag_id_takes_only_eq_and_ne() {
    assert_eq!(ContactField::TAG_ID.eq("7").validate(), Ok(()));
    assert_eq!(ContactField::TAG_ID.ne("7").validate(), Ok(()));
    for bad in [
        ContactField::TAG_ID.is_in(["7"]),
        ContactField::TAG_ID.contains("7"),
        ContactField::TAG_ID.starts_with("7"),
    ] {
        assert!(
            matches!(bad.validate(), Err(Invalid::OperatorNotAllowed { .. })),
            "{bad:?}"
        );
    }
}

#[test]
fn operators_follow_each_endpoints_table() {
    // Conversations document `>` and `<` but not `>=` / `<=`.
    assert_eq!(
        ConversationField::STATISTICS_COUNT_REOPENS.gt(2).validate(),
        Ok(())
    );
    assert!(ConversationField::STATISTICS_COUNT_REOPENS
        .ge(2)
        .validate()
        .is_err());
    // Tickets add `<=` / `>=` for `created_at` only, in prose.
    assert_eq!(TicketField::CREATED_AT.ge(1).validate(), Ok(()));
    assert_eq!(TicketField::CREATED_AT.le(1).validate(), Ok(()));
    assert!(TicketField::UPDATED_AT.ge(1).validate().is_err());
    // Floats have no `>` in the table.
    assert!(TicketField::ticket_attribute_float("x")
        .gt(1.0)
        .validate()
        .is_err());
}

#[test]
fn numbers_must_be_finite() {
    let nan = TicketField::ticket_attribute_float("score").eq(f64::NAN);
    assert_eq!(
        nan.validate(),
        Err(Invalid::NotFinite {
            resource: "tickets",
            field: "ticket_attribute.score".into()
        })
    );
    let inf = TicketField::ticket_attribute_float("score").is_in([1.0, f64::INFINITY]);
    assert!(inf.validate().is_err());
}

#[test]
fn a_search_checks_its_query_and_errors_convert() {
    let search = Search::new(and([ContactField::TAG_ID.contains("x")])).per_page(5);
    let invalid = search.validate().unwrap_err();
    let error: intercom_api::Error = invalid.clone().into();
    assert!(
        matches!(&error, intercom_api::Error::InvalidInput(m) if *m == invalid.to_string()),
        "{error:?}"
    );
}
