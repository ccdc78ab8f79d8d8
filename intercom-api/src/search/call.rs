//! Sending a search: one page, or a stream of pages or items across every page.

use futures_util::stream::{Stream, TryStreamExt};

use super::request::Search;
use super::resource::Paged;
use crate::runtime::{self, Method, PageInfo, PageKind, Request, RequestOptions};
use crate::{Client, Error};

/// A search ready to send, from [`Client::search`]: `.send()` for one page, `.pages()` or
/// `.items()` for a stream across every page.
#[derive(Debug, Clone)]
#[must_use = "a search does nothing until `.send().await` or a stream is polled"]
pub struct SearchCall<'a, R> {
    client: &'a Client,
    search: Search<R>,
    options: RequestOptions,
}

/// One page of search results.
#[derive(Debug, Clone)]
pub struct SearchPage<R: Paged> {
    list: R::List,
}

impl Client {
    /// Starts a search of contacts, conversations or tickets (the resource of the query's
    /// fields), with a [`Search`] or just a [`Query`](super::Query).
    ///
    /// ```no_run
    /// use futures_util::TryStreamExt;
    /// use intercom_api::search::{and, ContactField, Search};
    ///
    /// # async fn run(client: intercom_api::Client) -> Result<(), intercom_api::Error> {
    /// let query = and([
    ///     ContactField::EMAIL_DOMAIN.eq("example.com"),
    ///     ContactField::custom_attributes("plan").is_in(["pro", "team"]),
    /// ]);
    /// let first = client.search(Search::new(query.clone()).per_page(50)).send().await?;
    /// println!("{:?} contacts", first.total_count());
    /// let mut contacts = std::pin::pin!(client.search(query).items());
    /// while let Some(contact) = contacts.try_next().await? {
    ///     println!("{:?}", contact.email);
    /// }
    /// # Ok(()) }
    /// ```
    pub fn search<R: Paged>(&self, search: impl Into<Search<R>>) -> SearchCall<'_, R> {
        SearchCall {
            client: self,
            search: search.into(),
            options: RequestOptions::default(),
        }
    }
}

impl<'a, R: Paged> SearchCall<'a, R> {
    /// Sends this `Intercom-Version` instead of the client's.
    pub fn intercom_version(mut self, version: impl Into<String>) -> Self {
        self.options.version = Some(version.into());
        self
    }

    /// The request: the query checked (see [`Query::validate`](super::Query::validate)),
    /// then `POST` with the JSON body. Searches only read, so they are retried like a `GET`.
    pub fn request(&self) -> Result<Request, Error> {
        self.search.validate()?;
        let mut request = Request::new(
            Method::POST,
            R::PATH.to_string(),
            R::PATH,
            R::OPERATION_ID,
            true,
            self.options.clone(),
        );
        request.json(&self.search)?;
        Ok(request)
    }

    /// Sends the search and returns the first page (or the page after
    /// [`Search::starting_after`]).
    pub async fn send(self) -> Result<SearchPage<R>, Error> {
        let request = self.request()?;
        let list = self.client.execute(request).await?.json()?;
        Ok(SearchPage { list })
    }

    /// Every page, fetched as the stream is polled: one request per page, `per_page`, sort
    /// and query kept, ending without an extra request when `pages.next` is absent or a page
    /// is empty.
    pub fn pages(self) -> impl Stream<Item = Result<SearchPage<R>, Error>> + Send + 'a {
        self.lists().map_ok(|list| SearchPage { list })
    }

    /// Every result of every page (see [`SearchCall::pages`]); one page is held at a time.
    pub fn items(self) -> impl Stream<Item = Result<R::Item, Error>> + Send + 'a {
        runtime::items(self.lists(), R::into_items)
    }

    fn lists(self) -> impl Stream<Item = Result<R::List, Error>> + Send + 'a {
        runtime::pages(
            self.client,
            self.request(),
            PageKind::BodyCursor,
            |list: &R::List| PageInfo::new(R::items(list).len()).next_cursor(R::next_cursor(list)),
        )
    }
}

impl<R: Paged> SearchPage<R> {
    /// The results of this page.
    pub fn items(&self) -> &[R::Item] {
        R::items(&self.list)
    }

    /// The results of this page, by value.
    pub fn into_items(self) -> Vec<R::Item> {
        R::into_items(self.list)
    }

    /// The cursor of the next page (give it to [`Search::starting_after`]); `None` on the last.
    pub fn next_cursor(&self) -> Option<String> {
        R::next_cursor(&self.list)
    }

    /// How many results the whole search has, as Intercom counts them.
    pub fn total_count(&self) -> Option<i64> {
        R::total_count(&self.list)
    }

    /// The page as the endpoint returns it (`ContactList`, `ConversationList`, `TicketList`).
    pub fn list(&self) -> &R::List {
        &self.list
    }

    /// The page as the endpoint returns it, by value.
    pub fn into_list(self) -> R::List {
        self.list
    }
}
