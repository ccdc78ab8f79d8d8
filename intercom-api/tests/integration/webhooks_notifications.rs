//! Notification decoding: one realistic fixture per topic family (envelope as Intercom sends it,
//! items shaped like the 2.14 spec's examples), forward compatibility, and envelope errors.

use intercom_api::runtime::{Salvage, MAX_SALVAGE};
use intercom_api::webhooks::{Family, Item, Notification, Topic, WebhookError, TOPICS};
use intercom_api::{DecodeWarning, Timestamp};

macro_rules! fixture {
    ($name:literal) => {
        include_str!(concat!("../fixtures/webhooks/", $name, ".json"))
    };
}

fn decode(json: &str) -> Notification {
    Notification::from_slice(json.as_bytes()).unwrap_or_else(|e| panic!("{e}\n{json}"))
}

/// Decodes a fixture and checks the envelope and that the item decoded without warnings.
fn decode_fixture(json: &str, topic: Topic, family: Family) -> Notification {
    let n = decode(json);
    assert_eq!(n.topic, topic);
    assert!(n.topic.is_known(), "{}", n.topic);
    assert_eq!(n.topic.family(), Some(family), "{}", n.topic);
    assert!(n.id.starts_with("notif_"), "{}", n.id);
    assert_eq!(n.app_id.as_deref(), Some("ab12cd34"));
    assert_eq!(n.created_at, Some(Timestamp(1734540000)));
    assert_eq!(n.first_sent_at, Some(Timestamp(1734540001)));
    assert_eq!(n.delivery_attempts, Some(1));
    assert!(n.warnings.is_empty(), "{}: {:?}", n.topic, n.warnings);
    n
}

#[test]
fn conversation() {
    let n = decode_fixture(
        fixture!("conversation"),
        Topic::ConversationUserCreated,
        Family::Conversation,
    );
    let Item::Conversation(c) = n.item() else {
        panic!("{:?}", n.item())
    };
    assert_eq!(c.id, "2851");
    let source = &c.source;
    assert_eq!(
        source.body.as_deref(),
        Some("<p>My invoice shows the wrong VAT number.</p>")
    );
    assert_eq!(n.item().type_name(), Some("conversation"));
    assert_eq!(n.item().id(), Some("2851"));
}

#[test]
fn conversation_part() {
    let n = decode_fixture(
        fixture!("conversation_part"),
        Topic::ConversationPartTagCreated,
        Family::ConversationPart,
    );
    let Item::ConversationPart(part) = n.item() else {
        panic!("{:?}", n.item())
    };
    assert_eq!(part.id, "20394857");
    let tags = part.tags.as_ref().expect("tags");
    assert_eq!(tags[0].name.as_deref(), Some("billing"));
}

#[test]
fn contact() {
    let n = decode_fixture(
        fixture!("contact"),
        Topic::ContactUserCreated,
        Family::Contact,
    );
    let Item::Contact(c) = n.item() else {
        panic!("{:?}", n.item())
    };
    assert_eq!(c.email.as_deref(), Some("ada@example.com"));
    assert_eq!(c.external_id.as_deref(), Some("cus_8841"));
    let attributes = c.custom_attributes.as_ref().expect("custom attributes");
    assert_eq!(attributes["seats"], 12);
}

#[test]
fn contact_tag() {
    let n = decode_fixture(
        fixture!("contact_tag"),
        Topic::ContactUserTagCreated,
        Family::Contact,
    );
    let Item::ContactTag(t) = n.item() else {
        panic!("{:?}", n.item())
    };
    assert_eq!(t.tag.as_ref().map(|t| t.name.as_str()), Some("vip"));
    assert_eq!(
        t.contact.as_ref().map(|c| c.id.as_str()),
        Some("6762f1261bb69f9f2193bba7")
    );
    assert_eq!(t.created_at, Some(Timestamp(1734540000)));
}

#[test]
fn ticket() {
    let n = decode_fixture(fixture!("ticket"), Topic::TicketCreated, Family::Ticket);
    let Item::Ticket(t) = n.item() else {
        panic!("{:?}", n.item())
    };
    assert_eq!(t.id, "611");
    assert_eq!(t.ticket_id, "22");
}

#[test]
fn company() {
    let n = decode_fixture(fixture!("company"), Topic::CompanyCreated, Family::Company);
    let Item::Company(c) = n.item() else {
        panic!("{:?}", n.item())
    };
    assert_eq!(c.name, "Acme Ltd");
    assert_eq!(c.company_id, "acme-ltd");
}

