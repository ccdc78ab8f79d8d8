//! What Intercom really sends where it differs from its description: each shape decodes
//! strictly (nothing left out), because the override layer or the lenient decoders know it.

use intercom_api::models::{
    AdminAvatar, AwayStatusReasonList, Contact, ContactAvatar, FinAgentAttributeErrorsUser,
    IpAllowlist, ListAwayStatusReasonsResponse, NewsItem, Visitor,
};
use intercom_api::runtime::{Bytes, Response, StatusCode};
use serde::de::DeserializeOwned;

/// Decodes `json` as the client does with strict decoding: any value left out is an error.
fn strict<T: DeserializeOwned>(json: &str) -> T {
    let mut response = Response::new(
        StatusCode::OK,
        Default::default(),
        Bytes::copy_from_slice(json.as_bytes()),
    );
    response.strict = true;
    response.json().unwrap_or_else(|e| panic!("{e}\n{json}"))
}

const CONTACT: &str = r#"{"type": "contact", "id": "6762f0ab1bb69f9f2193bb60",
    "workspace_id": "this_is_an_id", "role": "user", "has_hard_bounced": false,
    "marked_email_as_spam": false, "unsubscribed_from_emails": false,
    "created_at": 1734537387, "updated_at": 1734537388, "avatar": AVATAR}"#;

#[test]
fn a_contact_avatar_is_a_url_or_an_object() {
    let url = strict::<Contact>(&CONTACT.replace("AVATAR", r#""https://x.test/a.png""#));
    assert_eq!(
        url.avatar,
        Some(ContactAvatar::AvatarUrl("https://x.test/a.png".into()))
    );
    let object = strict::<Contact>(&CONTACT.replace(
        "AVATAR",
        r#"{"type": "avatar", "image_url": "https://x.test/b.png"}"#,
    ));
    let Some(ContactAvatar::AvatarObject(avatar)) = object.avatar else {
        panic!("{:?}", object.avatar)
    };
    assert_eq!(avatar.image_url.as_deref(), Some("https://x.test/b.png"));
    let none = strict::<Contact>(&CONTACT.replace("AVATAR", "null"));
    assert_eq!(none.avatar, None);
}

#[test]
fn an_admin_avatar_is_a_url_or_an_object() {
    let admin = |avatar: &str| {
        format!(
            r#"{{"type": "admin", "id": "991267459", "name": "Ciaran Lee", "email": "a@x.test",
                "away_mode_enabled": false, "away_mode_reassign": false, "avatar": {avatar}}}"#
        )
    };
    let url = strict::<intercom_api::models::Admin>(&admin(r#""https://x.test/c.png""#));
    assert_eq!(
        url.avatar,
        Some(AdminAvatar::AvatarUrl("https://x.test/c.png".into()))
    );
    let object =
        strict::<intercom_api::models::Admin>(&admin(r#"{"image_url": "https://x.test/d.png"}"#));
    let Some(AdminAvatar::AvatarObject(avatar)) = object.avatar else {
        panic!("{:?}", object.avatar)
    };
    assert_eq!(avatar.image_url.as_deref(), Some("https://x.test/d.png"));
}

#[test]
fn away_status_reasons_come_as_a_bare_array_or_a_list() {
    let reason =
        r#"{"type": "away_status_reason", "id": "1", "label": "On a break", "emoji": "☕"}"#;
    let bare = strict::<ListAwayStatusReasonsResponse>(&format!("[{reason}, {reason}]"));
    let ListAwayStatusReasonsResponse::AwayStatusReasons(reasons) = bare else {
        panic!("{bare:?}")
    };
    assert_eq!(reasons.len(), 2);
    assert_eq!(reasons[0].label.as_deref(), Some("On a break"));
    let list = strict::<ListAwayStatusReasonsResponse>(&format!(
        r#"{{"type": "list", "data": [{reason}]}}"#
    ));
    let ListAwayStatusReasonsResponse::AwayStatusReasonList(AwayStatusReasonList { data, .. }) =
        list
    else {
        panic!("{list:?}")
    };
    assert_eq!(data.map(|d| d.len()), Some(1));
}

#[test]
fn numbers_in_string_maps_and_lists_are_read_as_text() {
    let visitor = strict::<Visitor>(
        r#"{"type": "visitor", "id": "1", "user_id": "v-1",
            "custom_attributes": {"plan": "pro", "seats": 12, "trial": true}}"#,
    );
    let attributes = visitor.custom_attributes.unwrap_or_default();
    assert_eq!(attributes["seats"], "12");
    assert_eq!(attributes["trial"], "true");

    let news = strict::<NewsItem>(
        r#"{"type": "news-item", "id": "33", "workspace_id": "w", "title": "Hi",
            "state": "live", "created_at": 1, "updated_at": 2,
            "labels": ["Product", 2024, null], "reactions": ["😆", 1]}"#,
    );
    assert_eq!(
        news.labels,
        Some(vec![Some("Product".into()), Some("2024".into()), None])
    );
    assert_eq!(
        news.reactions,
        Some(vec![Some("😆".into()), Some("1".into())])
    );

    let allow = strict::<IpAllowlist>(
        r#"{"type": "ip_allowlist", "enabled": true, "ip_allowlist": ["192.168.0.1", 10]}"#,
    );
    assert_eq!(
        allow.ip_allowlist,
        Some(vec!["192.168.0.1".into(), "10".into()])
    );

    let errors = strict::<FinAgentAttributeErrorsUser>(r#"{"attributes": {"age": 42}}"#);
    assert_eq!(errors.attributes.unwrap_or_default()["age"], "42");
}

#[test]
fn a_value_of_another_shape_is_still_an_error_in_strict_mode() {
    let mut response = Response::new(
        StatusCode::OK,
        Default::default(),
        Bytes::from_static(
            br#"{"type": "visitor", "id": "1", "user_id": "v", "custom_attributes": [1]}"#,
        ),
    );
    response.strict = true;
    let error = response.json::<Visitor>().expect_err("strict");
    assert!(error.to_string().contains("custom_attributes"), "{error}");
}
