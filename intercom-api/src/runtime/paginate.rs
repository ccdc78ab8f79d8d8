//! Pagination streams over every paginated endpoint.
//!
//! Each page is fetched only when the stream is polled, exactly once; the stream ends without
//! an extra request when the API says there is no next page, when a page is empty, or — for
//! scrolls — when the scroll comes back empty. Only one page is held in memory at a time.
//!
//! A server that sends a cursor again, a page number that does not move forward, or the same
//! scroll page again would keep a paginator going forever: the stream then ends with an
//! [`Error::Decode`] naming what was repeated.

use std::collections::HashSet;
use std::hash::{DefaultHasher, Hash, Hasher};

use super::error::{snippet, DecodeFailure};
use super::response::request_id;
use super::{Client, Error, Request, Response};
use futures_util::stream::{self, Stream, TryStreamExt};

/// How an endpoint pages.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
#[non_exhaustive]
pub enum PageKind {
    /// `page`/`per_page` query parameters; `pages.next`, `pages.page`, `pages.total_pages`.
    Page,
    /// A `starting_after` query parameter from `pages.next.starting_after`.
    Cursor,
    /// `pagination.starting_after` in the JSON body, from `pages.next.starting_after`.
    BodyCursor,
    /// A `scroll_param` query parameter from the response, until a page comes back empty.
    Scroll,
}

/// Where a page says the next one is (`pages.next`): nowhere, a cursor object, or a URL.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
#[non_exhaustive]
pub enum NextLink {
    /// No next page.
    #[default]
    None,
    /// An object with the next page number and/or cursor.
    Object {
        /// The next page number.
        page: Option<i64>,
        /// The cursor of the next page.
        starting_after: Option<String>,
    },
    /// The URL of the next page.
    Url(String),
}

impl NextLink {
    /// The cursor of the next page: `starting_after` of the object, or of the URL's query.
    pub fn cursor(&self) -> Option<String> {
        match self {
            NextLink::Object { starting_after, .. } => starting_after.clone(),
            NextLink::Url(url) => url_param(url, "starting_after"),
            NextLink::None => None,
        }
    }
}

/// The paging figures of a response's `pages` object, implemented for the generated types.
pub trait PageLinks {
    /// Where the next page is.
    fn next_link(&self) -> NextLink;
    /// This page's number.
    fn page(&self) -> Option<i64>;
    /// How many pages there are.
    fn total_pages(&self) -> Option<i64>;
}

/// What the paginator needs to know about a page, read from the decoded page itself.
#[derive(Debug, Clone, Default)]
pub struct PageInfo {
    next: NextLink,
    page: Option<i64>,
    total_pages: Option<i64>,
    scroll_param: Option<String>,
    items: usize,
}

impl PageInfo {
    /// A page holding `items` items.
    pub fn new(items: usize) -> Self {
        PageInfo {
            items,
            ..PageInfo::default()
        }
    }

    /// Takes the next link, page number and page count from the page's `pages` object.
    pub fn links<L: PageLinks>(mut self, links: Option<&L>) -> Self {
        if let Some(links) = links {
            self.next = links.next_link();
            self.page = links.page();
            self.total_pages = links.total_pages();
        }
        self
    }

    /// Sets the cursor of the next page (`None`: there is none).
    pub fn next_cursor(mut self, cursor: Option<String>) -> Self {
        self.next = match cursor {
            Some(c) => NextLink::Object {
                page: None,
                starting_after: Some(c),
            },
            None => NextLink::None,
        };
        self
    }

    /// Takes the page's `scroll_param`.
    pub fn scroll_param(mut self, param: Option<&str>) -> Self {
        self.scroll_param = param.map(str::to_string);
        self
    }
}

/// The value of query parameter `name` in a URL.
fn url_param(url: &str, name: &str) -> Option<String> {
    let parsed = reqwest::Url::parse(url).ok()?;
    parsed
        .query_pairs()
        .find(|(k, _)| k == name)
        .map(|(_, v)| v.into_owned())
}

