//! Pagination: exactly one request per page for each of the four kinds, `per_page` on every
//! request, and no request after the last page.

use crate::common;

use common::client;
use futures_util::TryStreamExt;
use serde_json::{json, Value};
use wiremock::matchers::{method, path};
use wiremock::{Mock, MockServer, Request, ResponseTemplate};

fn query(request: &Request, name: &str) -> Option<String> {
    request
        .url
        .query_pairs()
        .find(|(k, _)| k == name)
        .map(|(_, v)| v.into_owned())
}

fn json_response(body: Value) -> ResponseTemplate {
    ResponseTemplate::new(200).set_body_json(body)
}

async fn received(server: &MockServer) -> Vec<Request> {
    server.received_requests().await.unwrap_or_default()
}

fn items(page: usize, n: usize) -> Vec<Value> {
    (0..n)
        .map(|i| json!({"type": "article", "id": format!("{page}-{i}")}))
        .collect()
}

#[tokio::test]
async fn page_numbers_until_the_last_page() {
    let server = MockServer::start().await;
    Mock::given(method("GET"))
        .and(path("/articles"))
        .respond_with(|r: &Request| {
            let page: usize = query(r, "page").and_then(|p| p.parse().ok()).unwrap_or(1);
            let next = if page < 3 { json!(format!("https://api.intercom.io/articles?page={}", page + 1)) } else { Value::Null };
            json_response(json!({"type": "list", "data": items(page, 2), "total_count": 6,
                "pages": {"type": "pages", "page": page, "per_page": 2, "total_pages": 3, "next": next}}))
        })
        .mount(&server)
        .await;
    let (client, _) = client(&server.uri());
    let all: Vec<_> = client
        .articles()
        .list()
        .per_page(2)
        .items()
        .try_collect()
        .await
        .expect("pages");
    let ids: Vec<_> = all.iter().map(|a| a.id.clone()).collect();
    assert_eq!(ids, ["1-0", "1-1", "2-0", "2-1", "3-0", "3-1"]);
    let requests = received(&server).await;
    assert_eq!(
        requests.len(),
        3,
        "one request per page, none after the last"
    );
    let pages: Vec<_> = requests.iter().map(|r| query(r, "page")).collect();
    assert_eq!(
        pages,
        [None, Some("2".into()), Some("3".into())],
        "page 1 is fetched once"
    );
    assert!(requests
        .iter()
        .all(|r| query(r, "per_page").as_deref() == Some("2")));
}

#[tokio::test]
async fn cursor_until_next_is_null() {
    let server = MockServer::start().await;
    Mock::given(method("GET"))
        .and(path("/conversations"))
        .respond_with(|r: &Request| {
            let n: usize = query(r, "starting_after").map_or(0, |c| c.trim_start_matches('c').parse().unwrap_or(99));
            let next = if n < 3 { json!({"per_page": 5, "starting_after": format!("c{}", n + 1)}) } else { Value::Null };
            let conversations: Vec<Value> = (0..5).map(|i| json!({"type": "conversation", "id": format!("{n}-{i}")})).collect();
            json_response(json!({"type": "conversation.list", "conversations": conversations, "total_count": 20,
                "pages": {"type": "pages", "next": next, "per_page": 5}}))
        })
        .mount(&server)
        .await;
    let (client, _) = client(&server.uri());
    let pages: Vec<_> = client
        .conversations()
        .list()
        .per_page(5)
        .pages()
        .try_collect()
        .await
        .expect("pages");
    assert_eq!(pages.len(), 4);
    let requests = received(&server).await;
    assert_eq!(requests.len(), 4);
    let cursors: Vec<_> = requests
        .iter()
        .map(|r| query(r, "starting_after"))
        .collect();
    assert_eq!(
        cursors,
        [
            None,
            Some("c1".into()),
            Some("c2".into()),
            Some("c3".into())
        ]
    );
    assert!(requests
        .iter()
        .all(|r| query(r, "per_page").as_deref() == Some("5")));
}

