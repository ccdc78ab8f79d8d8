//! The search builder's JSON equals, key for key and in the same order, the queries Intercom
//! documents: the spec's own request examples, the SDK seeds, nested AND-of-ORs.

use intercom_api::models::{ContactRole, ConversationState};
use intercom_api::search::{
    and, or, ContactField, Contacts, ConversationField, Conversations, Field, Order, Query, Search,
    TicketField,
};
use intercom_api::Timestamp;
use serde_json::json;

/// The `successful` request example of a search operation in the pinned spec.
fn spec_example(path: &str) -> serde_json::Value {
    let options = codegen::testing::options(intercom_api::API_VERSION);
    let doc = codegen::load::load(&options).unwrap_or_else(|e| panic!("{e}"));
    let pointer = format!(
        "/paths/{}/post/requestBody/content/application~1json/examples/successful/value",
        path.replace('/', "~1")
    );
    doc.raw
        .pointer(&pointer)
        .cloned()
        .unwrap_or_else(|| panic!("no request example at {pointer}"))
}

const CREATED_AFTER: &str = r#"{"query":{"operator":"AND","value":[{"field":"created_at","operator":">","value":"1306054154"}]},"pagination":{"per_page":5}}"#;

#[test]
fn contacts_created_after_matches_the_spec_and_seed() {
    let search = Search::new(and([ContactField::CREATED_AT.gt(Timestamp(1306054154))])).per_page(5);
    assert_eq!(serde_json::to_string(&search).unwrap(), CREATED_AFTER);
    assert!(search.validate().is_ok());
    // 2.16's example sorts the contacts too.
    let sorted = search.sort(ContactField::CREATED_AT, Order::Ascending);
    assert_eq!(sorted.to_json(), spec_example("/contacts/search"));
    assert!(sorted.validate().is_ok());
}

#[test]
fn conversations_and_tickets_created_after_match_the_spec() {
    let conversations =
        Search::new(and([ConversationField::CREATED_AT.gt(1306054154)])).per_page(5);
    assert_eq!(
        serde_json::to_string(&conversations).unwrap(),
        CREATED_AFTER
    );
    assert_eq!(
        conversations.to_json(),
        spec_example("/conversations/search")
    );

    let tickets = Search::new(and([TicketField::CREATED_AT.gt(1306054154)])).per_page(5);
    assert_eq!(serde_json::to_string(&tickets).unwrap(), CREATED_AFTER);
    assert_eq!(tickets.to_json(), spec_example("/tickets/search"));
}

/// Seed 000, step 7: `client.conversations.search({query: {operator: "AND", value: [state =
/// open, admin_assignee_id = "12345"]}, pagination: {per_page: 20}, sort: {field: "updated_at",
/// order: "descending"}})`.
#[test]
fn open_conversations_of_an_admin_sorted_match_the_seed() {
    let search = Search::new(and([
        ConversationField::STATE.eq(ConversationState::Open),
        ConversationField::ADMIN_ASSIGNEE_ID.eq(12345),
    ]))
    .per_page(20)
    .sort(ConversationField::UPDATED_AT, Order::Descending);
    let seed = r#"{"query":{"operator":"AND","value":[{"field":"state","operator":"=","value":"open"},{"field":"admin_assignee_id","operator":"=","value":"12345"}]},"pagination":{"per_page":20},"sort":{"field":"updated_at","order":"descending"}}"#;
    assert_eq!(serde_json::to_string(&search).unwrap(), seed);
    assert!(search.validate().is_ok());
}

#[test]
fn nested_and_of_ors() {
    // (1 OR 2) AND (3 OR 4), Intercom's own nesting example.
    let query = and([
        or([
            ContactField::ROLE.eq(ContactRole::User),
            ContactField::ROLE.eq(ContactRole::Lead),
        ]),
        or([
            ContactField::LOCATION_CITY.starts_with("San"),
            ContactField::custom_attributes("plan").is_in(["pro", "team"]),
        ]),
    ]);
    assert_eq!(query.depth(), 2);
    assert!(query.validate().is_ok());
    assert_eq!(
        query.to_json(),
        json!({"operator": "AND", "value": [
            {"operator": "OR", "value": [
                {"field": "role", "operator": "=", "value": "user"},
                {"field": "role", "operator": "=", "value": "lead"},
            ]},
            {"operator": "OR", "value": [
                {"field": "location.city", "operator": "^", "value": "San"},
                {"field": "custom_attributes.plan", "operator": "IN", "value": ["pro", "team"]},
            ]},
        ]})
    );
}

