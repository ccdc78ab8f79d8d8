//! Pagination streams over every paginated endpoint.
//!
//! Each page is fetched only when the stream is polled, exactly once; the stream ends without
//! an extra request when the API says there is no next page, when a page is empty, or — for
//! scrolls — when the scroll comes back empty. Only one page is held in memory at a time.

use std::fmt;

use futures_util::stream::{self, Stream, TryStreamExt};
use serde::de::{self, DeserializeSeed, IgnoredAny, MapAccess, SeqAccess, Visitor};
use serde::Deserialize;

use super::response::decode;
use super::{Client, Error, Request, Response};

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

/// `pages.next`: null, an object `{page, starting_after}`, or a URL.
#[derive(Debug, Default, Deserialize)]
#[serde(untagged)]
enum NextLink {
    #[default]
    None,
    Object {
        #[serde(default, deserialize_with = "super::lenient::opt_i64")]
        page: Option<i64>,
        #[serde(default, deserialize_with = "super::lenient::opt_string")]
        starting_after: Option<String>,
    },
    Url(String),
}

#[derive(Debug, Default, Deserialize)]
struct Pages {
    #[serde(default)]
    next: Option<NextLink>,
    #[serde(default, deserialize_with = "super::lenient::opt_i64")]
    page: Option<i64>,
    #[serde(default, deserialize_with = "super::lenient::opt_i64")]
    total_pages: Option<i64>,
}

/// What the paginator reads from a page: paging fields and the number of items.
#[derive(Debug, Default)]
struct PageInfo {
    pages: Option<Pages>,
    scroll_param: Option<String>,
    items: usize,
}

/// Reads [`PageInfo`] from a page, skipping everything else without allocating.
struct PageInfoSeed<'a>(&'a str);

impl<'de> DeserializeSeed<'de> for PageInfoSeed<'_> {
    type Value = PageInfo;
    fn deserialize<D: de::Deserializer<'de>>(self, d: D) -> Result<PageInfo, D::Error> {
        d.deserialize_map(self)
    }
}

impl<'de> Visitor<'de> for PageInfoSeed<'_> {
    type Value = PageInfo;
    fn expecting(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str("a page object")
    }
    fn visit_map<A: MapAccess<'de>>(self, mut map: A) -> Result<PageInfo, A::Error> {
        let mut info = PageInfo::default();
        while let Some(key) = map.next_key::<std::borrow::Cow<'de, str>>()? {
            match key.as_ref() {
                "pages" => info.pages = map.next_value::<Option<Pages>>()?,
                "scroll_param" => info.scroll_param = map.next_value::<Option<String>>()?,
                k if k == self.0 => {
                    info.items = map.next_value::<Option<Count>>()?.map_or(0, |c| c.0)
                }
                _ => {
                    map.next_value::<IgnoredAny>()?;
                }
            }
        }
        Ok(info)
    }
}

/// The length of a JSON array, counted without decoding its elements.
struct Count(usize);

impl<'de> Deserialize<'de> for Count {
    fn deserialize<D: de::Deserializer<'de>>(d: D) -> Result<Count, D::Error> {
        struct V;
        impl<'de> Visitor<'de> for V {
            type Value = Count;
            fn expecting(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
                f.write_str("an array")
            }
            fn visit_seq<A: SeqAccess<'de>>(self, mut seq: A) -> Result<Count, A::Error> {
                let mut n = 0;
                while seq.next_element::<IgnoredAny>()?.is_some() {
                    n += 1;
                }
                Ok(Count(n))
            }
        }
        d.deserialize_seq(V)
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