/// What the paginator remembers across pages to notice a server going round in circles:
/// hashes of the cursors (or scroll parameter and page) seen so far.
#[derive(Default)]
struct Seen(HashSet<u64>);

impl Seen {
    /// Records `key`; `false` when it was seen before.
    fn first_time(&mut self, key: impl Hash) -> bool {
        let mut hasher = DefaultHasher::new();
        key.hash(&mut hasher);
        self.0.insert(hasher.finish())
    }
}

/// The request for the page after `info` (read from `response`), with its page number, or
/// `None` when `info`'s page was the last; an error when the server's paging would go
/// backwards or round in circles.
fn next_request(
    mut request: Request,
    kind: PageKind,
    current_page: i64,
    info: &PageInfo,
    seen: &mut Seen,
    response: &Response,
) -> Result<Option<(Request, i64)>, Error> {
    let fail = |message: String| paging_error(response, message);
    if info.items == 0 {
        return Ok(None);
    }
    let next = &info.next;
    let mut number = current_page.saturating_add(1);
    match kind {
        PageKind::Page => {
            let page = info.page.unwrap_or(current_page);
            let more = match (info.total_pages, next) {
                (Some(total), _) => page < total,
                (None, NextLink::None) => false,
                (None, _) => true,
            };
            if !more {
                return Ok(None);
            }
            let following = page
                .checked_add(1)
                .ok_or_else(|| fail(format!("page number {page} has no successor")))?;
            let next_page = match next {
                NextLink::Object { page: Some(n), .. } => *n,
                NextLink::Url(url) => url_param(url, "page")
                    .and_then(|p| p.parse().ok())
                    .unwrap_or(following),
                _ => following,
            };
            if next_page <= page || next_page <= current_page {
                return Err(fail(format!(
                    "the next page {next_page} does not come after page {}",
                    page.max(current_page)
                )));
            }
            request.set_query("page", &next_page);
            number = next_page;
        }
        PageKind::Cursor | PageKind::BodyCursor => {
            let Some(cursor) = next.cursor() else {
                return Ok(None);
            };
            if !seen.first_time(&cursor) {
                return Err(fail(format!(
                    "the server sent cursor `{}` again",
                    snippet(cursor.as_bytes(), 100)
                )));
            }
            if kind == PageKind::Cursor {
                request.set_query("starting_after", &cursor);
            } else {
                set_body_cursor(&mut request, &cursor)?;
            }
        }
        PageKind::Scroll => match &info.scroll_param {
            Some(param) => {
                // Intercom may keep the scroll parameter for a whole scroll; the same page
                // under the same parameter, though, means the scroll is not moving.
                if !seen.first_time((param, &response.body)) {
                    return Err(fail(format!(
                        "the server sent the same page for scroll_param `{}` again",
                        snippet(param.as_bytes(), 100)
                    )));
                }
                request.set_query("scroll_param", param)
            }
            None => return Ok(None),
        },
    }
    Ok(Some((request, number)))
}

/// The error that ends a paginator whose server repeats itself.
fn paging_error(response: &Response, message: String) -> Error {
    Error::Decode(Box::new(DecodeFailure {
        status: response.status,
        path: "pages".into(),
        message: format!("{message}; stopping instead of paging forever"),
        snippet: snippet(&response.body, 300),
        request_id: request_id(&response.headers),
    }))
}

/// Sets `pagination.starting_after` in a JSON body, keeping everything else (`per_page`).
fn set_body_cursor(request: &mut Request, cursor: &str) -> Result<(), Error> {
    let body = request.body.as_deref().unwrap_or(b"{}");
    let mut value: serde_json::Value = serde_json::from_slice(body)
        .map_err(|e| Error::InvalidInput(format!("request body: {e}")))?;
    let serde_json::Value::Object(map) = &mut value else {
        return Err(Error::InvalidInput(
            "a body-cursor request body must be a JSON object".into(),
        ));
    };
    let pagination = map
        .entry("pagination")
        .or_insert_with(|| serde_json::Value::Object(Default::default()));
    if !pagination.is_object() {
        *pagination = serde_json::Value::Object(Default::default());
    }
    if let serde_json::Value::Object(p) = pagination {
        p.insert(
            "starting_after".into(),
            serde_json::Value::String(cursor.to_string()),
        );
    }
    request.json(&value)
}

