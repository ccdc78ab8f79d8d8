//! `GET /articles/search`: its query parameters are typed by the generated builder
//! ([`Client::search_articles`](crate::Client::search_articles): `phrase`, `state`,
//! `help_center_id`, `highlight`); the `state` values it documents are typed here.

use std::fmt;

/// The `state` filter of [`Client::search_articles`](crate::Client::search_articles):
/// "One of `published`, `draft` or `all`".
///
/// ```no_run
/// use intercom_api::search::ArticleState;
/// # async fn run(client: intercom_api::Client) -> Result<(), intercom_api::Error> {
/// let found = client
///     .articles().search()
///     .phrase("Getting started")
///     .state(ArticleState::Published)
///     .help_center_id(123)
///     .highlight(true)
///     .send()
///     .await?;
/// # let _ = found; Ok(()) }
/// ```
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum ArticleState {
    /// Published articles.
    Published,
    /// Drafts.
    Draft,
    /// Both.
    All,
}

impl ArticleState {
    /// The value sent (`published`, `draft`, `all`).
    pub const fn as_str(self) -> &'static str {
        match self {
            ArticleState::Published => "published",
            ArticleState::Draft => "draft",
            ArticleState::All => "all",
        }
    }
}

impl fmt::Display for ArticleState {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.as_str())
    }
}

impl From<ArticleState> for String {
    fn from(state: ArticleState) -> String {
        state.as_str().to_string()
    }
}