#[test]
fn filters_and_groups_mix_in_one_group() {
    let query = and([
        ConversationField::OPEN.eq(true),
        or([
            ConversationField::SOURCE_AUTHOR_EMAIL.ends_with("@example.com"),
            ConversationField::STATISTICS_TIME_TO_ADMIN_REPLY.gt(3600),
        ]),
    ]);
    assert!(query.validate().is_ok());
    assert_eq!(
        query.to_json(),
        json!({"operator": "AND", "value": [
            {"field": "open", "operator": "=", "value": true},
            {"operator": "OR", "value": [
                {"field": "source.author.email", "operator": "$", "value": "@example.com"},
                {"field": "statistics.time_to_admin_reply", "operator": ">", "value": "3600"},
            ]},
        ]})
    );
}

#[test]
fn a_single_filter_is_a_query_on_its_own() {
    let search = Search::from(ContactField::EMAIL.eq("ada@example.com")).starting_after("WzE2");
    assert_eq!(
        serde_json::to_string(&search).unwrap(),
        r#"{"query":{"field":"email","operator":"=","value":"ada@example.com"},"pagination":{"starting_after":"WzE2"}}"#
    );
    let plain: Search<Conversations> = Search::new(ConversationField::ADMIN_ASSIGNEE_ID.ne(7));
    assert_eq!(
        plain.to_json(),
        json!({"query": {"field": "admin_assignee_id", "operator": "!=", "value": "7"}})
    );
}

#[test]
fn every_operator_is_written_as_intercom_spells_it() {
    let f = ConversationField::SOURCE_ID;
    let n = ConversationField::ADMIN_ASSIGNEE_ID;
    let cases: Vec<(Query<Conversations>, &str)> = vec![
        (f.eq("a"), "="),
        (f.ne("a"), "!="),
        (f.is_in(["a"]), "IN"),
        (f.not_in(vec!["a".to_string()]), "NIN"),
        (n.gt(1), ">"),
        (n.ge(1), ">="),
        (n.lt(1), "<"),
        (n.le(1), "<="),
        (f.contains("a"), "~"),
        (f.not_contains("a"), "!~"),
        (f.starts_with("a"), "^"),
        (f.ends_with("a"), "$"),
    ];
    for (query, op) in cases {
        assert_eq!(query.to_json()["operator"], op);
    }
}

#[test]
fn templated_fields_take_their_name() {
    let ticket = TicketField::ticket_attribute_integer(42).gt(3);
    assert_eq!(
        ticket.to_json(),
        json!({"field": "ticket_attribute.42", "operator": ">", "value": "3"})
    );
    let float = TicketField::ticket_attribute_float("score").eq(1.5);
    assert_eq!(float.to_json()["value"], "1.5");
    let date = TicketField::ticket_attribute_date("due").lt(std::time::UNIX_EPOCH);
    assert_eq!(date.to_json()["value"], "0");
    assert_eq!(
        ContactField::custom_attributes("plan").path(),
        "custom_attributes.plan"
    );
}

#[test]
fn unlisted_fields_are_sent_as_named() {
    let score: Field<Contacts, intercom_api::search::kinds::Integer> =
        Field::unlisted("custom_attributes.score");
    let query = score.ge(10);
    assert!(query.validate().is_ok(), "no catalogue restriction applies");
    assert_eq!(
        query.to_json(),
        json!({"field": "custom_attributes.score", "operator": ">=", "value": "10"})
    );
}

#[cfg(feature = "chrono")]
#[test]
fn chrono_date_times_are_dates() {
    use chrono::TimeZone;
    let day = chrono::Utc.with_ymd_and_hms(2020, 1, 1, 0, 0, 0).unwrap();
    let query = ContactField::CREATED_AT.eq(day);
    assert_eq!(query.to_json()["value"], "1577836800");
}

#[cfg(feature = "time")]
#[test]
fn time_date_times_are_dates() {
    let day = time::OffsetDateTime::from_unix_timestamp(1577836800).unwrap();
    let query = ContactField::CREATED_AT.eq(day);
    assert_eq!(query.to_json()["value"], "1577836800");
}

