//! `pages()` and `items()` streams on the builders of paginated operations.

use proc_macro2::{Ident, Span, TokenStream};
use quote::quote;

use super::tokens::{ident, response_type, ty};
use crate::ir::{Operation, PageKind};

/// The paging methods of `op`'s builder; nothing when it does not paginate.
pub fn methods(op: &Operation, prefix: &TokenStream, rt: &TokenStream) -> TokenStream {
    let Some(paging) = &op.pagination else {
        return TokenStream::new();
    };
    let page = response_type(op, prefix, rt);
    let item = ty(&paging.item_type, prefix, rt);
    let items_wire = &paging.items;
    let items_field = ident(&crate::ir::field_ident(&paging.items));
    let kind = Ident::new(
        match paging.kind {
            PageKind::Page => "Page",
            PageKind::Cursor => "Cursor",
            PageKind::BodyCursor => "BodyCursor",
            PageKind::Scroll => "Scroll",
        },
        Span::call_site(),
    );
    let how = match paging.kind {
        PageKind::Page => "by page number (`page`), keeping `per_page`",
        PageKind::Cursor => "by cursor (`starting_after` from `pages.next`), keeping `per_page`",
        PageKind::BodyCursor => {
            "by cursor (`pagination.starting_after` in the body), keeping `per_page`"
        }
        PageKind::Scroll => {
            "by `scroll_param` until a page comes back empty (a scroll expires after a minute)"
        }
    };
    let pages_doc = format!(
        " Every page, starting with this request's, fetched {how} as the stream is polled."
    );
    let items_doc = format!(
        " Every item (`{items_wire}`) of every page; one page is held in memory at a time."
    );
    let links = paging
        .has_pages
        .then(|| quote!(.links(page.pages.as_ref())));
    let scroll = paging
        .has_scroll_param
        .then(|| quote!(.scroll_param(page.scroll_param.as_deref())));
    quote! {
        #[doc = #pages_doc]
        #[inline]
        pub fn pages(self) -> impl #rt::runtime::Stream<Item = Result<#page, #rt::Error>> + Send + 'a {
            #rt::runtime::pages(self.client, self.request(), #rt::runtime::PageKind::#kind, |page: &#page| {
                #rt::runtime::PageInfo::new(page.#items_field.as_ref().map_or(0, Vec::len)) #links #scroll
            })
        }

        #[doc = #items_doc]
        #[inline]
        pub fn items(self) -> impl #rt::runtime::Stream<Item = Result<#item, #rt::Error>> + Send + 'a {
            #rt::runtime::items(self.pages(), |page: #page| page.#items_field.unwrap_or_default())
        }
    }
}
