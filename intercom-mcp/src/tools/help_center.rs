//! Help Center (seed 004): articles list, get, create, update; collections list. Every call
//! into the client for these tools is in `call`.

use intercom_api::models::{Article, CreateArticleRequest, UpdateArticleRequest};
use intercom_api::Client;
use serde_json::json;

use crate::failure::Failure;
use crate::input::Input;
use crate::output::{page_summary, Output};
use crate::tool::{Param, Tool};

const ARTICLE_ID: Param = Param::path("articleId", "article_id");
const PAGES: &[Param] = &[
    Param::query("page", "page"),
    Param::query("per_page", "per_page"),
];

/// The article fields create and update share: create requires `title` and `author_id`.
const FIELDS: [Param; 7] = [
    Param::body("title", &["title"]),
    Param::body("description", &["description"]),
    Param::body("body", &["body"]).note("Valid HTML (<h2>, <p>, <ul><li>, <strong>, <a href>)."),
    Param::body("author_id", &["author_id"]),
    Param::body("state", &["state"]),
    Param::body("parent_id", &["parent_id"]),
    Param::body("parent_type", &["parent_type"]),
];

const CREATE: &[Param] = &{
    let [title, description, body, author, state, parent_id, parent_type] = FIELDS;
    [
        title.required(),
        description,
        body,
        author.required(),
        state,
        parent_id,
        parent_type,
    ]
};

const UPDATE: &[Param] = &{
    let [title, description, body, author, state, parent_id, parent_type] = FIELDS;
    [
        ARTICLE_ID,
        title,
        description,
        body,
        author,
        state,
        parent_id,
        parent_type,
    ]
};

/// The tools.
pub const TOOLS: &[Tool] = &[
    Tool {
        name: "list_articles",
        description: "List the Help Center articles (id, state, title, …), a page at a time",
        operation: "listArticles",
        variant: None,
        params: PAGES,
        read_only: true,
    },
    Tool {
        name: "get_article",
        description: "Get a Help Center article with its title, state, URL and body",
        operation: "retrieveArticle",
        variant: None,
        params: &[ARTICLE_ID],
        read_only: true,
    },
    Tool {
        name: "create_article",
        description: "Create a Help Center article, as a draft unless state is \"published\"; its parent is a collection or a section",
        operation: "createArticle",
        variant: None,
        params: CREATE,
        read_only: false,
    },
    Tool {
        name: "update_article",
        description: "Update a Help Center article (title, body, state, …); update as a draft first and confirm before publishing",
        operation: "updateArticle",
        variant: None,
        params: UPDATE,
        read_only: false,
    },
    Tool {
        name: "list_collections",
        description: "List the Help Center collections (id and name), a page at a time",
        operation: "listAllCollections",
        variant: None,
        params: PAGES,
        read_only: true,
    },
];

/// Runs tool `name`.
pub async fn call(client: &Client, name: &str, input: Input) -> Result<Output, Failure> {
    match name {
        "list_articles" => {
            let mut request = client.articles().list();
            if let Some(page) = input.get::<i64>("page")? {
                request = request.page(page);
            }
            if let Some(per_page) = input.get::<i64>("per_page")? {
                request = request.per_page(per_page);
            }
            let list = request.send().await?;
            let count = list.data.as_ref().map_or(0, Vec::len);
            Output::new(&list, page_summary("articles", count, list.total_count))
        }
        "get_article" => {
            let id: String = input.require("articleId")?;
            let article = client.articles().find(&id).send().await?;
            done(&article, "Article")
        }
        "create_article" => {
            let body: CreateArticleRequest = input.body(json!({}))?;
            let article = client.articles().create().body(body).send().await?;
            done(&article, "Created article")
        }
        "update_article" => {
            let id: String = input.require("articleId")?;
            let body: UpdateArticleRequest = input.body(json!({}))?;
            let article = client.articles().update(&id).body(body).send().await?;
            done(&article, "Updated article")
        }
        "list_collections" => {
            let mut request = client.help_centers().collections().list();
            if let Some(page) = input.get::<i64>("page")? {
                request = request.page(page);
            }
            if let Some(per_page) = input.get::<i64>("per_page")? {
                request = request.per_page(per_page);
            }
            let list = request.send().await?;
            let count = list.data.as_ref().map_or(0, Vec::len);
            Output::new(&list, page_summary("collections", count, list.total_count))
        }
        _ => Err(Failure::unknown_tool(name)),
    }
}

/// `"Created article 12 "Title" (draft)."`
fn done(article: &Article, what: &str) -> Result<Output, Failure> {
    Output::new(
        article,
        format!(
            "{what} {} \"{}\" ({}).",
            article.id,
            article.title,
            article.state.as_str()
        ),
    )
}
