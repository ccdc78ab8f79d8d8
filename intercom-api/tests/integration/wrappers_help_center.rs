//! The Help Center calls send exactly the curl requests of seed 004.

use crate::common;

use common::api as client;
use intercom_api::models::{CreateArticleRequest, CreateArticleRequestState, UpdateArticleRequest};
use intercom_api::wrappers::ArticleDraft;
use serde_json::{json, Value};
use wiremock::matchers::{body_json, header};
use wiremock::{MockBuilder, MockServer, ResponseTemplate};

fn given(verb: &str, at: &str) -> MockBuilder {
    common::given(verb, at).and(header("accept", "application/json"))
}

fn article(state: &str) -> ResponseTemplate {
    ResponseTemplate::new(200).set_body_json(json!({
        "type": "article",
        "id": "12345",
        "title": "Article Title",
        "state": state,
        "url": "https://help.example.com/articles/12345"
    }))
}

async fn expect_body(verb: &str, at: &str, body: Value, response: ResponseTemplate) -> MockServer {
    let server = MockServer::start().await;
    given(verb, at)
        .and(header("content-type", "application/json"))
        .and(body_json(body))
        .respond_with(response)
        .expect(1)
        .mount(&server)
        .await;
    server
}

#[tokio::test]
async fn create_draft_article_is_the_seed_curl_body() {
    let server = expect_body(
        "POST",
        "/articles",
        json!({
            "title": "Article Title",
            "description": "Short description shown in search results",
            "body": "<h2>Overview</h2><p>Content here...</p>",
            "author_id": 991267459,
            "state": "draft",
            "parent_id": 6871119,
            "parent_type": "collection"
        }),
        article("draft"),
    )
    .await;
    let draft = ArticleDraft::new("991267459", "Article Title")
        .description("Short description shown in search results")
        .body("<h2>Overview</h2><p>Content here...</p>")
        .in_collection(6871119);
    let created = client(&server)
        .articles()
        .create_draft(draft)
        .send()
        .await
        .expect("article");
    assert_eq!(created.id, "12345");
}

#[tokio::test]
async fn article_in_a_section() {
    let server = expect_body(
        "POST",
        "/articles",
        json!({"title": "T", "author_id": 1, "state": "draft", "parent_id": 7, "parent_type": "section"}),
        article("draft"),
    )
    .await;
    let draft = ArticleDraft::new(1, "T").in_section(String::from("7"));
    client(&server)
        .articles()
        .create_draft(draft)
        .send()
        .await
        .expect("article");
}

#[tokio::test]
async fn a_create_article_request_is_created_as_a_draft() {
    let server = expect_body(
        "POST",
        "/articles",
        json!({"title": "T", "author_id": 1, "state": "draft", "description": "D"}),
        article("draft"),
    )
    .await;
    let request = CreateArticleRequest::new(1, "T")
        .description("D")
        .state(CreateArticleRequestState::Published);
    client(&server)
        .articles()
        .create_draft(request)
        .send()
        .await
        .expect("article");
}

#[tokio::test]
async fn publish_with_changes_is_the_seed_update_curl_body() {
    let server = expect_body(
        "PUT",
        "/articles/12345",
        json!({
            "title": "Updated Title",
            "body": "<h2>Overview</h2><p>Updated content...</p>",
            "state": "published"
        }),
        article("published"),
    )
    .await;
    let changes = UpdateArticleRequest::new()
        .title("Updated Title")
        .body("<h2>Overview</h2><p>Updated content...</p>");
    client(&server)
        .articles()
        .publish_with("12345", changes)
        .send()
        .await
        .expect("article");
}

#[tokio::test]
async fn save_draft_then_publish() {
    let server = MockServer::start().await;
    given("PUT", "/articles/12345")
        .and(body_json(json!({"body": "<p>Draft</p>", "state": "draft"})))
        .respond_with(article("draft"))
        .expect(1)
        .mount(&server)
        .await;
    given("PUT", "/articles/12345")
        .and(body_json(json!({"state": "published"})))
        .respond_with(article("published"))
        .expect(1)
        .mount(&server)
        .await;
    let client = client(&server);
    client
        .articles()
        .save_draft("12345", UpdateArticleRequest::new().body("<p>Draft</p>"))
        .send()
        .await
        .expect("draft");
    client
        .articles()
        .publish(12345)
        .send()
        .await
        .expect("publish");
}

#[tokio::test]
async fn list_get_and_collections_are_the_seed_gets() {
    let server = MockServer::start().await;
    given("GET", "/articles")
        .respond_with(ResponseTemplate::new(200).set_body_json(json!({
            "type": "list",
            "data": [{"type": "article", "id": "12345", "title": "Article Title", "state": "published"}],
            "total_count": 1
        })))
        .expect(1)
        .mount(&server)
        .await;
    given("GET", "/articles/12345")
        .respond_with(article("published"))
        .expect(1)
        .mount(&server)
        .await;
    given("GET", "/help_center/collections")
        .respond_with(ResponseTemplate::new(200).set_body_json(json!({
            "type": "list",
            "data": [{"type": "collection", "id": "6871119", "name": "Getting started"}],
            "total_count": 1
        })))
        .expect(1)
        .mount(&server)
        .await;
    let client = client(&server);
    let articles = client.articles().list().send().await.expect("articles");
    assert_eq!(articles.data.unwrap_or_default().len(), 1);
    let one = client
        .articles()
        .find("12345")
        .send()
        .await
        .expect("article");
    assert_eq!(
        one.url.as_deref(),
        Some("https://help.example.com/articles/12345")
    );
    let collections = client
        .help_centers()
        .collections()
        .list()
        .send()
        .await
        .expect("collections");
    assert_eq!(collections.data.unwrap_or_default().len(), 1);
}
