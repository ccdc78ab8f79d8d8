//! Small token helpers shared by the emitters.

use proc_macro2::{Ident, Span, TokenStream};
use quote::quote;

use crate::ir::{Operation, Response, TypeRef};

/// An identifier, raw (`r#type`) when it is a keyword.
pub fn ident(name: &str) -> Ident {
    if crate::ir::is_keyword(name) {
        Ident::new_raw(name, Span::call_site())
    } else {
        Ident::new(name, Span::call_site())
    }
}

/// `#[doc = "…"]` lines for optional doc text.
pub fn doc(text: Option<&str>) -> TokenStream {
    match text {
        Some(text) => {
            let lines = text.lines().map(|l| {
                if l.is_empty() {
                    String::new()
                } else {
                    format!(" {l}")
                }
            });
            quote! { #( #[doc = #lines] )* }
        }
        None => TokenStream::new(),
    }
}

/// The Rust type for a type reference; named types are reached through `prefix`.
pub fn ty(t: &TypeRef, prefix: &TokenStream, rt: &TokenStream) -> TokenStream {
    match t {
        TypeRef::String | TypeRef::Const(_) => quote!(String),
        TypeRef::Integer => quote!(i64),
        TypeRef::Number => quote!(f64),
        TypeRef::Boolean => quote!(bool),
        TypeRef::Timestamp => quote!(#rt::Timestamp),
        TypeRef::Any => quote!(serde_json::Value),
        TypeRef::FreeForm => quote!(serde_json::Map<String, serde_json::Value>),
        TypeRef::Map(inner) => {
            let inner = ty(inner, prefix, rt);
            quote!(std::collections::BTreeMap<String, #inner>)
        }
        TypeRef::Array(inner) => {
            let inner = ty(inner, prefix, rt);
            quote!(Vec<#inner>)
        }
        TypeRef::Nullable(inner) => {
            let inner = ty(inner, prefix, rt);
            quote!(Option<#inner>)
        }
        TypeRef::Named(name) => {
            let name = Ident::new(name, Span::call_site());
            quote!(#prefix #name)
        }
    }
}

/// The Rust return type of an operation.
pub fn response_type(op: &Operation, prefix: &TokenStream, rt: &TokenStream) -> TokenStream {
    match &op.response {
        Response::Json(t) => ty(t, prefix, rt),
        Response::Empty => quote!(()),
        Response::Text | Response::Redirect => quote!(String),
        Response::Bytes => quote!(#rt::runtime::Download),
    }
}
