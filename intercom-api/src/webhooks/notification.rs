//! The notification Intercom POSTs: an envelope (`notification_event`) around one item.

use serde::de::DeserializeOwned;
use serde::Deserialize;
use serde_json::Value;

use super::{Topic, WebhookError};
use crate::models;
use crate::runtime::{lenient, DecodeWarning, Salvage};
use crate::Timestamp;

/// One webhook delivery, decoded.
///
/// The envelope fields come first; the object the topic is about is [`data.item`](NotificationData::item).
/// Intercom retries deliveries, so the same [`id`](Self::id) can arrive more than once:
/// deduplicate on it.
#[derive(Debug, Clone, PartialEq)]
#[non_exhaustive]
pub struct Notification {
    /// Intercom's id for this notification (`notif_…`), the same on every retry.
    pub id: String,
    /// What happened.
    pub topic: Topic,
    /// The workspace it happened in.
    pub app_id: Option<String>,
    /// When Intercom created the notification.
    pub created_at: Option<Timestamp>,
    /// How many times Intercom has tried to deliver it, this one included.
    pub delivery_attempts: Option<i64>,
    /// When Intercom first tried to deliver it.
    pub first_sent_at: Option<Timestamp>,
    /// The object the notification is about.
    pub data: NotificationData,
    /// What did not fit while decoding the item, as for API responses: a value left out or an
    /// always-present field defaulted ([`Salvage::Dropped`], [`Salvage::Defaulted`]), or an
    /// item of a known type that did not fit its model at all and was kept as JSON in
    /// [`Item::Other`] ([`Salvage::KeptAsJson`]). Paths start at the notification, e.g.
    /// `data.item.metadata`.
    pub warnings: Vec<DecodeWarning>,
}

/// The container of a notification's item.
#[derive(Debug, Clone, PartialEq)]
#[non_exhaustive]
pub struct NotificationData {
    /// The object the topic is about, chosen by its `type`.
    pub item: Item,
}

/// The object a notification is about, by its `type` field.
///
/// Types this crate knows decode into the generated models; anything else (or an item that
/// does not fit its model) is kept as JSON in [`Item::Other`], so nothing is lost. Which
/// topics send which type is listed in Intercom's topic tables (see [`TOPICS`](super::TOPICS)).
#[derive(Debug, Clone, PartialEq)]
#[non_exhaustive]
pub enum Item {
    /// `conversation`.
    Conversation(Box<models::Conversation>),
    /// `conversation_part`.
    ConversationPart(Box<models::ConversationPart>),
    /// `contact`, and the older `user` and `lead`.
    Contact(Box<models::Contact>),
    /// `contact_tag`: a contact and the tag added to or removed from it.
    ContactTag(Box<ContactTag>),
    /// `ticket`.
    Ticket(Box<models::Ticket>),
    /// `company`.
    Company(Box<models::Company>),
    /// `admin`.
    Admin(Box<models::Admin>),
    /// `visitor`.
    Visitor(Box<models::Visitor>),
    /// `article`.
    Article(Box<models::Article>),
    /// `call`.
    Call(Box<models::Call>),
    /// `event`: a data event recorded for a contact.
    Event(Box<models::DataEvent>),
    /// `job`.
    Job(Box<models::Jobs>),
    /// `content_stat.<content type>`: engagement with outbound content.
    ContentStat(Box<ContentStat>),
    /// `ping`.
    Ping(Ping),
    /// Any other item, or one that did not fit its model, as sent.
    Other(Value),
}

