//! Every webhook topic Intercom documents, in one table.
//!
//! Source: the "Webhook Topics" tables of Intercom's developer documentation (webhook models
//! reference, REST API 2.x), plus the two `*.admin.replied.translated` topics listed for 2.16.
//! The descriptions are ours. Topics added later decode as [`Topic::Unknown`], with a
//! [`Family`] guessed from their first segment.

use std::fmt;

/// The resource a topic is about: the part of its name before the first `.`, grouped the way
/// Intercom's documentation groups its topic tables.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
#[non_exhaustive]
pub enum Family {
    /// `admin.*`: teammates joining, leaving, signing in and out, away mode, activity log.
    Admin,
    /// `article.*`: Help Center articles.
    Article,
    /// `call.*`: Intercom Phone calls.
    Call,
    /// `company.*`: companies and the contacts attached to them.
    Company,
    /// `contact.*`: users and leads.
    Contact,
    /// `content_stat.*`: engagement with outbound content (emails, chats, posts, tours, …).
    ContentStat,
    /// `conversation.*`: conversations.
    Conversation,
    /// `conversation_part.*`: single parts of a conversation.
    ConversationPart,
    /// `event.*`: data events tracked for contacts.
    Event,
    /// `job.*`: asynchronous jobs.
    Job,
    /// `ping`: the subscription check, always subscribed.
    Ping,
    /// `granular.*`: contacts opting in to or out of a subscription type.
    Subscription,
    /// `ticket.*`: tickets.
    Ticket,
    /// `visitor.*`: anonymous visitors.
    Visitor,
}

impl Family {
    /// The family of a topic name, judged by its first segment (`None` for an unknown one).
    pub fn of(topic: &str) -> Option<Family> {
        let first = topic.split('.').next().unwrap_or(topic);
        Some(match first {
            "admin" => Family::Admin,
            "article" => Family::Article,
            "call" => Family::Call,
            "company" => Family::Company,
            "contact" => Family::Contact,
            "content_stat" => Family::ContentStat,
            "conversation" => Family::Conversation,
            "conversation_part" => Family::ConversationPart,
            "event" => Family::Event,
            "job" => Family::Job,
            "ping" => Family::Ping,
            "granular" => Family::Subscription,
            "ticket" => Family::Ticket,
            "visitor" => Family::Visitor,
            _ => return None,
        })
    }
}

/// One row of the topic table.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct TopicInfo {
    /// The topic as sent in a notification's `topic` field.
    pub name: &'static str,
    /// The resource it is about.
    pub family: Family,
    /// What it reports, in a few words.
    pub description: &'static str,
}

macro_rules! topics {
    ($( $variant:ident = $name:literal, $family:ident, $description:literal; )*) => {
        /// A webhook topic: what happened.
        ///
        /// Known topics have a variant; any other arrives as [`Topic::Unknown`] with its name
        /// kept, so new Intercom topics never make a notification fail. [`Topic::as_str`]
        /// gives the name back, and parsing (`From<&str>`, `FromStr`) never fails.
        #[derive(Debug, Clone, PartialEq, Eq, Hash)]
        #[non_exhaustive]
        pub enum Topic {
            $(
                #[doc = concat!("`", $name, "`: ", $description)]
                $variant,
            )*
            /// A topic not in this crate's table, as sent.
            Unknown(String),
        }

        crate::string_enum!(Topic { $( $variant = $name, )* });

        /// Every documented topic, one row each: the one table the [`Topic`] enum is made from.
        pub const TOPICS: &[TopicInfo] = &[
            $( TopicInfo { name: $name, family: Family::$family, description: $description }, )*
        ];
    };
}

