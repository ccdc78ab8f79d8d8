//! The conversation lifecycle on `client.conversations()`: start one from a contact, reply as
//! an admin or as the contact, add internal notes, assign, close, snooze, reopen, tag, and read
//! the parts.
//!
//! Every call takes the conversation id first, then the admin acting (Intercom records who did
//! what), and returns the generated request builder: finish it with `.send().await`. Ids are
//! anything [`IntoId`] accepts: `"123"`, a `String`, `&String` or an integer.
//!
//! ```no_run
//! # async fn run(client: intercom_api::Client) -> Result<(), intercom_api::Error> {
//! use std::time::Duration;
//! use intercom_api::wrappers::{ContactRef, CreateConversationRequestFromType as Role};
//!
//! let conversations = client.conversations();
//! let admin = "991267459";
//!
//! // A contact (role `user`) writes in; the answer is the message, naming the conversation.
//! let message = conversations
//!     .create_from_contact("6762f0dd1bb69f9f2193bb83", Role::User, "Hi, my export failed.")
//!     .send()
//!     .await?;
//! let id = message.conversation_id.unwrap_or_default();
//!
//! conversations.reply_as_admin(&id, admin, "Thanks, looking into it.").send().await?;
//! conversations.note(&id, admin, "<p>Root cause: a stale cache.</p>").send().await?;
//! let ada = ContactRef::email("ada@example.com");
//! conversations.reply_as_contact(&id, ada, "Thank you!").send().await?;
//! conversations.assign_to_team(&id, admin, 814).send().await?;
//! conversations.snooze_for(&id, admin, Duration::from_secs(3600)).send().await?;
//! conversations.reopen(&id, admin).send().await?;
//! conversations.add_tag(&id, admin, 7522907).send().await?;
//! conversations.close(&id, admin, Some("Solved, closing.")).send().await?;
//!
//! // The parts (replies, notes, assignments, state changes), each with its kind.
//! for (kind, part) in conversations.find(&id).send().await?.parts() {
//!     println!("{kind:?}: {:?}", part.body);
//! }
//! # Ok(()) }
//! ```
//!
//! The workspace's assignment rules run through the generated
//! `client.conversations().run_assignment_rules(id)`. A reply to a closed conversation fails
//! with an error for which [`Error::is_conversation_closed`] holds.

use std::time::{Duration, SystemTime};

use super::ContactRef;
use crate::models::{
    AdminReplyConversationRequest, AdminReplyConversationRequestMessageType,
    AssignConversationRequest, AssignConversationRequestType, CloseConversationRequest,
    ContactReplyConversationRequest, ContactReplyEmailRequest, ContactReplyIntercomUserIdRequest,
    ContactReplyUserIdRequest, Conversation, ConversationPart, ConversationPartPartType,
    CreateConversationRequest, CreateConversationRequestFrom, CreateConversationRequestFromType,
    OpenConversationRequest, ReplyConversationRequest, SnoozeConversationRequest,
};
use crate::operations::{
    Conversations, ConversationsCreate, ConversationsManage, ConversationsReply,
};
#[cfg(feature = "tags")]
use crate::{
    models::{AttachTagToConversationRequest, DetachTagFromConversationRequest},
    operations::{TagsTagConversation, TagsUntagConversation},
};
use crate::{Error, IntoId, Timestamp};