impl Item {
    /// The item's `type` as sent, if it has one.
    pub fn type_name(&self) -> Option<&str> {
        match self {
            Item::Conversation(m) => m.r#type.text(),
            Item::ConversationPart(m) => m.r#type.text(),
            Item::Contact(m) => m.r#type.text(),
            Item::ContactTag(_) => Some("contact_tag"),
            Item::Ticket(m) => m.r#type.text(),
            Item::Company(m) => m.r#type.text(),
            Item::Admin(m) => m.r#type.text(),
            Item::Visitor(m) => m.r#type.text(),
            Item::Article(m) => m.r#type.text(),
            Item::Call(m) => m.r#type.text(),
            Item::Event(m) => m.r#type.text(),
            Item::Job(m) => m.r#type.text(),
            Item::ContentStat(m) => m.kind.as_deref(),
            Item::Ping(_) => Some("ping"),
            Item::Other(value) => value.get("type").and_then(Value::as_str),
        }
    }

    /// The item's own id, if it has one.
    pub fn id(&self) -> Option<&str> {
        match self {
            Item::Conversation(m) => m.id.text(),
            Item::ConversationPart(m) => m.id.text(),
            Item::Contact(m) => m.id.text(),
            Item::ContactTag(m) => m.contact.as_ref().and_then(|c| c.id.text()),
            Item::Ticket(m) => m.id.text(),
            Item::Company(m) => m.id.text(),
            Item::Admin(m) => m.id.text(),
            Item::Visitor(m) => m.id.text(),
            Item::Article(m) => m.id.text(),
            Item::Call(m) => m.id.text(),
            Item::Event(m) => m.id.text(),
            Item::Job(m) => m.id.text(),
            Item::ContentStat(m) => m.content_stat.as_ref().and_then(|s| s.id.as_deref()),
            Item::Ping(_) => None,
            Item::Other(value) => value.get("id").and_then(Value::as_str),
        }
    }
}

/// A model's text field, whether the model holds it as always present (`String`, empty when
/// the server left it out) or optional.
trait Text {
    fn text(&self) -> Option<&str>;
}

impl Text for String {
    fn text(&self) -> Option<&str> {
        (!self.is_empty()).then_some(self.as_str())
    }
}

impl Text for Option<String> {
    fn text(&self) -> Option<&str> {
        self.as_deref()
    }
}

/// The item of the `contact.*.tag.*` topics: which contact was tagged or untagged with which tag.
/// Only webhooks send this object.
#[derive(Debug, Clone, PartialEq, Default, Deserialize)]
#[non_exhaustive]
pub struct ContactTag {
    /// When the tag was applied or removed.
    #[serde(default)]
    pub created_at: Option<Timestamp>,
    /// The tag.
    #[serde(default)]
    pub tag: Option<models::Tag>,
    /// The contact.
    #[serde(default)]
    pub contact: Option<models::Contact>,
}

/// The item of the `content_stat.*` topics: one engagement event with outbound content, for a
/// contact. Only webhooks send this object.
#[derive(Debug, Clone, PartialEq, Default, Deserialize)]
#[non_exhaustive]
pub struct ContentStat {
    /// `content_stat.` and the content type, e.g. `content_stat.email`.
    #[serde(rename = "type", default, deserialize_with = "lenient::opt_string")]
    pub kind: Option<String>,
    /// When it happened. Documented as an ISO 8601 string here, unlike Intercom's other
    /// timestamps; kept as sent.
    #[serde(default, deserialize_with = "lenient::opt_string")]
    pub created_at: Option<String>,
    /// What happened.
    #[serde(default)]
    pub content_stat: Option<ContentStatDetails>,
    /// The contact the content was sent to.
    #[serde(default)]
    pub contact: Option<models::Contact>,
    /// The company, when the content targeted companies.
    #[serde(default)]
    pub company: Option<models::Company>,
}