topics! {
    AdminAddedToWorkspace = "admin.added_to_workspace", Admin, "a teammate was added to the workspace.";
    AdminAwayModeUpdated = "admin.away_mode_updated", Admin, "a teammate turned away mode on or off.";
    AdminActivityLogEventCreated = "admin.activity_log_event.created", Admin, "an entry was written to the teammate activity log.";
    AdminRemovedFromWorkspace = "admin.removed_from_workspace", Admin, "a teammate was removed from the workspace.";
    AdminLoggedIn = "admin.logged_in", Admin, "a teammate signed in.";
    AdminLoggedOut = "admin.logged_out", Admin, "a teammate signed out, or their SAML SSO session ran out.";

    ArticleCreated = "article.created", Article, "an article was created.";
    ArticleUpdated = "article.updated", Article, "an article was changed.";
    ArticlePublished = "article.published", Article, "an article went live.";
    ArticleUnpublished = "article.unpublished", Article, "an article was taken down.";
    ArticleDeleted = "article.deleted", Article, "an article was deleted.";

    CallStarted = "call.started", Call, "a phone call began.";
    CallEnded = "call.ended", Call, "a connected phone call finished (not sent for calls dropped while routing).";
    CallTranscriptionAvailable = "call.transcription_available", Call, "a call's transcript can be fetched.";
    CallRecordingAvailable = "call.recording_available", Call, "a call's recording can be fetched.";

    CompanyCreated = "company.created", Company, "a company was created.";
    CompanyDeleted = "company.deleted", Company, "a company was deleted (minimal payload).";
    CompanyUpdated = "company.updated", Company, "a company was changed.";
    CompanyContactAttached = "company.contact.attached", Company, "a contact was added to a company.";
    CompanyContactDetached = "company.contact.detached", Company, "a contact was removed from a company.";

    ContactArchived = "contact.archived", Contact, "a contact was archived.";
    ContactDeleted = "contact.deleted", Contact, "a contact was deleted (minimal payload).";
    ContactEmailUpdated = "contact.email.updated", Contact, "a contact's email address changed.";
    ContactLeadAddedEmail = "contact.lead.added_email", Contact, "a lead gave an email address.";
    ContactLeadCreated = "contact.lead.created", Contact, "a lead was created.";
    ContactLeadSignedUp = "contact.lead.signed_up", Contact, "a lead became a user.";
    ContactLeadTagCreated = "contact.lead.tag.created", Contact, "a lead was tagged (the item is a contact tag).";
    ContactLeadTagDeleted = "contact.lead.tag.deleted", Contact, "a lead was untagged (the item is a contact tag).";
    ContactLeadUpdated = "contact.lead.updated", Contact, "a lead was changed.";
    ContactMerged = "contact.merged", Contact, "two contacts were merged; the item is the surviving one, with `merged_from`.";
    ContactSubscribed = "contact.subscribed", Contact, "a contact opted in to email.";
    ContactUnarchive = "contact.unarchive", Contact, "a contact was unarchived.";
    ContactUnsubscribed = "contact.unsubscribed", Contact, "a contact opted out of email.";
    ContactUserCreated = "contact.user.created", Contact, "a user was created.";
    ContactUserTagCreated = "contact.user.tag.created", Contact, "a user was tagged (the item is a contact tag).";
    ContactUserTagDeleted = "contact.user.tag.deleted", Contact, "a user was untagged (the item is a contact tag).";
    ContactUserUpdated = "contact.user.updated", Contact, "a user was changed.";

    ContentStatBanner = "content_stat.banner", ContentStat, "a banner was shown, clicked, reacted to, or achieved its goal.";
    ContentStatCarousel = "content_stat.carousel", ContentStat, "a mobile carousel was shown, tapped, completed or dismissed.";
    ContentStatChat = "content_stat.chat", ContentStat, "a chat message was delivered, opened, clicked or replied to.";
    ContentStatChecklist = "content_stat.checklist", ContentStat, "a checklist was shown or achieved its goal.";
    ContentStatCustomBot = "content_stat.custom_bot", ContentStat, "a custom bot was received, replied to or completed.";
    ContentStatEmail = "content_stat.email", ContentStat, "an email was sent, opened, clicked, bounced or unsubscribed from.";
    ContentStatNewsItem = "content_stat.news_item", ContentStat, "a news item was shown, opened, clicked or reacted to.";
    ContentStatPost = "content_stat.post", ContentStat, "a post was sent, opened, clicked, replied to or reacted to.";
    ContentStatPush = "content_stat.push", ContentStat, "a push message was sent, opened or failed.";
    ContentStatSeries = "content_stat.series", ContentStat, "a contact entered, completed, disengaged from or left a series.";
    ContentStatSeriesWebhook = "content_stat.series.webhook", ContentStat, "a series webhook step was sent or failed.";
    ContentStatSms = "content_stat.sms", ContentStat, "an SMS was sent, replied to with a keyword, failed or unsubscribed from.";
    ContentStatSurvey = "content_stat.survey", ContentStat, "a survey was shown, answered, completed or dismissed.";
    ContentStatTooltipGroup = "content_stat.tooltip_group", ContentStat, "a tooltip was shown or achieved its goal.";
    ContentStatTour = "content_stat.tour", ContentStat, "a product tour was shown, failed a step or completed.";

    ConversationAdminAssigned = "conversation.admin.assigned", Conversation, "a teammate assigned a conversation.";
    ConversationAdminClosed = "conversation.admin.closed", Conversation, "a teammate closed a conversation.";
    ConversationAdminNoted = "conversation.admin.noted", Conversation, "a teammate added a note.";
    ConversationAdminOpenAssigned = "conversation.admin.open.assigned", Conversation, "a teammate assigned an open conversation.";
    ConversationAdminOpened = "conversation.admin.opened", Conversation, "a teammate reopened a conversation.";
    ConversationAdminReplied = "conversation.admin.replied", Conversation, "a teammate replied.";
    ConversationAdminRepliedTranslated = "conversation.admin.replied.translated", Conversation, "a teammate's reply was translated (2.16; HTML block bodies only).";
    ConversationAdminSingleCreated = "conversation.admin.single.created", Conversation, "a teammate started a one-to-one conversation.";
    ConversationAdminSnoozed = "conversation.admin.snoozed", Conversation, "a teammate snoozed a conversation.";
    ConversationAdminUnsnoozed = "conversation.admin.unsnoozed", Conversation, "a teammate unsnoozed a conversation.";
    ConversationOperatorReplied = "conversation.operator.replied", Conversation, "Fin or a bot replied.";
    ConversationDeleted = "conversation.deleted", Conversation, "a conversation was deleted (minimal payload).";
    ConversationPriorityUpdated = "conversation.priority.updated", Conversation, "a conversation's priority changed.";
    ConversationRatingAdded = "conversation.rating.added", Conversation, "a contact rated a conversation.";
    ConversationRead = "conversation.read", Conversation, "a contact read a conversation.";
    ConversationUserCreated = "conversation.user.created", Conversation, "a contact started a conversation.";
    ConversationUserReplied = "conversation.user.replied", Conversation, "a contact replied.";
    ConversationContactAttached = "conversation.contact.attached", Conversation, "a contact was added to a conversation.";
    ConversationContactDetached = "conversation.contact.detached", Conversation, "a contact was removed from a conversation.";

    ConversationPartRedacted = "conversation_part.redacted", ConversationPart, "a conversation part was redacted.";
    ConversationPartTagCreated = "conversation_part.tag.created", ConversationPart, "a conversation part was tagged.";

    EventCreated = "event.created", Event, "a data event was recorded for a contact.";

    JobCompleted = "job.completed", Job, "an asynchronous job finished.";

    Ping = "ping", Ping, "a check that the endpoint answers; sent on request and from time to time, always subscribed.";

    GranularUnsubscribe = "granular.unsubscribe", Subscription, "a contact left a subscription type.";
    GranularSubscribe = "granular.subscribe", Subscription, "a contact joined a subscription type.";

    TicketCreated = "ticket.created", Ticket, "a ticket was created.";
    TicketStateUpdated = "ticket.state.updated", Ticket, "a ticket's state changed.";
    TicketNoteCreated = "ticket.note.created", Ticket, "a teammate added a note to a ticket.";
    TicketAdminAssigned = "ticket.admin.assigned", Ticket, "a ticket was assigned to a teammate.";
    TicketTeamAssigned = "ticket.team.assigned", Ticket, "a ticket was assigned to a team.";
    TicketContactAttached = "ticket.contact.attached", Ticket, "a contact was added to a ticket.";
    TicketContactDetached = "ticket.contact.detached", Ticket, "a contact was removed from a ticket.";
    TicketAttributeUpdated = "ticket.attribute.updated", Ticket, "a ticket attribute changed.";
    TicketAdminReplied = "ticket.admin.replied", Ticket, "a teammate replied on a ticket.";
    TicketAdminRepliedTranslated = "ticket.admin.replied.translated", Ticket, "a teammate's ticket reply was translated (2.16; HTML block bodies only).";
    TicketContactReplied = "ticket.contact.replied", Ticket, "a contact replied on a ticket.";
    TicketClosed = "ticket.closed", Ticket, "a ticket was closed.";
    TicketRatingProvided = "ticket.rating.provided", Ticket, "a contact rated a ticket.";

    VisitorSignedUp = "visitor.signed_up", Visitor, "a visitor became a user.";
}

