//! Searches against a scripted local server: the item stream sends exactly one request per
//! page, carries `per_page`, query and sort to every page, follows the body cursor, and stops
//! without an extra request when `pages.next` is absent or a page is empty.

use futures_util::TryStreamExt;
use intercom_api::models::{ConversationState, SearchArticlesState, SearchContentStatesItem};
use intercom_api::search::{
    and, ContactField, ConversationField, Conversations, Order, Paged, Search, TicketField, Tickets,
};
use intercom_api::{Client, RetryPolicy};
use serde_json::{json, Value};
use wiremock::matchers::{method, path, query_param};
use wiremock::{Mock, MockServer, Request, Respond, ResponseTemplate};

/// Answers a search by the body's `pagination.starting_after`: no cursor is page 0, the cursor
/// `cN` is page N. Each page lists its items under `key`, and links to the next page if any.
struct Pages {
    key: &'static str,
    pages: Vec<(Vec<&'static str>, Option<&'static str>)>,
}

impl Respond for Pages {
    fn respond(&self, request: &Request) -> ResponseTemplate {
        let body: Value = serde_json::from_slice(&request.body).unwrap_or(Value::Null);
        let index = match body
            .pointer("/pagination/starting_after")
            .and_then(Value::as_str)
        {
            None => 0,
            Some(cursor) => match cursor.strip_prefix('c').and_then(|n| n.parse().ok()) {
                Some(n) => n,
                None => return ResponseTemplate::new(400),
            },
        };
        let Some((ids, next)) = self.pages.get(index) else {
            return ResponseTemplate::new(404);
        };
        let items: Vec<Value> = ids
            .iter()
            .map(|id| json!({"type": "x", "id": id}))
            .collect();
        let next = match next {
            Some(cursor) => json!({"page": index + 2, "starting_after": cursor}),
            None => Value::Null,
        };
        ResponseTemplate::new(200).set_body_json(json!({
            "type": "list",
            self.key: items,
            "total_count": 5,
            "pages": {"type": "pages", "page": index + 1, "per_page": 2, "total_pages": 3, "next": next},
        }))
    }
}

async fn server(path_: &str, pages: Pages) -> MockServer {
    let server = MockServer::start().await;
    Mock::given(method("POST"))
        .and(path(path_))
        .respond_with(pages)
        .mount(&server)
        .await;
    server
}

fn client(server: &MockServer) -> Client {
    Client::builder("test-token")
        .base_url(server.uri())
        .retry_policy(RetryPolicy::never())
        .build()
        .expect("client")
}

async fn bodies(server: &MockServer) -> Vec<Value> {
    let requests = server.received_requests().await.unwrap_or_default();
    requests
        .iter()
        .map(|r| serde_json::from_slice(&r.body).unwrap_or(Value::Null))
        .collect()
}

#[tokio::test]
async fn items_stream_sends_one_request_per_page() {
    let server = server(
        "/contacts/search",
        Pages {
            key: "data",
            pages: vec![
                (vec!["1", "2"], Some("c1")),
                (vec!["3", "4"], Some("c2")),
                (vec!["5"], None),
            ],
        },
    )
    .await;
    let client = client(&server);
    let search = Search::new(and([ContactField::EMAIL_DOMAIN.eq("example.com")]))
        .per_page(2)
        .sort(ContactField::CREATED_AT, Order::Ascending);
    let contacts: Vec<_> = client
        .contacts()
        .search(search)
        .items()
        .try_collect()
        .await
        .expect("items");
    let ids: Vec<&str> = contacts.iter().map(|c| c.id.as_str()).collect();
    assert_eq!(ids, ["1", "2", "3", "4", "5"]);

    let bodies = bodies(&server).await;
    assert_eq!(bodies.len(), 3, "one request per page, none after the last");
    let query = json!({"operator": "AND", "value": [{"field": "email_domain", "operator": "=", "value": "example.com"}]});
    let sort = json!({"field": "created_at", "order": "ascending"});
    assert_eq!(
        bodies[0],
        json!({"query": query, "pagination": {"per_page": 2}, "sort": sort})
    );
    assert_eq!(
        bodies[1],
        json!({"query": query, "pagination": {"per_page": 2, "starting_after": "c1"}, "sort": sort})
    );
    assert_eq!(
        bodies[2],
        json!({"query": query, "pagination": {"per_page": 2, "starting_after": "c2"}, "sort": sort})
    );
}