/// The stat inside a [`ContentStat`]. Ids arrive as numbers or strings; both become strings.
#[derive(Debug, Clone, PartialEq, Default, Deserialize)]
#[non_exhaustive]
pub struct ContentStatDetails {
    /// The stat's id.
    #[serde(default, deserialize_with = "lenient::opt_string")]
    pub id: Option<String>,
    /// The kind of content: `email`, `chat`, `post`, `series`, ….
    #[serde(default, deserialize_with = "lenient::opt_string")]
    pub content_type: Option<String>,
    /// The content's id (each version of an A/B test has its own).
    #[serde(default, deserialize_with = "lenient::opt_string")]
    pub content_id: Option<String>,
    /// What happened: `receipt`, `open`, `click`, `goal_success`, `hard_bounce`, ….
    #[serde(default, deserialize_with = "lenient::opt_string")]
    pub stat_type: Option<String>,
    /// The content's title in the workspace.
    #[serde(default, deserialize_with = "lenient::opt_string")]
    pub content_title: Option<String>,
    /// The outbound message the content belongs to.
    #[serde(default, deserialize_with = "lenient::opt_string")]
    pub ruleset_id: Option<String>,
    /// The version of that outbound message.
    #[serde(default, deserialize_with = "lenient::opt_string")]
    pub ruleset_version_id: Option<String>,
    /// The series, when the content is part of one.
    #[serde(default, deserialize_with = "lenient::opt_string")]
    pub series_id: Option<String>,
    /// The series' title, when the content is part of one.
    #[serde(default, deserialize_with = "lenient::opt_string")]
    pub series_title: Option<String>,
    /// The node of the series, when the content is part of one.
    #[serde(default, deserialize_with = "lenient::opt_string")]
    pub node_id: Option<String>,
    /// Every other field (tags, survey answers, …), as sent.
    #[serde(flatten)]
    pub other: serde_json::Map<String, Value>,
}

/// The item of a `ping` notification.
#[derive(Debug, Clone, PartialEq, Default, Deserialize)]
#[non_exhaustive]
pub struct Ping {
    /// A short text from Intercom.
    #[serde(default, deserialize_with = "lenient::opt_string")]
    pub message: Option<String>,
}

impl Notification {
    /// Decodes a notification from the raw request body.
    ///
    /// The envelope must be a JSON object with an `id`, a `topic` and a `data.item` object,
    /// and a `type` of `notification_event` when it has one; anything else is an error. The
    /// item itself never fails the notification: see [`Item`].
    pub fn from_slice(body: &[u8]) -> Result<Notification, WebhookError> {
        let de = &mut serde_json::Deserializer::from_slice(body);
        let envelope: Envelope = serde_path_to_error::deserialize(de).map_err(|e| {
            let path = e.path().to_string();
            let inner = e.into_inner();
            if inner.is_data() {
                WebhookError::InvalidEnvelope(format!("at `{path}`: {inner}"))
            } else {
                WebhookError::InvalidJson(inner)
            }
        })?;
        if let Some(kind) = envelope.kind {
            if kind != "notification_event" {
                return Err(WebhookError::NotANotification { found: kind });
            }
        }
        let id = envelope
            .id
            .ok_or_else(|| WebhookError::InvalidEnvelope("missing field `id`".into()))?;
        if !envelope.data.item.is_object() {
            return Err(WebhookError::InvalidEnvelope(
                "at `data.item`: expected an object".into(),
            ));
        }
        let mut warnings = Vec::new();
        let item = decode_item(envelope.data.item, &mut warnings);
        Ok(Notification {
            id,
            topic: Topic::from(envelope.topic),
            app_id: envelope.app_id,
            created_at: envelope.created_at,
            delivery_attempts: envelope.delivery_attempts,
            first_sent_at: envelope.first_sent_at,
            data: NotificationData { item },
            warnings,
        })
    }

    /// The object the notification is about (shorthand for `&self.data.item`).
    pub fn item(&self) -> &Item {
        &self.data.item
    }
}