enum State {
    Start(Result<Request, Error>),
    Next(Request, i64, Seen),
    Failed(Error),
    Done,
}

/// A stream of the pages of a paginated request, starting with `first`; `info` reads each
/// decoded page's paging figures (items, next link, scroll parameter).
pub fn pages<'a, T, F>(
    client: &'a Client,
    first: Result<Request, Error>,
    kind: PageKind,
    info: F,
) -> impl Stream<Item = Result<T, Error>> + Send + 'a
where
    T: serde::de::DeserializeOwned + Send + 'a,
    F: Fn(&T) -> PageInfo + Send + Sync + 'a,
{
    let info = std::sync::Arc::new(info);
    stream::unfold(State::Start(first), move |state| {
        let info = info.clone();
        async move {
            let (request, number, mut seen) = match state {
                State::Start(Ok(request)) => {
                    let number = request
                        .query
                        .iter()
                        .find(|(k, _)| k == "page")
                        .and_then(|(_, v)| v.parse().ok())
                        .unwrap_or(1);
                    (request, number, Seen::default())
                }
                State::Start(Err(error)) => return Some((Err(error), State::Done)),
                State::Next(request, number, seen) => (request, number, seen),
                State::Failed(error) => return Some((Err(error), State::Done)),
                State::Done => return None,
            };
            let first_scroll = request.query.iter().all(|(k, _)| k != "scroll_param");
            let response = match client.execute(request.clone()).await {
                Ok(response) => response,
                Err(error) => return Some((Err(error), State::Done)),
            };
            let page: T = match response.clone().json() {
                Ok(page) => page,
                Err(error) => return Some((Err(error), State::Done)),
            };
            let info = info(&page);
            if kind == PageKind::Scroll && info.items == 0 && !first_scroll {
                return None;
            }
            // A page whose next link is unusable is still yielded; the error follows it.
            let next = match next_request(request, kind, number, &info, &mut seen, &response) {
                Ok(Some((next, number))) => State::Next(next, number, seen),
                Ok(None) => State::Done,
                Err(error) => State::Failed(error),
            };
            Some((Ok(page), next))
        }
    })
}

/// A stream of the items of every page of `pages`, using `extract` to take a page apart.
pub fn items<'a, P, I, S, F>(
    pages: S,
    extract: F,
) -> impl Stream<Item = Result<I, Error>> + Send + 'a
where
    S: Stream<Item = Result<P, Error>> + Send + 'a,
    F: Fn(P) -> Vec<I> + Send + 'a,
    P: 'a,
    I: Send + 'a,
{
    pages
        .map_ok(move |page| stream::iter(extract(page).into_iter().map(Ok)))
        .try_flatten()
}

#[cfg(test)]
mod tests {
    use super::*;

    fn request() -> Request {
        Request::new(
            reqwest::Method::GET,
            "/x".into(),
            "/x",
            "x",
            true,
            Default::default(),
        )
    }

    fn response() -> Response {
        Response::new(
            reqwest::StatusCode::OK,
            Default::default(),
            Default::default(),
        )
    }

    fn follow(kind: PageKind, current: i64, info: &PageInfo) -> Result<Option<Request>, Error> {
        next_request(
            request(),
            kind,
            current,
            info,
            &mut Seen::default(),
            &response(),
        )
        .map(|next| next.map(|(request, _)| request))
    }

    fn query(request: &Request, name: &str) -> Option<String> {
        request
            .query
            .iter()
            .find(|(k, _)| k == name)
            .map(|(_, v)| v.clone())
    }