impl Topic {
    /// This topic's row in [`TOPICS`], if it is a documented one.
    pub fn info(&self) -> Option<&'static TopicInfo> {
        let name = self.as_str();
        TOPICS.iter().find(|row| row.name == name)
    }

    /// The resource this topic is about: from the table for a known topic, from the first
    /// segment of the name for an unknown one (`None` if that is not a known family either).
    pub fn family(&self) -> Option<Family> {
        match self.info() {
            Some(row) => Some(row.family),
            None => Family::of(self.as_str()),
        }
    }

    /// Whether the topic is in this crate's table.
    pub fn is_known(&self) -> bool {
        !matches!(self, Topic::Unknown(_))
    }
}

impl fmt::Display for Family {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        fmt::Debug::fmt(self, f)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_table_round_trips_and_has_no_duplicates() {
        let mut names: Vec<&str> = TOPICS.iter().map(|row| row.name).collect();
        for row in TOPICS {
            let topic = Topic::from(row.name);
            assert!(topic.is_known(), "{}", row.name);
            assert_eq!(topic.as_str(), row.name);
            assert_eq!(topic.family(), Some(row.family), "{}", row.name);
            assert_eq!(Family::of(row.name), Some(row.family), "{}", row.name);
        }
        names.sort_unstable();
        names.dedup();
        assert_eq!(names.len(), TOPICS.len());
    }

    #[test]
    fn unknown_topics_keep_their_name_and_guess_a_family() {
        let topic: Topic = "conversation.brand_new".parse().unwrap();
        assert_eq!(topic, Topic::Unknown("conversation.brand_new".into()));
        assert_eq!(topic.to_string(), "conversation.brand_new");
        assert_eq!(topic.family(), Some(Family::Conversation));
        assert_eq!(Topic::from("user.created").family(), None);
    }
}