/// The envelope as sent; the item stays JSON until [`decode_item`] picks its type.
#[derive(Deserialize)]
struct Envelope {
    #[serde(rename = "type", default)]
    kind: Option<String>,
    #[serde(default, deserialize_with = "lenient::opt_string")]
    id: Option<String>,
    topic: String,
    #[serde(default, deserialize_with = "lenient::opt_string")]
    app_id: Option<String>,
    #[serde(default)]
    created_at: Option<Timestamp>,
    #[serde(default, deserialize_with = "lenient::opt_i64")]
    delivery_attempts: Option<i64>,
    #[serde(default)]
    first_sent_at: Option<Timestamp>,
    data: EnvelopeData,
}

#[derive(Deserialize)]
struct EnvelopeData {
    item: Value,
}

/// Picks the item's type and decodes it; an item that does not fit its model is kept as JSON
/// with a warning. The one place items are decoded.
fn decode_item(value: Value, warnings: &mut Vec<DecodeWarning>) -> Item {
    let kind = match value.get("type").and_then(Value::as_str) {
        Some(kind) => kind.to_owned(),
        None => return Item::Other(value),
    };
    match kind.as_str() {
        "conversation" => typed(value, &kind, warnings, |m| Item::Conversation(Box::new(m))),
        "conversation_part" => typed(value, &kind, warnings, |m| {
            Item::ConversationPart(Box::new(m))
        }),
        "contact" | "user" | "lead" => {
            typed(value, &kind, warnings, |m| Item::Contact(Box::new(m)))
        }
        "contact_tag" => typed(value, &kind, warnings, |m| Item::ContactTag(Box::new(m))),
        "ticket" => typed(value, &kind, warnings, |m| Item::Ticket(Box::new(m))),
        "company" => typed(value, &kind, warnings, |m| Item::Company(Box::new(m))),
        "admin" => typed(value, &kind, warnings, |m| Item::Admin(Box::new(m))),
        "visitor" => typed(value, &kind, warnings, |m| Item::Visitor(Box::new(m))),
        "article" => typed(value, &kind, warnings, |m| Item::Article(Box::new(m))),
        "call" => typed(value, &kind, warnings, |m| Item::Call(Box::new(m))),
        "event" => typed(value, &kind, warnings, |m| Item::Event(Box::new(m))),
        "job" => typed(value, &kind, warnings, |m| Item::Job(Box::new(m))),
        "ping" => typed(value, &kind, warnings, Item::Ping),
        k if k == "content_stat" || k.starts_with("content_stat.") => {
            typed(value, &kind, warnings, |m| Item::ContentStat(Box::new(m)))
        }
        _ => Item::Other(value),
    }
}

/// Where the item is in a notification, as the start of a warning's path.
const ITEM_PATH: &str = "data.item";

/// `path` inside the item, as a path in the notification.
fn in_item(path: &str) -> String {
    match path {
        "" => ITEM_PATH.to_string(),
        p if p.starts_with('[') => format!("{ITEM_PATH}{p}"),
        p => format!("{ITEM_PATH}.{p}"),
    }
}

/// Decodes `value` as `T` as API responses are decoded: a value that does not fit is left out
/// with a warning; an item that cannot be salvaged at all is kept as JSON and says why.
fn typed<T: DeserializeOwned>(
    value: Value,
    kind: &str,
    warnings: &mut Vec<DecodeWarning>,
    wrap: impl FnOnce(T) -> Item,
) -> Item {
    match crate::runtime::salvage::<T>(value.clone()) {
        Ok(decoded) => {
            warnings.extend(decoded.warnings.into_iter().map(|mut w| {
                w.path = in_item(&w.path);
                w
            }));
            wrap(decoded.value)
        }
        Err(failure) => {
            let at = match failure.path.as_str() {
                "" | "." => String::new(),
                path => format!(" at `{path}`"),
            };
            warnings.push(DecodeWarning {
                path: ITEM_PATH.to_string(),
                action: Salvage::KeptAsJson,
                message: format!(
                    "item of type `{kind}` does not fit its model{at}: {}",
                    failure.message
                ),
                found: None,
            });
            Item::Other(value)
        }
    }
}
