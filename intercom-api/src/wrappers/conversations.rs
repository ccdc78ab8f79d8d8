//! The conversation lifecycle: create, reply as an admin or a contact, add internal notes,
//! assign, close, snooze, reopen, tag, and read the parts.
//!
//! ```no_run
//! # async fn run(client: intercom_api::Client) -> Result<(), intercom_api::Error> {
//! use intercom_api::wrappers::ContactRef;
//!
//! let convo = client.conversation("123");
//! convo.reply_as_admin("991267459", "Thanks, looking into it.").send().await?;
//! convo.note("991267459", "<p>Root cause: a stale cache.</p>").send().await?;
//! convo.reply_as_contact(ContactRef::Email("ada@example.com".into()), "Thank you!").send().await?;
//! convo.assign_to_team("991267459", "814").send().await?;
//! convo.snooze_for("991267459", std::time::Duration::from_secs(3600)).send().await?;
//! convo.reopen("991267459").send().await?;
//! convo.close("991267459", Some("Solved, closing.")).send().await?;
//! for (kind, part) in convo.get().send().await?.parts() {
//!     println!("{kind:?}: {:?}", part.body);
//! }
//! # Ok(()) }
//! ```

use std::time::{Duration, SystemTime};

use super::ContactRef;
use crate::models::{
    AdminReplyConversationRequest, AdminReplyConversationRequestMessageType,
    AssignConversationRequest, AssignConversationRequestType, CloseConversationRequest,
    ContactReplyConversationRequest, ContactReplyEmailRequest, ContactReplyIntercomUserIdRequest,
    ContactReplyUserIdRequest, Conversation, ConversationPart, CreateConversationRequest,
    CreateConversationRequestFrom, CreateConversationRequestFromType, ManageConversationRequest,
    OpenConversationRequest, ReplyConversationRequest, SnoozeConversationRequest,
};
use crate::operations::{
    CreateConversation, ManageConversation, ReplyConversation, RetrieveConversation,
};
use crate::runtime::{segment, Method, RawRequest};
#[cfg(feature = "tags")]
use crate::{
    models::{AttachTagToConversationRequest, DetachTagFromConversationRequest},
    operations::{AttachTagToConversation, DetachTagFromConversation},
};
use crate::{Client, Error, Timestamp};

/// One conversation, for the lifecycle calls. Made by [`Client::conversation`].
#[derive(Debug, Clone, Copy)]
pub struct ConversationHandle<'a> {
    client: &'a Client,
    id: &'a str,
}

impl Client {
    /// The conversation `id`, to reply to, assign, close, snooze, reopen, tag or read.
    pub fn conversation<'a>(&'a self, id: &'a str) -> ConversationHandle<'a> {
        ConversationHandle { client: self, id }
    }

    /// Starts a conversation from a contact (`role` `user` or `lead`, by Intercom id) with a
    /// first message; the answer is the message, whose `conversation_id` names the new
    /// conversation.
    pub fn create_conversation_from_contact(
        &self,
        contact_id: impl Into<String>,
        role: CreateConversationRequestFromType,
        body: impl Into<String>,
    ) -> CreateConversation<'_> {
        let from = CreateConversationRequestFrom::new(contact_id, role);
        self.create_conversation(CreateConversationRequest::new(body, from))
    }
}

impl<'a> ConversationHandle<'a> {
    /// The conversation id.
    pub fn id(&self) -> &str {
        self.id
    }