#[test]
fn admin() {
    let n = decode_fixture(
        fixture!("admin"),
        Topic::AdminAwayModeUpdated,
        Family::Admin,
    );
    let Item::Admin(a) = n.item() else {
        panic!("{:?}", n.item())
    };
    assert!(a.away_mode_enabled);
    assert_eq!(a.email, "grace@example.com");
}

#[test]
fn visitor() {
    let n = decode_fixture(fixture!("visitor"), Topic::VisitorSignedUp, Family::Visitor);
    let Item::Visitor(v) = n.item() else {
        panic!("{:?}", n.item())
    };
    assert_eq!(v.email.as_deref(), Some("new.customer@example.com"));
}

#[test]
fn event() {
    let n = decode_fixture(fixture!("event"), Topic::EventCreated, Family::Event);
    let Item::Event(e) = n.item() else {
        panic!("{:?}", n.item())
    };
    assert_eq!(e.event_name, "invited-friend");
    assert_eq!(e.created_at, Timestamp(1734539998));
}

#[test]
fn content_stat() {
    let n = decode_fixture(
        fixture!("content_stat"),
        Topic::ContentStatEmail,
        Family::ContentStat,
    );
    let Item::ContentStat(s) = n.item() else {
        panic!("{:?}", n.item())
    };
    assert_eq!(s.kind.as_deref(), Some("content_stat.email"));
    assert_eq!(s.created_at.as_deref(), Some("2024-12-18T16:40:00.000Z"));
    let stat = s.content_stat.as_ref().expect("content_stat");
    assert_eq!(stat.stat_type.as_deref(), Some("open"));
    // Numeric ids become strings; unlisted fields are kept.
    assert_eq!(stat.content_id.as_deref(), Some("30"));
    assert_eq!(stat.other["receipt_id"], 77);
    assert_eq!(
        s.contact.as_ref().and_then(|c| c.email.as_deref()),
        Some("ada@example.com")
    );
    assert_eq!(n.item().id(), Some("8812"));
}

#[test]
fn article() {
    let n = decode_fixture(
        fixture!("article"),
        Topic::ArticlePublished,
        Family::Article,
    );
    let Item::Article(a) = n.item() else {
        panic!("{:?}", n.item())
    };
    assert_eq!(a.title, "How refunds work");
}

#[test]
fn call() {
    let n = decode_fixture(fixture!("call"), Topic::CallEnded, Family::Call);
    let Item::Call(c) = n.item() else {
        panic!("{:?}", n.item())
    };
    assert_eq!(c.conversation_id.as_deref(), Some("2851"));
}

#[test]
fn job() {
    let n = decode_fixture(fixture!("job"), Topic::JobCompleted, Family::Job);
    let Item::Job(j) = n.item() else {
        panic!("{:?}", n.item())
    };
    assert_eq!(j.resource_id.as_deref(), Some("612"));
}

#[test]
fn ping() {
    let n = decode(fixture!("ping"));
    assert_eq!(n.topic, Topic::Ping);
    assert_eq!(n.topic.family(), Some(Family::Ping));
    let Item::Ping(p) = n.item() else {
        panic!("{:?}", n.item())
    };
    assert_eq!(p.message.as_deref(), Some("something something interzen"));
    assert!(n.warnings.is_empty());
}

#[test]
fn the_minimal_ping_from_the_docs_decodes() {
    // No app_id, no timestamps: only what the signed-notification example in the docs sends.
    let n = decode(
        r#"{"type":"notification_event","topic":"ping","id":"notif_1","data":{"item":{"type":"ping","message":"hi"}}}"#,
    );
    assert_eq!(n.topic, Topic::Ping);
    assert_eq!(
        (n.app_id, n.created_at, n.delivery_attempts),
        (None, None, None)
    );
}

#[test]
fn an_unknown_topic_decodes_and_keeps_its_name() {
    let json = fixture!("conversation").replace(
        "\"conversation.user.created\"",
        "\"conversation.admin.teleported\"",
    );
    let n = decode(&json);
    assert_eq!(
        n.topic,
        Topic::Unknown("conversation.admin.teleported".into())
    );
    assert_eq!(n.topic.as_str(), "conversation.admin.teleported");
    assert_eq!(n.topic.family(), Some(Family::Conversation));
    assert!(matches!(n.item(), Item::Conversation(_)));
}

