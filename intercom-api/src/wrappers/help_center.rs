//! Help Center articles: create as a draft, save changes as a draft, publish.
//!
//! Listing and reading need no wrapper: `client.list_articles()` (with `.items()` for every
//! page), `client.retrieve_article(id)` and `client.list_all_collections()`.
//!
//! ```no_run
//! # async fn run(client: intercom_api::Client) -> Result<(), intercom_api::Error> {
//! use intercom_api::models::{CreateArticleRequest, UpdateArticleRequest};
//!
//! let draft = CreateArticleRequest::new(991267459, "Resetting your password")
//!     .description("How to get back into your account")
//!     .body("<h2>Overview</h2><p>Open the login page…</p>")
//!     .in_collection(6871119);
//! let article = client.create_draft_article(draft).send().await?;
//! let id = article.id;
//!
//! let changes = UpdateArticleRequest::new().body("<h2>Overview</h2><p>Updated…</p>");
//! client.save_article_draft(&id, changes).send().await?;
//! client.publish_article(&id).send().await?;
//! # Ok(()) }
//! ```

use std::fmt::Display;

use crate::models::{
    CreateArticleRequest, CreateArticleRequestParentType, CreateArticleRequestState,
    UpdateArticleRequest, UpdateArticleRequestState,
};
use crate::operations::{CreateArticle, UpdateArticle};
use crate::Client;

impl CreateArticleRequest {
    /// Puts the article in the collection `collection_id` (`parent_type: collection`).
    pub fn in_collection(mut self, collection_id: i64) -> Self {
        self.parent_id = Some(collection_id);
        self.parent_type = Some(CreateArticleRequestParentType::Collection);
        self
    }

    /// Puts the article in the section `section_id` (`parent_type: section`).
    pub fn in_section(mut self, section_id: i64) -> Self {
        self.parent_id = Some(section_id);
        self.parent_type = Some(CreateArticleRequestParentType::Section);
        self
    }
}

impl Client {
    /// Creates the article as a draft (`state: draft`), whatever `article.state` says:
    /// `POST /articles`.
    pub fn create_draft_article(&self, article: CreateArticleRequest) -> CreateArticle<'_> {
        self.create_article()
            .body(article.state(CreateArticleRequestState::Draft))
    }

    /// Saves changes to an article as a draft (`state: draft`), not visible to customers
    /// until published: `PUT /articles/{article_id}`.
    pub fn save_article_draft(
        &self,
        article_id: impl Display,
        changes: UpdateArticleRequest,
    ) -> UpdateArticle<'_> {
        self.update_article(article_id)
            .body(changes.state(UpdateArticleRequestState::Draft))
    }

    /// Publishes an article as it stands: `PUT /articles/{article_id}` with
    /// `{"state": "published"}`.
    pub fn publish_article(&self, article_id: impl Display) -> UpdateArticle<'_> {
        self.publish_article_with(article_id, UpdateArticleRequest::new())
    }

    /// Applies changes to an article and publishes it (`state: published`):
    /// `PUT /articles/{article_id}`.
    pub fn publish_article_with(
        &self,
        article_id: impl Display,
        changes: UpdateArticleRequest,
    ) -> UpdateArticle<'_> {
        self.update_article(article_id)
            .body(changes.state(UpdateArticleRequestState::Published))
    }
}
