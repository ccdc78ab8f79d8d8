//! [`PageLinks`] for the generated `pages` objects, so the paginator reads the next page from
//! the decoded page itself: for the stable models, and for the Preview ones (feature
//! `preview`), which have the same two shapes.

use crate::runtime::{NextLink, PageLinks};

/// Implements [`PageLinks`] for the `CursorPages` (with its `CursorPagesNext` union) and
/// `PagesLink` of one generated models module.
macro_rules! page_links {
    ($($models:ident)::+) => {
        const _: () = {
            use $($models)::+::{CursorPages, CursorPagesNext, PagesLink};

            impl PageLinks for CursorPages {
                fn next_link(&self) -> NextLink {
                    match &self.next {
                        Some(CursorPagesNext::StartingAfterPaging(next)) => NextLink::Object {
                            page: None,
                            starting_after: next.starting_after.value().cloned(),
                        },
                        Some(CursorPagesNext::Url(url)) => NextLink::Url(url.clone()),
                        Some(CursorPagesNext::Unknown(_)) | None => NextLink::None,
                    }
                }
                fn page(&self) -> Option<i64> {
                    self.page
                }
                fn total_pages(&self) -> Option<i64> {
                    self.total_pages
                }
            }

            impl PageLinks for PagesLink {
                fn next_link(&self) -> NextLink {
                    self.next.clone().map_or(NextLink::None, NextLink::Url)
                }
                fn page(&self) -> Option<i64> {
                    self.page
                }
                fn total_pages(&self) -> Option<i64> {
                    self.total_pages
                }
            }
        };
    };
}

page_links!(crate::models);
#[cfg(feature = "preview")]
page_links!(crate::preview::models);