#[tokio::test]
async fn cursor_stops_on_an_empty_page() {
    let server = MockServer::start().await;
    Mock::given(method("GET"))
        .and(path("/contacts"))
        .respond_with(|r: &Request| {
            let first = query(r, "starting_after").is_none();
            let data: Vec<Value> = if first { vec![json!({"type": "contact", "id": "a"})] } else { vec![] };
            json_response(json!({"type": "list", "data": data, "pages": {"next": {"starting_after": "more"}}}))
        })
        .mount(&server)
        .await;
    let (client, _) = client(&server.uri());
    let contacts: Vec<_> = client
        .contacts()
        .list()
        .per_page(1)
        .items()
        .try_collect()
        .await
        .expect("items");
    assert_eq!(contacts.len(), 1);
    assert_eq!(
        received(&server).await.len(),
        2,
        "the empty page ends the stream"
    );
}

#[tokio::test]
async fn scroll_until_an_empty_page() {
    let server = MockServer::start().await;
    Mock::given(method("GET"))
        .and(path("/companies/scroll"))
        .respond_with(|r: &Request| {
            let n: usize = query(r, "scroll_param")
                .map_or(0, |s| s.trim_start_matches('s').parse().unwrap_or(99));
            let data: Vec<Value> = if n < 3 {
                (0..2)
                    .map(|i| json!({"type": "company", "id": format!("{n}-{i}")}))
                    .collect()
            } else {
                vec![]
            };
            json_response(
                json!({"type": "list", "data": data, "scroll_param": format!("s{}", n + 1)}),
            )
        })
        .mount(&server)
        .await;
    let (client, _) = client(&server.uri());
    let companies: Vec<_> = client
        .companies()
        .scroll()
        .items()
        .try_collect()
        .await
        .expect("no error at the end");
    assert_eq!(companies.len(), 6);
    let requests = received(&server).await;
    assert_eq!(
        requests.len(),
        4,
        "3 pages and the empty page that ends the scroll"
    );
    let params: Vec<_> = requests.iter().map(|r| query(r, "scroll_param")).collect();
    assert_eq!(
        params,
        [
            None,
            Some("s1".into()),
            Some("s2".into()),
            Some("s3".into())
        ]
    );
}

#[tokio::test]
async fn body_cursor_keeps_per_page_in_the_body() {
    let server = MockServer::start().await;
    Mock::given(method("POST"))
        .and(path("/conversations/search"))
        .respond_with(|r: &Request| {
            let body: Value = serde_json::from_slice(&r.body).unwrap_or_default();
            let cursor = body.pointer("/pagination/starting_after").and_then(Value::as_str).map(str::to_string);
            let n: usize = cursor.map_or(0, |c| c.trim_start_matches('c').parse().unwrap_or(99));
            let next = if n < 2 { json!({"starting_after": format!("c{}", n + 1)}) } else { Value::Null };
            json_response(json!({"type": "conversation.list", "conversations": [{"type": "conversation", "id": n.to_string()}],
                "pages": {"type": "pages", "next": next}}))
        })
        .mount(&server)
        .await;
    let (client, _) = client(&server.uri());
    let body: intercom_api::search::Search<intercom_api::search::Conversations> =
        serde_json::from_value(json!({
            "query": {"field": "state", "operator": "=", "value": "open"},
            "pagination": {"per_page": 1},
        }))
        .unwrap();
    let found: Vec<_> = client
        .conversations()
        .search(body)
        .items()
        .try_collect()
        .await
        .expect("items");
    assert_eq!(found.len(), 3);
    let requests = received(&server).await;
    assert_eq!(requests.len(), 3);
    let bodies: Vec<Value> = requests
        .iter()
        .map(|r| serde_json::from_slice(&r.body).unwrap())
        .collect();
    assert!(
        bodies
            .iter()
            .all(|b| b["pagination"]["per_page"] == 1 && b["query"]["field"] == "state"),
        "{bodies:?}"
    );
    assert_eq!(bodies[0]["pagination"].get("starting_after"), None);
    assert_eq!(bodies[2]["pagination"]["starting_after"], "c2");
}