#[tokio::test]
async fn an_empty_page_ends_the_stream() {
    let server = server(
        "/conversations/search",
        Pages {
            key: "conversations",
            pages: vec![
                (vec!["1"], Some("c1")),
                (vec![], Some("c2")),
                (vec!["never"], None),
            ],
        },
    )
    .await;
    let client = client(&server);
    let query = and([ConversationField::STATE.eq(ConversationState::Open)]);
    let pages: Vec<_> = client
        .conversations()
        .search(query)
        .pages()
        .try_collect()
        .await
        .expect("pages");
    assert_eq!(pages.len(), 2);
    assert_eq!(Conversations::items(&pages[0]).len(), 1);
    assert!(Conversations::items(&pages[1]).is_empty());
    assert_eq!(
        bodies(&server).await.len(),
        2,
        "no request after the empty page"
    );
}

#[tokio::test]
async fn send_returns_one_page_and_its_cursor() {
    let server = server(
        "/tickets/search",
        Pages {
            key: "tickets",
            pages: vec![(vec!["1", "2"], Some("c1")), (vec!["3"], None)],
        },
    )
    .await;
    let client = client(&server);
    let search = Search::new(TicketField::OPEN.eq(true)).per_page(2);
    let first = client
        .tickets()
        .search(search.clone())
        .send()
        .await
        .expect("first page");
    assert_eq!(Tickets::items(&first).len(), 2);
    assert_eq!(Tickets::total_count(&first), Some(5));
    assert_eq!(first.total_count, Some(5));
    assert_eq!(Tickets::next_cursor(&first).as_deref(), Some("c1"));

    let cursor = Tickets::next_cursor(&first).unwrap_or_default();
    let second = client
        .tickets()
        .search(search.starting_after(cursor))
        .send()
        .await
        .expect("second page");
    assert_eq!(Tickets::next_cursor(&second), None);
    let ids: Vec<String> = Tickets::into_items(second)
        .into_iter()
        .map(|t| t.id)
        .collect();
    assert_eq!(ids, ["3"]);

    let bodies = bodies(&server).await;
    assert_eq!(bodies.len(), 2);
    assert_eq!(
        bodies[0]["query"],
        json!({"field": "open", "operator": "=", "value": true})
    );
    assert_eq!(
        bodies[1]["pagination"],
        json!({"per_page": 2, "starting_after": "c1"})
    );
}

#[tokio::test]
async fn an_invalid_query_sends_nothing() {
    let server = MockServer::start().await;
    let client = client(&server);
    let query = and([ContactField::CREATED_AT.ge(1577836800)]);

    let error = client
        .contacts()
        .search(query.clone())
        .send()
        .await
        .expect_err("rejected");
    assert!(
        matches!(&error, intercom_api::Error::InvalidInput(m) if m.contains("`>=` is not accepted on `created_at`")),
        "{error}"
    );
    let streamed: Result<Vec<_>, _> = client.contacts().search(query).items().try_collect().await;
    assert!(matches!(
        streamed,
        Err(intercom_api::Error::InvalidInput(_))
    ));
    assert!(bodies(&server).await.is_empty());
}

#[tokio::test]
async fn article_search_sends_typed_query_parameters() {
    let server = MockServer::start().await;
    Mock::given(method("GET"))
        .and(path("/articles/search"))
        .and(query_param("phrase", "Getting started"))
        .and(query_param("state", "published"))
        .and(query_param("help_center_id", "123"))
        .and(query_param("highlight", "true"))
        .respond_with(ResponseTemplate::new(200).set_body_json(json!({
            "type": "list",
            "total_count": 1,
            "data": {"articles": [{"id": "55", "type": "article", "title": "Title 1"}], "highlights": []},
            "pages": {"type": "pages", "page": 1, "total_pages": 1, "per_page": 10},
        })))
        .expect(1)
        .mount(&server)
        .await;
    let client = client(&server);
    let found = client
        .articles()
        .search()
        .phrase("Getting started")
        .state(SearchArticlesState::Published)
        .help_center_id(123)
        .highlight(true)
        .send()
        .await
        .expect("article search");
    assert_eq!(found.total_count, Some(1));
}