#[test]
fn an_unknown_item_type_is_kept_as_json() {
    let n = decode(
        r#"{"type":"notification_event","id":"notif_2","topic":"hologram.projected","app_id":"ab12cd34",
            "created_at":1734540000,"data":{"type":"notification_event_data",
            "item":{"type":"hologram","id":"h1","brightness":0.8}}}"#,
    );
    assert_eq!(n.topic, Topic::Unknown("hologram.projected".into()));
    assert_eq!(n.topic.family(), None);
    let Item::Other(value) = n.item() else {
        panic!("{:?}", n.item())
    };
    assert_eq!(value["brightness"], 0.8);
    assert_eq!(n.item().type_name(), Some("hologram"));
    assert_eq!(n.item().id(), Some("h1"));
    assert!(n.warnings.is_empty());
}

#[test]
fn an_item_without_a_type_is_kept_as_json() {
    let n = decode(r#"{"id":"notif_3","topic":"contact.subscribed","data":{"item":{"id":"42"}}}"#);
    assert!(matches!(n.item(), Item::Other(_)));
}

#[test]
fn legacy_user_and_lead_items_are_contacts() {
    for kind in ["user", "lead"] {
        let json = format!(
            r#"{{"type":"notification_event","id":"notif_4","topic":"user.created","data":{{"item":{{"type":"{kind}","id":"530370b477ad7120001d","user_id":"25","name":"Hoban Washburne","unsubscribed_from_emails":false,"custom_attributes":{{}}}}}}}}"#
        );
        let n = decode(&json);
        assert_eq!(n.topic, Topic::Unknown("user.created".into()));
        let Item::Contact(c) = n.item() else {
            panic!("{:?}", n.item())
        };
        assert_eq!(c.r#type, kind);
        assert_eq!(c.name.as_deref(), Some("Hoban Washburne"));
    }
}

#[test]
fn a_value_that_does_not_fit_is_left_out_with_a_warning_and_the_item_keeps_its_type() {
    // Event metadata is declared as a map of strings; real events send numbers too: read as text.
    let json = fixture!("event").replace(
        r#""invitee_email": "charles@example.com""#,
        r#""invitee_email": "charles@example.com", "order_total": 42.5"#,
    );
    assert_ne!(json, fixture!("event"));
    let n = decode(&json);
    assert_eq!(n.topic, Topic::EventCreated);
    let Item::Event(event) = n.item() else {
        panic!("{:?}", n.item())
    };
    let metadata = event.metadata.clone().unwrap_or_default();
    assert_eq!(metadata["order_total"], "42.5");
    assert!(n.warnings.is_empty(), "{:?}", n.warnings);

    // Metadata that is no map at all is left out, named in one warning.
    let json = fixture!("event").replace(
        r#""metadata": {"#,
        r#""metadata": ["not", "a", "map"], "ignored": {"#,
    );
    assert_ne!(json, fixture!("event"));
    let n = decode(&json);
    let Item::Event(event) = n.item() else {
        panic!("{:?}", n.item())
    };
    assert_eq!(event.metadata, None);
    assert_eq!(n.warnings.len(), 1, "{:?}", n.warnings);
    assert_eq!(n.item().type_name(), Some("event"));
    assert!(
        n.warnings[0].to_string().contains("metadata"),
        "{:?}",
        n.warnings
    );
    assert_eq!(n.warnings[0].path, "data.item.metadata");
    assert_eq!(n.warnings[0].action, Salvage::Dropped);
    assert_eq!(n.warnings[0].found.as_deref(), Some(r#"["not","a","map"]"#));
}

#[test]
fn a_null_in_an_always_present_field_of_the_item_is_a_decode_warning() {
    let json = fixture!("conversation").replacen(
        r#""created_at": 1734539990"#,
        r#""created_at": null"#,
        1,
    );
    assert_ne!(json, fixture!("conversation"));
    let n = decode(&json);
    let Item::Conversation(conversation) = n.item() else {
        panic!("{:?}", n.item())
    };
    assert_eq!(conversation.id, "2851");
    let warnings: Vec<&DecodeWarning> = n.warnings.iter().collect();
    assert_eq!(warnings.len(), 1, "{warnings:?}");
    assert_eq!(warnings[0].path, "data.item.created_at");
    assert_eq!(warnings[0].action, Salvage::Defaulted);
    assert_eq!(
        warnings[0].message,
        "null in always-present field `created_at`"
    );
    assert_eq!(warnings[0].found.as_deref(), Some("null"));
}

#[test]
fn an_item_that_cannot_be_salvaged_is_kept_as_json_with_a_decode_warning() {
    // More bad values than salvage takes steps (each map entry is one): the event is kept
    // whole, and the warning says why.
    let bad: Vec<String> = (0..=MAX_SALVAGE)
        .map(|i| format!(r#""k{i}": {{"x": 1}}"#))
        .collect();
    let json = fixture!("event").replace(
        r#""metadata": {"#,
        &format!(r#""metadata": {{{}, "#, bad.join(", ")),
    );
    assert_ne!(json, fixture!("event"));
    let n = decode(&json);
    assert!(matches!(n.item(), Item::Other(_)), "{:?}", n.item());
    assert_eq!(n.warnings.len(), 1, "{:?}", n.warnings);
    let warning = &n.warnings[0];
    assert_eq!(warning.path, "data.item");
    assert_eq!(warning.action, Salvage::KeptAsJson);
    assert!(
        warning
            .message
            .starts_with("item of type `event` does not fit its model: still not decodable"),
        "{warning}"
    );
    assert_eq!(warning.found, None);
    assert!(
        warning
            .to_string()
            .starts_with("kept `data.item` as JSON: "),
        "{warning}"
    );
}

#[test]
fn ids_and_counts_are_read_leniently() {
    let n = decode(
        r#"{"type":"notification_event","id":12345,"topic":"ping","app_id":"ab12cd34","created_at":"1734540000",
            "delivery_attempts":"2","first_sent_at":1734540001.0,"data":{"item":{"type":"ping"}}}"#,
    );
    assert_eq!(n.id, "12345");
    assert_eq!(n.created_at, Some(Timestamp(1734540000)));
    assert_eq!(n.delivery_attempts, Some(2));
    assert_eq!(n.first_sent_at, Some(Timestamp(1734540001)));
}

#[test]
fn bodies_that_are_not_notifications_are_errors() {
    let invalid_json = [&b""[..], b"not json", b"{\"id\":", b"\xff\xfe"];
    for body in invalid_json {
        let err = Notification::from_slice(body).unwrap_err();
        assert!(
            matches!(err, WebhookError::InvalidJson(_)),
            "{body:?}: {err}"
        );
        assert!(!err.is_signature_error());
        assert!(std::error::Error::source(&err).is_some());
    }
    let wrong_shape = [
        ("[]", ""),
        ("null", ""),
        (r#"{"id":"n","data":{"item":{}}}"#, "topic"),
        (r#"{"topic":"ping","data":{"item":{}}}"#, "id"),
        (r#"{"id":"n","topic":"ping"}"#, "data"),
        (r#"{"id":"n","topic":"ping","data":{}}"#, "item"),
        (
            r#"{"id":"n","topic":"ping","data":{"item":"ping"}}"#,
            "data.item",
        ),
        (
            r#"{"id":"n","topic":"ping","data":{"item":null}}"#,
            "data.item",
        ),
        (r#"{"id":"n","topic":7,"data":{"item":{}}}"#, "topic"),
        (
            r#"{"id":"n","topic":"ping","created_at":"soon","data":{"item":{}}}"#,
            "created_at",
        ),
    ];
    for (body, mentions) in wrong_shape {
        let err = Notification::from_slice(body.as_bytes()).unwrap_err();
        assert!(
            matches!(err, WebhookError::InvalidEnvelope(_)),
            "{body}: {err}"
        );
        assert!(err.to_string().contains(mentions), "{body}: {err}");
    }
    let err = Notification::from_slice(
        br#"{"type":"conversation","id":"1","topic":"ping","data":{"item":{}}}"#,
    )
    .unwrap_err();
    assert!(
        matches!(&err, WebhookError::NotANotification { found } if found == "conversation"),
        "{err}"
    );
}

#[test]
fn every_family_in_the_table_has_a_fixture_or_a_test_here() {
    // Keeps this file in step with the topic table: a new family needs a fixture above.
    let covered = [
        Family::Admin,
        Family::Article,
        Family::Call,
        Family::Company,
        Family::Contact,
        Family::ContentStat,
        Family::Conversation,
        Family::ConversationPart,
        Family::Event,
        Family::Job,
        Family::Ping,
        Family::Ticket,
        Family::Visitor,
        // Subscription topics send a subscription object, kept as JSON (no model).
        Family::Subscription,
    ];
    for row in TOPICS {
        assert!(covered.contains(&row.family), "{}", row.name);
    }
    assert_eq!(TOPICS.len(), 92);
}