#[tokio::test]
async fn an_error_ends_the_stream_after_yielding_it() {
    let server = MockServer::start().await;
    Mock::given(method("GET"))
        .and(path("/conversations"))
        .respond_with(ResponseTemplate::new(404))
        .mount(&server)
        .await;
    let (client, _) = client(&server.uri());
    let results: Vec<_> =
        futures_util::StreamExt::collect::<Vec<_>>(client.conversations().list().pages()).await;
    assert_eq!(results.len(), 1);
    assert!(results[0].is_err());
}

/// Collects a stream, giving up (and failing the test) if it does not end.
async fn collect_bounded<S, T>(stream: S) -> Vec<T>
where
    S: futures_util::Stream<Item = T>,
{
    use futures_util::StreamExt;
    let all = tokio::time::timeout(
        std::time::Duration::from_secs(10),
        stream.take(50).collect(),
    );
    let all: Vec<T> = all.await.expect("the stream ends");
    assert!(all.len() < 50, "the stream went on and on");
    all
}

#[tokio::test]
async fn the_last_page_number_does_not_overflow() {
    let server = MockServer::start().await;
    let page = json!({"type": "list", "data": items(1, 1), "total_count": 1,
        "pages": {"type": "pages", "page": i64::MAX, "per_page": 1, "next": "https://api.intercom.io/articles?page=2"}});
    Mock::given(method("GET"))
        .and(path("/articles"))
        .respond_with(json_response(page))
        .mount(&server)
        .await;
    let (client, _) = client(&server.uri());
    let results = collect_bounded(client.articles().list().pages()).await;
    assert_eq!(results.len(), 2, "the page, then the error");
    assert!(results[0].is_ok());
    let error = results[1].as_ref().expect_err("no page after i64::MAX");
    assert!(error.to_string().contains("no successor"), "{error}");
    assert_eq!(received(&server).await.len(), 1);
}

#[tokio::test]
async fn a_repeated_page_number_ends_with_an_error() {
    let server = MockServer::start().await;
    let page = json!({"type": "list", "data": items(1, 1), "total_count": 9,
        "pages": {"type": "pages", "page": 2, "per_page": 1, "total_pages": 9, "next": "https://api.intercom.io/articles?page=2"}});
    Mock::given(method("GET"))
        .and(path("/articles"))
        .respond_with(json_response(page))
        .mount(&server)
        .await;
    let (client, _) = client(&server.uri());
    let results = collect_bounded(client.articles().list().pages()).await;
    let error = results.last().unwrap().as_ref().expect_err("a loop");
    assert!(error.to_string().contains("does not come after"), "{error}");
    assert!(received(&server).await.len() <= 2);
}

#[tokio::test]
async fn a_repeated_cursor_ends_with_an_error() {
    let server = MockServer::start().await;
    Mock::given(method("GET"))
        .and(path("/conversations"))
        .respond_with(|r: &Request| {
            let n: usize = query(r, "starting_after").map_or(0, |_| 1);
            json_response(json!({"type": "conversation.list",
                "conversations": [{"type": "conversation", "id": n.to_string()}],
                "pages": {"type": "pages", "next": {"starting_after": "same"}}}))
        })
        .mount(&server)
        .await;
    let (client, _) = client(&server.uri());
    let results = collect_bounded(client.conversations().list().pages()).await;
    assert_eq!(results.len(), 3, "two pages, then the error");
    let error = results[2].as_ref().expect_err("a loop");
    assert!(error.to_string().contains("cursor `same` again"), "{error}");
    assert_eq!(received(&server).await.len(), 2);
}

#[tokio::test]
async fn a_scroll_repeating_its_page_ends_with_an_error() {
    let server = MockServer::start().await;
    Mock::given(method("GET"))
        .and(path("/companies/scroll"))
        .respond_with(json_response(json!({"type": "list",
            "data": [{"type": "company", "id": "1"}], "scroll_param": "s1"})))
        .mount(&server)
        .await;
    let (client, _) = client(&server.uri());
    let results = collect_bounded(client.companies().scroll().pages()).await;
    let error = results.last().unwrap().as_ref().expect_err("a loop");
    assert!(error.to_string().contains("scroll_param `s1`"), "{error}");
    assert!(received(&server).await.len() <= 3);
}
