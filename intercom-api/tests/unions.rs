//! Untagged unions pick the first alternative whose shape fits *and* that decodes, so an
//! alternative without required properties does not shadow the ones after it.

use intercom_api::models::{CursorPagesNext, SearchRequestQuery};

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