#[tokio::test]
async fn content_search_sends_array_parameters_comma_separated() {
    let server = MockServer::start().await;
    Mock::given(method("GET"))
        .and(path("/content/search"))
        .and(query_param("states", "published,draft"))
        .and(query_param("tag_ids", "1,2,3"))
        .respond_with(ResponseTemplate::new(200).set_body_json(json!({
            "type": "list", "data": [], "total_count": 0,
        })))
        .expect(1)
        .mount(&server)
        .await;
    let client = client(&server);
    let found = client
        .content()
        .search()
        .states(vec![
            SearchContentStatesItem::Published,
            SearchContentStatesItem::Draft,
        ])
        .tag_ids(vec![1, 2, 3])
        .send()
        .await
        .expect("content search");
    assert_eq!(found.total_count, Some(0));
}

/// The JSON path (`dispatch::call`, behind the MCP server, and `conformance::call`) takes
/// the same wire values as the typed fields send, and sends them unchanged.
#[tokio::test]
async fn json_searches_send_the_enum_values_as_given() {
    use intercom_api::models::ConversationPriority::{High, Urgent};
    let server = server(
        "/conversations/search",
        Pages {
            key: "conversations",
            pages: vec![(vec!["1"], None)],
        },
    )
    .await;
    let client = client(&server);
    let typed = Search::new(ConversationField::PRIORITY.is_in([High, Urgent]));
    let body =
        json!({"query": {"field": "priority", "operator": "IN", "value": ["high", "urgent"]}});
    assert_eq!(typed.to_json(), body);
    let call = intercom_api::dispatch::Call {
        body: Some(body.clone()),
        ..Default::default()
    };
    let answer = intercom_api::dispatch::call(&client, "searchConversations", &call)
        .await
        .expect("a known operation");
    assert!(answer.is_ok(), "{answer:?}");
    let call = intercom_api::conformance::Call {
        body: Some(body.clone()),
        ..Default::default()
    };
    let answer = intercom_api::conformance::call(&client, "searchConversations", &call)
        .await
        .expect("a known operation");
    assert!(answer.is_ok(), "{answer:?}");
    assert_eq!(bodies(&server).await, [body.clone(), body]);
}

/// A search from JSON is checked like a typed one: its structure when it is read, its limits
/// before sending; a rejected search sends nothing.
#[tokio::test]
async fn json_searches_are_checked_before_sending() {
    let server = MockServer::start().await;
    let client = client(&server);
    let leaf = json!({"field": "state", "operator": "=", "value": "open"});
    let too_deep = json!({"query": {"operator": "AND", "value": [
        {"operator": "OR", "value": [{"operator": "AND", "value": [leaf]}]},
    ]}});
    let in_without_list =
        json!({"query": {"field": "priority", "operator": "IN", "value": "high"}});
    let unknown_operator = json!({"query": {"field": "state", "operator": "LIKE", "value": "o"}});
    let unknown_key = json!({"query": leaf, "limit": 5});
    for (body, expected) in [
        (too_deep, "nests groups 3 levels deep"),
        (in_without_list, "`IN` takes a list"),
        (unknown_operator, "unknown operator `LIKE`"),
        (unknown_key, "unknown key `limit`"),
    ] {
        let call = intercom_api::dispatch::Call {
            body: Some(body),
            ..Default::default()
        };
        let answer = intercom_api::dispatch::call(&client, "searchConversations", &call)
            .await
            .expect("a known operation");
        let error = answer.expect_err(expected);
        assert!(error.to_string().contains(expected), "{error}");
    }
    assert!(bodies(&server).await.is_empty());
}