impl<'a> Conversations<'a> {
    /// Starts a conversation from the contact `contact_id` (Intercom's id; `role` says
    /// whether it is a `user` or a `lead`) with its first message: `POST /conversations`.
    /// The answer is the message, whose `conversation_id` names the new conversation.
    pub fn create_from_contact(
        &self,
        contact_id: impl IntoId,
        role: CreateConversationRequestFromType,
        body: impl Into<String>,
    ) -> ConversationsCreate<'a> {
        let from = CreateConversationRequestFrom::new(contact_id, role);
        self.create(CreateConversationRequest::new(body, from))
    }

    fn admin_reply(
        &self,
        id: impl IntoId,
        admin_id: impl IntoId,
        kind: AdminReplyConversationRequestMessageType,
        body: String,
    ) -> ConversationsReply<'a> {
        let reply = AdminReplyConversationRequest::new(admin_id, kind).body(body);
        self.reply(id, ReplyConversationRequest::from(reply))
    }

    /// Replies to conversation `id` as admin `admin_id` with a comment the contact sees:
    /// `POST /conversations/{id}/reply` with `message_type: comment`.
    pub fn reply_as_admin(
        &self,
        id: impl IntoId,
        admin_id: impl IntoId,
        body: impl Into<String>,
    ) -> ConversationsReply<'a> {
        let comment = AdminReplyConversationRequestMessageType::Comment;
        self.admin_reply(id, admin_id, comment, body.into())
    }

    /// Adds an internal note to conversation `id` as admin `admin_id` (seen by admins only;
    /// HTML such as `<p>` is allowed): `POST /conversations/{id}/reply` with
    /// `message_type: note`.
    pub fn note(
        &self,
        id: impl IntoId,
        admin_id: impl IntoId,
        html: impl Into<String>,
    ) -> ConversationsReply<'a> {
        let note = AdminReplyConversationRequestMessageType::Note;
        self.admin_reply(id, admin_id, note, html.into())
    }

    /// Replies to conversation `id` on behalf of a contact, named in any of the three ways
    /// Intercom accepts: `POST /conversations/{id}/reply` with `type: user`.
    pub fn reply_as_contact(
        &self,
        id: impl IntoId,
        contact: ContactRef,
        body: impl Into<String>,
    ) -> ConversationsReply<'a> {
        let body = body.into();
        let reply = match contact {
            ContactRef::IntercomUserId(contact_id) => ContactReplyConversationRequest::from(
                ContactReplyIntercomUserIdRequest::new(body, contact_id),
            ),
            ContactRef::UserId(user_id) => {
                ContactReplyConversationRequest::from(ContactReplyUserIdRequest::new(body, user_id))
            }
            ContactRef::Email(email) => {
                ContactReplyConversationRequest::from(ContactReplyEmailRequest::new(body, email))
            }
        };
        self.reply(id, ReplyConversationRequest::from(reply))
    }

    /// Assigns conversation `id` to admin `assignee_id`, as admin `admin_id`:
    /// `POST /conversations/{id}/parts` with `message_type: assignment, type: admin`.
    pub fn assign_to_admin(
        &self,
        id: impl IntoId,
        admin_id: impl IntoId,
        assignee_id: impl IntoId,
    ) -> ConversationsManage<'a> {
        let to = AssignConversationRequestType::Admin;
        self.manage(
            id,
            AssignConversationRequest::new(admin_id, assignee_id, to),
        )
    }

    /// Assigns conversation `id` to team `team_id`, as admin `admin_id`:
    /// `POST /conversations/{id}/parts` with `message_type: assignment, type: team`.
    pub fn assign_to_team(
        &self,
        id: impl IntoId,
        admin_id: impl IntoId,
        team_id: impl IntoId,
    ) -> ConversationsManage<'a> {
        let to = AssignConversationRequestType::Team;
        self.manage(id, AssignConversationRequest::new(admin_id, team_id, to))
    }

    /// Assigns conversation `id` to the admin or team `assignee_id` (`kind` says which), as
    /// admin `admin_id`, with a message posted alongside.
    pub fn assign_with_message(
        &self,
        id: impl IntoId,
        admin_id: impl IntoId,
        assignee_id: impl IntoId,
        kind: AssignConversationRequestType,
        message: impl Into<String>,
    ) -> ConversationsManage<'a> {
        let assign = AssignConversationRequest::new(admin_id, assignee_id, kind).body(message);
        self.manage(id, assign)
    }

    /// Unassigns conversation `id`, as admin `admin_id` (assignee `0`, as Intercom documents).
    pub fn unassign(&self, id: impl IntoId, admin_id: impl IntoId) -> ConversationsManage<'a> {
        self.assign_to_admin(id, admin_id, 0)
    }

    /// Closes conversation `id` as admin `admin_id`, optionally leaving a message:
    /// `POST /conversations/{id}/parts` with `message_type: close`.
    pub fn close(
        &self,
        id: impl IntoId,
        admin_id: impl IntoId,
        message: Option<&str>,
    ) -> ConversationsManage<'a> {
        let close = CloseConversationRequest::new(admin_id);
        self.manage(
            id,
            match message {
                Some(message) => close.body(message),
                None => close,
            },
        )
    }

    /// Snoozes conversation `id` until `until`, as admin `admin_id`:
    /// `POST /conversations/{id}/parts` with `message_type: snoozed, type: admin`.
    pub fn snooze_until(
        &self,
        id: impl IntoId,
        admin_id: impl IntoId,
        until: impl Into<Timestamp>,
    ) -> ConversationsManage<'a> {
        let snooze = SnoozeConversationRequest::new(admin_id, until.into()).r#type("admin");
        self.manage(id, snooze)
    }

    /// Snoozes conversation `id` for `duration` from now, as admin `admin_id`.
    pub fn snooze_for(
        &self,
        id: impl IntoId,
        admin_id: impl IntoId,
        duration: Duration,
    ) -> ConversationsManage<'a> {
        self.snooze_until(id, admin_id, SystemTime::now() + duration)
    }

    /// Reopens the closed or snoozed conversation `id`, as admin `admin_id`:
    /// `POST /conversations/{id}/parts` with `message_type: open, type: admin`.
    pub fn reopen(&self, id: impl IntoId, admin_id: impl IntoId) -> ConversationsManage<'a> {
        self.manage(id, OpenConversationRequest::new(admin_id).r#type("admin"))
    }

    /// Tags conversation `id` with tag `tag_id`, as admin `admin_id` (feature `tags`):
    /// `POST /conversations/{id}/tags`.
    #[cfg(feature = "tags")]
    pub fn add_tag(
        &self,
        id: impl IntoId,
        admin_id: impl IntoId,
        tag_id: impl IntoId,
    ) -> TagsTagConversation<'a> {
        let tag = AttachTagToConversationRequest::new(admin_id, tag_id);
        self.client.tags().tag_conversation(id, tag)
    }

    /// Removes tag `tag_id` from conversation `id`, as admin `admin_id` (feature `tags`):
    /// `DELETE /conversations/{id}/tags/{tag_id}`.
    #[cfg(feature = "tags")]
    pub fn remove_tag(
        &self,
        id: impl IntoId,
        admin_id: impl IntoId,
        tag_id: impl IntoId,
    ) -> TagsUntagConversation<'a> {
        let by = DetachTagFromConversationRequest::new(admin_id);
        self.client.tags().untag_conversation(id, tag_id, by)
    }
}