/// The request for the page after `info`, or `None` when `info`'s page was the last.
fn next_request(
    mut request: Request,
    kind: PageKind,
    current_page: i64,
    info: &PageInfo,
) -> Result<Option<Request>, Error> {
    if info.items == 0 {
        return Ok(None);
    }
    let next = info.pages.as_ref().and_then(|p| p.next.as_ref());
    match kind {
        PageKind::Page => {
            let pages = info.pages.as_ref();
            let page = pages.and_then(|p| p.page).unwrap_or(current_page);
            let more = match (pages.and_then(|p| p.total_pages), next) {
                (Some(total), _) => page < total,
                (None, Some(NextLink::None) | None) => false,
                (None, Some(_)) => true,
            };
            if !more {
                return Ok(None);
            }
            let next_page = match next {
                Some(NextLink::Object { page: Some(n), .. }) => *n,
                Some(NextLink::Url(url)) => url_param(url, "page")
                    .and_then(|p| p.parse().ok())
                    .unwrap_or(page + 1),
                _ => page + 1,
            };
            request.set_query("page", &next_page);
        }
        PageKind::Cursor | PageKind::BodyCursor => {
            let cursor = match next {
                Some(NextLink::Object {
                    starting_after: Some(c),
                    ..
                }) => c.clone(),
                Some(NextLink::Url(url)) => match url_param(url, "starting_after") {
                    Some(c) => c,
                    None => return Ok(None),
                },
                _ => return Ok(None),
            };
            if kind == PageKind::Cursor {
                request.set_query("starting_after", &cursor);
            } else {
                set_body_cursor(&mut request, &cursor)?;
            }
        }
        PageKind::Scroll => match &info.scroll_param {
            Some(param) => request.set_query("scroll_param", param),
            None => return Ok(None),
        },
    }
    Ok(Some(request))
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
    Next(Request, i64),
    Done,
}

/// One page: decoded as `T`, plus what the paginator needs.
fn read_page<T: serde::de::DeserializeOwned>(
    response: &Response,
    items: &str,
) -> Result<(T, PageInfo), Error> {
    let de = &mut serde_json::Deserializer::from_slice(&response.body);
    let info = PageInfoSeed(items).deserialize(de).unwrap_or_default();
    Ok((decode(response, &response.body)?, info))
}

/// A stream of the pages of a paginated request, starting with `first`.
pub fn pages<'a, T>(
    client: &'a Client,
    first: Result<Request, Error>,
    kind: PageKind,
    items: &'static str,
) -> impl Stream<Item = Result<T, Error>> + Send + 'a
where
    T: serde::de::DeserializeOwned + Send + 'a,
{
    stream::unfold(State::Start(first), move |state| async move {
        let (request, number) = match state {
            State::Start(Ok(request)) => {
                let number = request
                    .query
                    .iter()
                    .find(|(k, _)| k == "page")
                    .and_then(|(_, v)| v.parse().ok())
                    .unwrap_or(1);
                (request, number)
            }
            State::Start(Err(error)) => return Some((Err(error), State::Done)),
            State::Next(request, number) => (request, number),
            State::Done => return None,
        };
        let first_scroll = request.query.iter().all(|(k, _)| k != "scroll_param");
        let response = match client.execute(request.clone()).await {
            Ok(response) => response,
            Err(error) => return Some((Err(error), State::Done)),
        };
        let (page, info) = match read_page::<T>(&response, items) {
            Ok(read) => read,
            Err(error) => return Some((Err(error), State::Done)),
        };
        if kind == PageKind::Scroll && info.items == 0 && !first_scroll {
            return None;
        }
        let next = match next_request(request, kind, number, &info) {
            Ok(Some(next)) => State::Next(next, number + 1),
            Ok(None) => State::Done,
            Err(error) => return Some((Err(error), State::Done)),
        };
        Some((Ok(page), next))
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

    fn info(json: &str, items: &str) -> PageInfo {
        let de = &mut serde_json::Deserializer::from_str(json);
        PageInfoSeed(items).deserialize(de).unwrap()
    }

    #[test]
    fn reads_every_form_of_next() {
        let i = info(
            r#"{"data":[1,2],"pages":{"next":null,"page":1,"total_pages":1}}"#,
            "data",
        );
        assert_eq!(i.items, 2);
        assert!(matches!(i.pages.unwrap().next, None | Some(NextLink::None)));
        let i = info(
            r#"{"data":[{}],"pages":{"next":{"starting_after":"abc"}}}"#,
            "data",
        );
        assert!(
            matches!(i.pages.unwrap().next, Some(NextLink::Object { starting_after: Some(c), .. }) if c == "abc")
        );
        let i = info(
            r#"{"conversations":[],"pages":{"next":"https://api.intercom.io/x?page=3"}}"#,
            "conversations",
        );
        assert_eq!(i.items, 0);
        assert!(matches!(i.pages.unwrap().next, Some(NextLink::Url(_))));
        let i = info(r#"{"data":[{}],"scroll_param":"s1"}"#, "data");
        assert_eq!(i.scroll_param.as_deref(), Some("s1"));
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
