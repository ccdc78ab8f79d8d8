//! Resource namespaces: `client.contacts()`, `client.help_centers().collections()`.
//!
//! One struct per namespace path, borrowing the client, with an accessor on its parent (the
//! `Client` for a top-level namespace). The operations' methods are added by `ops`.

use std::collections::BTreeSet;

use proc_macro2::{Ident, Span, TokenStream};
use quote::quote;

use super::tokens::ident;
use crate::ir::{namespace_type, Operation};
use crate::Channel;

/// The namespace structs and accessors of one module's operations.
pub fn structs<'a>(
    ops: impl Iterator<Item = &'a Operation>,
    rt: &TokenStream,
    channel: Channel,
) -> TokenStream {
    let mut paths: BTreeSet<&[String]> = BTreeSet::new();
    for op in ops {
        for depth in 1..=op.namespace.len() {
            paths.insert(&op.namespace[..depth]);
        }
    }
    let items = paths.iter().map(|path| namespace(path, rt, channel));
    quote! { #( #items )* }
}

fn namespace(path: &[String], rt: &TokenStream, channel: Channel) -> TokenStream {
    let name = Ident::new(&namespace_type(path), Span::call_site());
    let (last, parent) = match path.split_last() {
        Some((last, parent)) => (last, parent),
        None => return TokenStream::new(),
    };
    let accessor = ident(last);
    let root = channel.call_root();
    let call: String = path.iter().map(|n| format!("{n}().")).collect();
    let call = call.trim_end_matches('.');
    let struct_doc = format!(
        " The `{}` operations: `client.{root}{call}`.",
        path.join(".")
    );
    let accessor_doc = format!(" The `{}` operations.", path.join("."));
    let accessor_fn = if parent.is_empty() && channel == Channel::Preview {
        quote! {
            impl<'a> super::super::Preview<'a> {
                #[doc = #accessor_doc]
                pub fn #accessor(&self) -> #name<'a> {
                    #name { client: self.client }
                }
            }
        }
    } else if parent.is_empty() {
        quote! {
            impl #rt::Client {
                #[doc = #accessor_doc]
                pub fn #accessor(&self) -> #name<'_> {
                    #name { client: self }
                }
            }
        }
    } else {
        let parent = Ident::new(&namespace_type(parent), Span::call_site());
        quote! {
            impl<'a> #parent<'a> {
                #[doc = #accessor_doc]
                pub fn #accessor(&self) -> #name<'a> {
                    #name { client: self.client }
                }
            }
        }
    };
    quote! {
        #[doc = #struct_doc]
        #[derive(Debug, Clone, Copy)]
        pub struct #name<'a> {
            pub(crate) client: &'a #rt::Client,
        }
        #accessor_fn
    }
}