impl ConversationPartPartType {
    /// Whether this part ended a snooze: Intercom writes `timer_unsnooze` when the snooze
    /// ran out and `unsnoozed` when someone woke the conversation early. Neither is in the
    /// OpenAPI description, so both read as [`ConversationPartPartType::Unknown`].
    pub fn is_snooze_end(&self) -> bool {
        matches!(self.as_str(), "timer_unsnooze" | "unsnoozed")
    }

    /// Whether this part added or removed tags (`conversation_tagged`,
    /// `conversation_untagged` or `tagging`; none is in the OpenAPI description, so each
    /// reads as [`ConversationPartPartType::Unknown`]).
    pub fn is_tagging(&self) -> bool {
        matches!(
            self.as_str(),
            "conversation_tagged" | "conversation_untagged" | "tagging"
        )
    }
}

impl Conversation {
    /// The parts of the conversation (replies, notes, assignments, state changes) in order,
    /// each with its kind (its `part_type`).
    pub fn parts(&self) -> impl Iterator<Item = (&ConversationPartPartType, &ConversationPart)> {
        self.conversation_parts
            .iter()
            .flat_map(|p| p.conversation_parts.iter().flatten())
            .map(|part| (&part.part_type, part))
    }
}

impl Error {
    /// Whether the API refused because the conversation is closed (`conversation_closed`).
    pub fn is_conversation_closed(&self) -> bool {
        self.has_code("conversation_closed")
    }
}