    /// Fetches the conversation with its parts (see [`Conversation::parts`]).
    pub fn get(&self) -> RetrieveConversation<'a> {
        self.client.retrieve_conversation(self.id)
    }

    fn admin_reply(
        &self,
        admin_id: &str,
        kind: AdminReplyConversationRequestMessageType,
        body: String,
    ) -> ReplyConversation<'a> {
        let reply = AdminReplyConversationRequest::new(admin_id, kind).body(body);
        self.client
            .reply_conversation(self.id, ReplyConversationRequest::from(reply))
    }

    /// Replies as admin `admin_id` with a comment the contact sees.
    pub fn reply_as_admin(&self, admin_id: &str, body: impl Into<String>) -> ReplyConversation<'a> {
        self.admin_reply(
            admin_id,
            AdminReplyConversationRequestMessageType::Comment,
            body.into(),
        )
    }

    /// Adds an internal note (admins only; HTML such as `<p>` is allowed).
    pub fn note(&self, admin_id: &str, html: impl Into<String>) -> ReplyConversation<'a> {
        self.admin_reply(
            admin_id,
            AdminReplyConversationRequestMessageType::Note,
            html.into(),
        )
    }

    /// Replies on behalf of a contact.
    pub fn reply_as_contact(
        &self,
        contact: ContactRef,
        body: impl Into<String>,
    ) -> ReplyConversation<'a> {
        let body = body.into();
        let reply = match contact {
            ContactRef::IntercomUserId(id) => ContactReplyConversationRequest::from(
                ContactReplyIntercomUserIdRequest::new(body, id),
            ),
            ContactRef::UserId(id) => {
                ContactReplyConversationRequest::from(ContactReplyUserIdRequest::new(body, id))
            }
            ContactRef::Email(email) => {
                ContactReplyConversationRequest::from(ContactReplyEmailRequest::new(body, email))
            }
        };
        self.client
            .reply_conversation(self.id, ReplyConversationRequest::from(reply))
    }

    fn manage(&self, request: impl Into<ManageConversationRequest>) -> ManageConversation<'a> {
        self.client.manage_conversation(self.id, request)
    }

    /// Assigns the conversation to admin `assignee_id`, as admin `admin_id`.
    pub fn assign_to_admin(&self, admin_id: &str, assignee_id: &str) -> ManageConversation<'a> {
        self.manage(AssignConversationRequest::new(
            admin_id,
            assignee_id,
            AssignConversationRequestType::Admin,
        ))
    }

    /// Assigns the conversation to team `team_id`, as admin `admin_id`.
    pub fn assign_to_team(&self, admin_id: &str, team_id: &str) -> ManageConversation<'a> {
        self.manage(AssignConversationRequest::new(
            admin_id,
            team_id,
            AssignConversationRequestType::Team,
        ))
    }

    /// Assigns the conversation with a message posted alongside (as in the curl recipe).
    pub fn assign_with_message(
        &self,
        admin_id: &str,
        assignee_id: &str,
        kind: AssignConversationRequestType,
        message: impl Into<String>,
    ) -> ManageConversation<'a> {
        self.manage(AssignConversationRequest::new(admin_id, assignee_id, kind).body(message))
    }

    /// Unassigns the conversation (assignee `0`, as Intercom documents).
    pub fn unassign(&self, admin_id: &str) -> ManageConversation<'a> {
        self.manage(AssignConversationRequest::new(
            admin_id,
            "0",
            AssignConversationRequestType::Admin,
        ))
    }

    /// Runs the workspace's assignment rules on the conversation.
    ///
    /// Intercom dropped this endpoint from 2.14, so it is sent through [`Client::raw`] with
    /// `Intercom-Version: 2.11`, the last version that documents it; decode the answer with
    /// `.send_json::<Conversation>()`.
    pub fn run_assignment_rules(&self) -> Result<RawRequest<'a>, Error> {
        let path = format!(
            "/conversations/{}/run_assignment_rules",
            segment("conversation_id", self.id)?
        );
        Ok(self.client.raw(Method::POST, path).intercom_version("2.11"))
    }

    /// Closes the conversation, optionally leaving a message.
    pub fn close(&self, admin_id: &str, message: Option<&str>) -> ManageConversation<'a> {
        let close = CloseConversationRequest::new(admin_id);
        self.manage(match message {
            Some(message) => close.body(message),
            None => close,
        })
    }

    /// Snoozes the conversation until `until`.
    pub fn snooze_until(
        &self,
        admin_id: &str,
        until: impl Into<Timestamp>,
    ) -> ManageConversation<'a> {
        self.manage(SnoozeConversationRequest::new(admin_id, until.into()))
    }

    /// Snoozes the conversation for `duration` from now.
    pub fn snooze_for(&self, admin_id: &str, duration: Duration) -> ManageConversation<'a> {
        self.snooze_until(admin_id, SystemTime::now() + duration)
    }

    /// Reopens a closed or snoozed conversation.
    pub fn reopen(&self, admin_id: &str) -> ManageConversation<'a> {
        self.manage(OpenConversationRequest::new(admin_id))
    }

    /// Attaches tag `tag_id`, as admin `admin_id` (feature `tags`).
    #[cfg(feature = "tags")]
    pub fn attach_tag(&self, admin_id: &str, tag_id: &str) -> AttachTagToConversation<'a> {
        self.client.attach_tag_to_conversation(
            self.id,
            AttachTagToConversationRequest::new(admin_id, tag_id),
        )
    }

    /// Removes tag `tag_id`, as admin `admin_id` (feature `tags`).
    #[cfg(feature = "tags")]
    pub fn detach_tag(&self, admin_id: &str, tag_id: &str) -> DetachTagFromConversation<'a> {
        self.client.detach_tag_from_conversation(
            self.id,
            tag_id,
            DetachTagFromConversationRequest::new(admin_id),
        )
    }
}

