//! Untagged unions decode into the alternative that fits best (every key known, required keys
//! present, constants matching; declaration order breaks ties), so no key is dropped because an
//! earlier alternative happens to decode too. In a response, a value that does not fit inside
//! the best alternative is salvaged there with a warning.

use intercom_api::models::{
    CreateTagRequest, CursorPagesNext, EventDetails, ListAwayStatusReasonsResponse,
    SearchRequestQuery, UpdateDataAttributeRequest, UpdateDataAttributeRequestKind,
    UpdateDataAttributeRequestKindOtherType,
};
use intercom_api::runtime::{Bytes, Response, Salvage, StatusCode};
use intercom_api::{DecodeWarning, Decoded};
use reqwest::header::HeaderMap;
use serde_json::{json, Value};

#[test]
fn search_queries_decode_into_the_right_alternative() {
    let single: SearchRequestQuery =
        serde_json::from_str(r#"{"field":"state","operator":"=","value":"open"}"#).unwrap();
    assert!(
        matches!(single, SearchRequestQuery::SingleFilterSearchRequest(_)),
        "{single:?}"
    );
    let multiple: SearchRequestQuery = serde_json::from_str(
        r#"{"operator":"AND","value":[{"field":"state","operator":"=","value":"open"},{"field":"admin_assignee_id","operator":"=","value":"12345"}]}"#,
    )
    .unwrap();
    assert!(
        matches!(multiple, SearchRequestQuery::MultipleFilterSearchRequest(_)),
        "{multiple:?}"
    );
    let error = serde_json::from_str::<SearchRequestQuery>("[1]").unwrap_err();
    assert!(
        error
            .to_string()
            .contains("matches no alternative of SearchRequestQuery"),
        "{error}"
    );
}

#[test]
fn pages_next_is_a_cursor_or_a_url() {
    let cursor: CursorPagesNext =
        serde_json::from_str(r#"{"per_page":5,"starting_after":"abc"}"#).unwrap();
    assert!(matches!(cursor, CursorPagesNext::StartingAfterPaging(_)));
    let url: CursorPagesNext =
        serde_json::from_str(r#""https://api.intercom.io/articles?page=2""#).unwrap();
    assert!(matches!(url, CursorPagesNext::Url(u) if u.ends_with("page=2")));
    let other: CursorPagesNext = serde_json::from_str("42").unwrap();
    assert!(matches!(other, CursorPagesNext::Unknown(_)));
}

/// Decodes `input` as `T`, checks it serializes back to exactly `input`, and returns it.
fn round_trip<T: serde::de::DeserializeOwned + serde::Serialize>(input: &Value) -> T {
    let decoded: T = serde_json::from_value(input.clone()).unwrap();
    assert_eq!(&serde_json::to_value(&decoded).unwrap(), input);
    decoded
}

#[test]
fn every_tag_request_keeps_its_companies_and_users() {
    let tag = json!({"name": "Independent"});
    assert!(matches!(
        round_trip::<CreateTagRequest>(&tag),
        CreateTagRequest::CreateOrUpdateTagRequest(_)
    ));
    let rename = json!({"name": "Independent", "id": "656452352"});
    assert!(matches!(
        round_trip::<CreateTagRequest>(&rename),
        CreateTagRequest::CreateOrUpdateTagRequest(_)
    ));
    let companies = json!({"name": "x", "companies": [{"company_id": "123"}]});
    assert!(matches!(
        round_trip::<CreateTagRequest>(&companies),
        CreateTagRequest::TagCompanyRequest(_)
    ));
    let untag = json!({
        "name": "x",
        "companies": [{"id": "531ee472cce572a6ec000006", "untag": true}, {"company_id": "6", "untag": true}]
    });
    assert!(matches!(
        round_trip::<CreateTagRequest>(&untag),
        CreateTagRequest::UntagCompanyRequest(_)
    ));
    let users = json!({"name": "x", "users": [{"id": "5f7f0d217289f8d2f4262080"}]});
    assert!(matches!(
        round_trip::<CreateTagRequest>(&users),
        CreateTagRequest::TagMultipleUsersRequest(_)
    ));
}

#[test]
fn untag_false_is_no_untag_request() {
    // `untag` can only be `true`: `false` does not fit the untag alternative, and no
    // alternative knows it otherwise, so the best (tag) alternative drops it.
    let value = json!({"name": "x", "companies": [{"id": "1", "untag": false}]});
    let decoded: CreateTagRequest = serde_json::from_value(value).unwrap();
    assert!(
        matches!(decoded, CreateTagRequest::TagCompanyRequest(_)),
        "{decoded:?}"
    );
}

#[test]
fn event_details_decode_into_the_best_fitting_alternative() {
    let finished: EventDetails =
        serde_json::from_value(json!({"action": {"name": "Jira", "result": "success"}})).unwrap();
    assert!(
        matches!(finished, EventDetails::CustomActionFinished(_)),
        "{finished:?}"
    );
    let started: EventDetails =
        serde_json::from_value(json!({"action": {"name": "Jira"}})).unwrap();
    assert!(
        matches!(started, EventDetails::CustomActionStarted(_)),
        "{started:?}"
    );
    let operator: EventDetails = serde_json::from_value(json!({
        "event": {"type": "handover", "result": "success"},
        "workflow": {"name": "Escalate"}
    }))
    .unwrap();
    assert!(
        matches!(operator, EventDetails::OperatorWorkflowEvent(_)),
        "{operator:?}"
    );
    let by_admin: EventDetails = serde_json::from_value(json!({
        "attribute": {"name": "jira_issue_key"},
        "value": {"name": "PROJ-007"}
    }))
    .unwrap();
    assert!(
        matches!(
            by_admin,
            EventDetails::ConversationAttributeUpdatedByWorkflow(_)
        ),
        "ties go to the first declared alternative: {by_admin:?}"
    );
    let other: EventDetails = serde_json::from_value(json!("text")).unwrap();
    assert!(matches!(other, EventDetails::Unknown(_)), "{other:?}");
}

#[test]
fn data_attribute_updates_need_no_options() {
    let archive = json!({"archived": true});
    let decoded = round_trip::<UpdateDataAttributeRequest>(&archive);
    assert!(
        matches!(decoded.kind, UpdateDataAttributeRequestKind::OtherType(_)),
        "{decoded:?}"
    );
    let built =
        UpdateDataAttributeRequest::new(UpdateDataAttributeRequestKindOtherType::new().into())
            .archived(true);
    assert_eq!(serde_json::to_value(&built).unwrap(), archive);
    let options = json!({"description": "d", "options": [{"value": "1-10"}, {"value": "11-50"}]});
    let decoded = round_trip::<UpdateDataAttributeRequest>(&options);
    assert!(
        matches!(
            decoded.kind,
            UpdateDataAttributeRequestKind::ListAttribute(_)
        ),
        "{decoded:?}"
    );
}

/// Decodes `json` as a response body is decoded: the value and its warnings.
fn response<T: serde::de::DeserializeOwned>(json: &str) -> Decoded<T> {
    Response::new(
        StatusCode::OK,
        HeaderMap::new(),
        Bytes::copy_from_slice(json.as_bytes()),
    )
    .json_with_warnings()
    .unwrap_or_else(|e| panic!("{json}: {e}"))
}

/// (path, action, found) of each warning.
fn places(warnings: &[DecodeWarning]) -> Vec<(&str, Salvage, Option<&str>)> {
    warnings
        .iter()
        .map(|w| (w.path.as_str(), w.action, w.found.as_deref()))
        .collect()
}

#[test]
fn a_value_salvaged_inside_an_untagged_response_union_is_a_warning() {
    // The list fits best; its first reason's `deleted` is no boolean. Before, the list failed
    // to decode and the whole body fell silently to `Unknown`.
    let json = r#"{"type": "list", "data": [{"id": "1", "deleted": "yes"}, {"id": "2", "deleted": false}]}"#;
    let decoded = response::<ListAwayStatusReasonsResponse>(json);
    let ListAwayStatusReasonsResponse::AwayStatusReasonList(list) = &decoded.value else {
        panic!("{:?}", decoded.value)
    };
    let reasons = list.data.clone().unwrap_or_default();
    assert_eq!(reasons.len(), 2);
    assert_eq!(
        (reasons[0].id.as_deref(), reasons[0].deleted),
        (Some("1"), None)
    );
    assert_eq!(
        (reasons[1].id.as_deref(), reasons[1].deleted),
        (Some("2"), Some(false))
    );
    assert_eq!(
        places(&decoded.warnings),
        [("data[0].deleted", Salvage::Dropped, Some("\"yes\""))]
    );
    assert!(
        decoded.warnings[0]
            .message
            .starts_with("invalid type: string \"yes\""),
        "{:?}",
        decoded.warnings
    );

    // The same inside the array alternative: the failure names its place from the union.
    let error =
        serde_json::from_str::<ListAwayStatusReasonsResponse>(r#"[{"id": "1", "order": "first"}]"#)
            .unwrap_err();
    assert!(
        error
            .to_string()
            .starts_with("at `[0].order`: invalid value"),
        "{error}"
    );

    // An always-present field left `null` inside the union: defaulted, named.
    let decoded = response::<ListAwayStatusReasonsResponse>(r#"{"type": null, "data": []}"#);
    let ListAwayStatusReasonsResponse::AwayStatusReasonList(list) = &decoded.value else {
        panic!("{:?}", decoded.value)
    };
    assert_eq!(list.r#type, "");
    assert_eq!(
        places(&decoded.warnings),
        [("type", Salvage::Defaulted, Some("null"))]
    );

    // A shape no alternative can be is still `Unknown`, without a warning.
    let decoded = response::<ListAwayStatusReasonsResponse>(r#""text""#);
    assert!(matches!(
        decoded.value,
        ListAwayStatusReasonsResponse::Unknown(_)
    ));
    assert!(decoded.warnings.is_empty(), "{:?}", decoded.warnings);

    // Decoded without salvage (plain serde), the failure names its place instead of being lost.
    let error = serde_json::from_str::<ListAwayStatusReasonsResponse>(json).unwrap_err();
    assert!(
        error
            .to_string()
            .starts_with("at `data[0].deleted`: invalid type"),
        "{error}"
    );
}

/// `ConversationOrConversationCustomers` scores a value against `Conversation::FIT`, the
/// table emitted once beside the model, and still tells a conversation from customers.
#[test]
fn a_union_scores_against_the_fit_table_of_its_model() {
    use intercom_api::models::{Conversation, ConversationOrConversationCustomers};
    use intercom_api::runtime::fit;

    let conversation = json!({"type": "conversation", "id": "123", "state": "open",
        "open": true, "created_at": 1663597223, "updated_at": 1663597260, "contacts": {},
        "source": {"type": "conversation", "delivered_as": "admin_initiated",
        "redacted": false, "author": {}}});
    assert_eq!(fit(&conversation, &Conversation::FIT), Some(0));
    assert_eq!(
        fit(
            &json!({"id": "1", "unknown_key": [1, 2]}),
            &Conversation::FIT
        ),
        Some(3)
    );
    let decoded: ConversationOrConversationCustomers =
        serde_json::from_value(conversation).unwrap();
    assert!(
        matches!(&decoded, ConversationOrConversationCustomers::Conversation(c) if c.id == "123"),
        "{decoded:?}"
    );
    let customers = json!({"customers": [{"type": "contact", "id": "c1"}]});
    let decoded: ConversationOrConversationCustomers = serde_json::from_value(customers).unwrap();
    assert!(
        matches!(
            decoded,
            ConversationOrConversationCustomers::ConversationCustomers(_)
        ),
        "{decoded:?}"
    );
}
