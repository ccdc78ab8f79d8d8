//! Help Center articles on `client.articles()`: create one as a draft, save changes as a
//! draft, publish.
//!
//! A new article is an [`ArticleDraft`]: its author (an admin) and title, plus an optional
//! description, body and place (a collection or a section). Ids are anything [`IntoId`]
//! accepts: `"123"`, a `String`, `&String` or an integer. The API wants the author, collection
//! and section ids as integers: one that is not a number makes the request fail with
//! [`Error::InvalidInput`](crate::Error::InvalidInput) before anything is sent. Changes to an
//! article are an [`UpdateArticleRequest`].
//!
//! Listing and reading need no wrapper: `client.articles().list()` (with `.items()` for every
//! page), `client.articles().find(id)` and `client.help_centers().collections().list()`.
//!
//! ```no_run
//! # async fn run(client: intercom_api::Client) -> Result<(), intercom_api::Error> {
//! use intercom_api::models::UpdateArticleRequest;
//! use intercom_api::wrappers::ArticleDraft;
//!
//! let articles = client.articles();
//! let author = client.admins().identify().send().await?.id;
//! let draft = ArticleDraft::new(&author, "Resetting your password")
//!     .description("How to get back into your account")
//!     .body("<h2>Overview</h2><p>Open the login page…</p>")
//!     .in_collection(6871119);
//! let article = articles.create_draft(draft).send().await?;
//! let id = article.id;
//!
//! let changes = UpdateArticleRequest::new().body("<h2>Overview</h2><p>Updated…</p>");
//! articles.save_draft(&id, changes).send().await?;
//! articles.publish(&id).send().await?;
//! # Ok(()) }
//! ```

use super::wire::wire_integer;
use crate::generated::spec_has;
use crate::models::{
    CreateArticleRequest, CreateArticleRequestParentType, CreateArticleRequestState,
};
use crate::operations::{Articles, ArticlesCreate};
use crate::IntoId;

/// A new article for [`articles().create_draft`](Articles::create_draft): its author and
/// title, plus what [`description`](Self::description), [`body`](Self::body),
/// [`in_collection`](Self::in_collection) and [`in_section`](Self::in_section) set.
///
/// For the other fields (translated content), build a [`CreateArticleRequest`]: it converts
/// into a draft.
#[derive(Debug, Clone, PartialEq)]
pub struct ArticleDraft {
    request: CreateArticleRequest,
    refusal: Option<String>,
}

impl ArticleDraft {
    /// An article by the admin `author_id` (a teammate of the Help Center's workspace) with
    /// the title `title`.
    pub fn new(author_id: impl IntoId, title: impl Into<String>) -> Self {
        let (author_id, refusal) = wire_integer("author_id", author_id);
        ArticleDraft {
            request: CreateArticleRequest::new(author_id, title),
            refusal,
        }
    }

    /// Sets the description (shown under the title).
    pub fn description(mut self, description: impl Into<String>) -> Self {
        self.request = self.request.description(description);
        self
    }

    /// Sets the content, as HTML.
    pub fn body(mut self, html: impl Into<String>) -> Self {
        self.request = self.request.body(html);
        self
    }

    /// Puts the article in the collection `collection_id` (`parent_type: collection`).
    pub fn in_collection(self, collection_id: impl IntoId) -> Self {
        self.in_parent(
            CreateArticleRequestParentType::Collection,
            "collection_id",
            collection_id,
        )
    }

    /// Puts the article in the section `section_id` (`parent_type: section`).
    pub fn in_section(self, section_id: impl IntoId) -> Self {
        self.in_parent(
            CreateArticleRequestParentType::Section,
            "section_id",
            section_id,
        )
    }

    fn in_parent(
        mut self,
        kind: CreateArticleRequestParentType,
        what: &str,
        id: impl IntoId,
    ) -> Self {
        let (id, refusal) = wire_integer(what, id);
        self.refusal = self.refusal.or(refusal);
        self.request = self.request.parent_id(id).parent_type(kind);
        self
    }
}

impl From<CreateArticleRequest> for ArticleDraft {
    fn from(request: CreateArticleRequest) -> Self {
        ArticleDraft {
            request,
            refusal: None,
        }
    }
}

impl<'a> Articles<'a> {
    /// Creates the article as a draft (`state: draft`, whatever a [`CreateArticleRequest`]
    /// said): `POST /articles`.
    pub fn create_draft(&self, article: impl Into<ArticleDraft>) -> ArticlesCreate<'a> {
        let ArticleDraft { request, refusal } = article.into();
        self.create()
            .body(request.state(CreateArticleRequestState::Draft))
            .refuse_if(refusal)
    }
}

spec_has! { article_update =>
use crate::models::{UpdateArticleRequest, UpdateArticleRequestState};
use crate::operations::ArticlesUpdate;

impl<'a> Articles<'a> {
    /// Saves changes to article `article_id` as a draft (`state: draft`), not visible to
    /// customers until published: `PUT /articles/{article_id}`.
    pub fn save_draft(
        &self,
        article_id: impl IntoId,
        changes: UpdateArticleRequest,
    ) -> ArticlesUpdate<'a> {
        self.update(article_id)
            .body(changes.state(UpdateArticleRequestState::Draft))
    }

    /// Publishes article `article_id` as it stands: `PUT /articles/{article_id}` with
    /// `{"state": "published"}`.
    pub fn publish(&self, article_id: impl IntoId) -> ArticlesUpdate<'a> {
        self.publish_with(article_id, UpdateArticleRequest::new())
    }

    /// Applies changes to article `article_id` and publishes it (`state: published`):
    /// `PUT /articles/{article_id}`.
    pub fn publish_with(
        &self,
        article_id: impl IntoId,
        changes: UpdateArticleRequest,
    ) -> ArticlesUpdate<'a> {
        self.update(article_id)
            .body(changes.state(UpdateArticleRequestState::Published))
    }
}
}