/// The kind of a conversation part (`part_type`), with a fallback for kinds this crate does
/// not know.
#[derive(Debug, Clone, PartialEq, Eq, Hash)]
#[non_exhaustive]
pub enum PartKind {
    /// A reply the contact sees.
    Comment,
    /// An internal note.
    Note,
    /// An assignment to an admin or team.
    Assignment,
    /// An assignment by the workspace's default rules.
    DefaultAssignment,
    /// An assignment made because the assignee went away.
    AwayModeAssignment,
    /// The conversation was closed.
    Close,
    /// The conversation was (re)opened.
    Open,
    /// The conversation was snoozed.
    Snoozed,
    /// A snooze ended.
    Unsnoozed,
    /// A quick-reply choice.
    QuickReply,
    /// Tags were added or removed.
    Tagging,
    /// A part kind this crate does not know, with its `part_type`.
    Other(String),
}

impl PartKind {
    /// The kind for a `part_type` string.
    pub fn from_part_type(part_type: &str) -> PartKind {
        match part_type {
            "comment" => PartKind::Comment,
            "note" => PartKind::Note,
            "assignment" => PartKind::Assignment,
            "default_assignment" => PartKind::DefaultAssignment,
            "away_mode_assignment" => PartKind::AwayModeAssignment,
            "close" => PartKind::Close,
            "open" => PartKind::Open,
            "snoozed" => PartKind::Snoozed,
            "timer_unsnooze" | "unsnoozed" => PartKind::Unsnoozed,
            "quick_reply" => PartKind::QuickReply,
            "conversation_tagged" | "conversation_untagged" | "tagging" => PartKind::Tagging,
            other => PartKind::Other(other.to_string()),
        }
    }
}

impl ConversationPart {
    /// This part's kind.
    pub fn kind(&self) -> PartKind {
        PartKind::from_part_type(self.part_type.as_str())
    }
}

impl Conversation {
    /// The parts of the conversation (replies, notes, assignments, state changes) in order,
    /// each with its kind.
    pub fn parts(&self) -> impl Iterator<Item = (PartKind, &ConversationPart)> {
        self.conversation_parts
            .iter()
            .flat_map(|p| p.conversation_parts.iter().flatten())
            .map(|part| (part.kind(), part))
    }
}

impl Error {
    /// Whether the API refused because the conversation is closed (`conversation_closed`).
    pub fn is_conversation_closed(&self) -> bool {
        self.has_code("conversation_closed")
    }
}
