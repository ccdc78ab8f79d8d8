//! `From` each alternative of a union for a request struct that only wraps it: the struct's one
//! required field is the flattened union and the others are optional
//! (`ReplyTicketRequest { skip_notifications, kind }`), so an alternative
//! (`AdminReplyTicketRequest`) converts into the whole request with the other fields unset — as
//! it converts into the bare union of a version whose request has no other field.

use std::collections::BTreeMap;

use proc_macro2::{Ident, Span, TokenStream};
use quote::quote;

use super::features::cfg_any;
use super::tokens::ty;
use crate::ir::{TypeDef, TypeKind, TypeRef};

/// The `From` impls of every wrapping request struct among `defs`, each under the struct's
/// `#[cfg]`.
pub fn froms<'a>(
    defs: impl Iterator<Item = &'a TypeDef>,
    types: &BTreeMap<String, TypeDef>,
    rt: &TokenStream,
) -> TokenStream {
    let prefix = quote!(super::);
    let mut out = TokenStream::new();
    for d in defs {
        let Some(union) = wrapped_union(d, types) else {
            continue;
        };
        let name = Ident::new(&d.name, Span::call_site());
        let cfg = cfg_any(&d.features);
        for variant in union {
            let t = ty(variant, &prefix, rt);
            out.extend(quote! {
                #cfg
                impl From<#t> for #name {
                    fn from(value: #t) -> Self { Self::new(value.into()) }
                }
            });
        }
    }
    out
}

/// The alternatives (named, each once) of the union a request struct wraps, if it wraps one.
fn wrapped_union<'t>(
    d: &TypeDef,
    types: &'t BTreeMap<String, TypeDef>,
) -> Option<Vec<&'t TypeRef>> {
    if !d.usage.request {
        return None;
    }
    let TypeKind::Struct { fields } = &d.kind else {
        return None;
    };
    let mut flattened = fields.iter().filter(|f| f.flatten);
    let (Some(union), None) = (flattened.next(), flattened.next()) else {
        return None;
    };
    if fields.iter().any(|f| !f.flatten && f.required) {
        return None;
    }
    let TypeRef::Named(union) = &union.ty else {
        return None;
    };
    let TypeKind::Union { variants, .. } = &types.get(union)?.kind else {
        return None;
    };
    let named = variants
        .iter()
        .map(|v| &v.ty)
        .filter(|t| matches!(t, TypeRef::Named(_)))
        .filter(|t| variants.iter().filter(|o| &o.ty == *t).count() == 1)
        .collect();
    Some(named)
}