    #[test]
    fn page_numbers_follow_total_pages_or_the_next_link() {
        let mut info = PageInfo::new(2);
        info.page = Some(2);
        info.total_pages = Some(3);
        let next = follow(PageKind::Page, 2, &info).unwrap().unwrap();
        assert_eq!(query(&next, "page").as_deref(), Some("3"));
        info.page = Some(3);
        assert!(follow(PageKind::Page, 3, &info).unwrap().is_none());
        let mut info = PageInfo::new(2);
        info.next = NextLink::Url("https://api.intercom.io/articles?page=7".into());
        let next = follow(PageKind::Page, 1, &info).unwrap().unwrap();
        assert_eq!(query(&next, "page").as_deref(), Some("7"));
        assert!(follow(PageKind::Page, 1, &PageInfo::new(2))
            .unwrap()
            .is_none());
    }

    #[test]
    fn cursors_come_from_objects_or_urls_and_empty_pages_end() {
        let mut info = PageInfo::new(1);
        info.next = NextLink::Object {
            page: None,
            starting_after: Some("abc".into()),
        };
        let next = follow(PageKind::Cursor, 1, &info).unwrap().unwrap();
        assert_eq!(query(&next, "starting_after").as_deref(), Some("abc"));
        info.next = NextLink::Url("https://x/y?starting_after=def".into());
        let next = follow(PageKind::Cursor, 1, &info).unwrap().unwrap();
        assert_eq!(query(&next, "starting_after").as_deref(), Some("def"));
        info.items = 0;
        assert!(follow(PageKind::Cursor, 1, &info).unwrap().is_none());
    }

    #[test]
    fn page_numbers_never_overflow_or_go_back() {
        let mut info = PageInfo::new(1);
        info.page = Some(i64::MAX);
        info.next = NextLink::Url("https://x/articles?page=2".into());
        let error = follow(PageKind::Page, 1, &info).expect_err("no page after i64::MAX");
        assert!(error.to_string().contains("no successor"), "{error}");
        info.next = NextLink::Object {
            page: None,
            starting_after: None,
        };
        info.page = Some(i64::MAX - 1);
        let next_page = follow(PageKind::Page, 1, &info).unwrap().unwrap();
        assert_eq!(query(&next_page, "page"), Some(i64::MAX.to_string()));
        info.page = Some(3);
        info.next = NextLink::Url("https://x/articles?page=3".into());
        let error = follow(PageKind::Page, 3, &info).expect_err("page 3 again");
        assert!(matches!(error, Error::Decode(_)), "{error:?}");
        info.next = NextLink::Object {
            page: Some(2),
            starting_after: None,
        };
        assert!(follow(PageKind::Page, 3, &info).is_err(), "backwards");
    }

    #[test]
    fn a_repeated_cursor_or_scroll_page_is_an_error() {
        let mut seen = Seen::default();
        let mut info = PageInfo::new(1);
        info.next = NextLink::Object {
            page: None,
            starting_after: Some("abc".into()),
        };
        let first = next_request(
            request(),
            PageKind::Cursor,
            1,
            &info,
            &mut seen,
            &response(),
        );
        assert!(first.unwrap().is_some());
        let again = next_request(
            request(),
            PageKind::Cursor,
            2,
            &info,
            &mut seen,
            &response(),
        );
        let error = again.expect_err("abc again");
        assert!(error.to_string().contains("cursor `abc` again"), "{error}");
        let mut seen = Seen::default();
        let info = PageInfo::new(1).scroll_param(Some("s"));
        let mut page = response();
        page.body = "one".into();
        let first = next_request(request(), PageKind::Scroll, 1, &info, &mut seen, &page);
        assert!(first.unwrap().is_some());
        page.body = "two".into();
        let second = next_request(request(), PageKind::Scroll, 2, &info, &mut seen, &page);
        assert!(second.unwrap().is_some(), "same param, new page: fine");
        let again = next_request(request(), PageKind::Scroll, 3, &info, &mut seen, &page);
        assert!(again.is_err(), "same param, same page");
    }

    #[test]
    fn url_params() {
        assert_eq!(
            url_param("https://x/y?page=3&per_page=5", "page").as_deref(),
            Some("3")
        );
        assert_eq!(url_param("not a url", "page"), None);
    }
}