/// Fields whose values are a generated enum take that enum, and send its wire string exactly
/// as Intercom spells it.
#[test]
fn enum_fields_send_the_enums_wire_values() {
    use intercom_api::models::ConversationPriority::{High, Low, Urgent};
    use intercom_api::models::{ConversationSourceDeliveredAs, ConversationState};

    let priority = ConversationField::PRIORITY.is_in([High, Urgent]);
    assert_eq!(
        serde_json::to_string(&priority).unwrap(),
        r#"{"field":"priority","operator":"IN","value":["high","urgent"]}"#
    );
    assert!(priority.validate().is_ok());
    let cases: Vec<(Query<Conversations>, &str)> = vec![
        (
            ConversationField::STATE.eq(ConversationState::Snoozed),
            r#"{"field":"state","operator":"=","value":"snoozed"}"#,
        ),
        (
            ConversationField::STATE.ne(ConversationState::Closed),
            r#"{"field":"state","operator":"!=","value":"closed"}"#,
        ),
        (
            ConversationField::PRIORITY.not_in(vec![Low]),
            r#"{"field":"priority","operator":"NIN","value":["low"]}"#,
        ),
        (
            ConversationField::SOURCE_DELIVERED_AS.eq(ConversationSourceDeliveredAs::Automated),
            r#"{"field":"source.delivered_as","operator":"=","value":"automated"}"#,
        ),
    ];
    for (query, wire) in cases {
        assert!(query.validate().is_ok(), "{wire}");
        assert_eq!(serde_json::to_string(&query).unwrap(), wire);
    }
    let role = ContactField::ROLE.eq(ContactRole::Lead);
    assert_eq!(
        role.to_json(),
        json!({"field": "role", "operator": "=", "value": "lead"})
    );
}

/// An enum field accepts the equality operators only, as Intercom's table allows for strings.
#[test]
fn enum_fields_take_the_equality_operators() {
    use intercom_api::search::Operator::{Eq, In, Ne, Nin};
    assert_eq!(
        ConversationField::PRIORITY.operators(),
        Some(&[Eq, Ne, In, Nin][..])
    );
    assert_eq!(ContactField::ROLE.operators(), Some(&[Eq, Ne, In, Nin][..]));
    assert_eq!(
        ConversationField::AI_AGENT_RESOLUTION_STATE.operators(),
        Some(&[Eq, Ne, In, Nin][..])
    );
}

/// A value this crate does not know yet is still sent (the enum's `Unknown`), and a raw string
/// through an unlisted text field, with any operator.
#[test]
fn enum_fields_have_escape_hatches() {
    use intercom_api::models::ConversationPriority;
    use intercom_api::search::kinds::Text;

    let newer = ConversationField::PRIORITY.eq(ConversationPriority::from("critical"));
    assert_eq!(
        newer.to_json(),
        json!({"field": "priority", "operator": "=", "value": "critical"})
    );
    let raw: Field<Conversations, Text> = Field::unlisted("priority");
    assert_eq!(
        raw.starts_with("hi").to_json(),
        json!({"field": "priority", "operator": "^", "value": "hi"})
    );
}

/// A search reads from Intercom's JSON search body and writes it back unchanged, values as
/// given (the JSON path of `dispatch` and `conformance`).
#[test]
fn searches_read_from_json_write_it_back_unchanged() {
    for path in [
        "/contacts/search",
        "/conversations/search",
        "/tickets/search",
    ] {
        let example = spec_example(path);
        let search: Search<Conversations> =
            serde_json::from_value(example.clone()).unwrap_or_else(|e| panic!("{path}: {e}"));
        assert!(search.validate().is_ok(), "{path}");
        assert_eq!(search.to_json(), example, "{path}");
    }
    let body = json!({
        "query": {"operator": "OR", "value": [
            {"field": "priority", "operator": "IN", "value": ["high", "urgent"]},
            {"field": "admin_assignee_id", "operator": "=", "value": 12345},
            {"field": "open", "operator": "=", "value": true},
        ]},
        "pagination": {"per_page": 20, "starting_after": "WzE2"},
        "sort": {"field": "updated_at", "order": "descending"},
    });
    let search: Search<Conversations> = serde_json::from_value(body.clone()).unwrap();
    assert_eq!(search.to_json(), body);
    assert_eq!(search.page_size(), Some(20));
    assert_eq!(search.cursor(), Some("WzE2"));
}
