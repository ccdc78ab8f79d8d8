//! Cargo features in the generated code: the `#[cfg]` that compiles an item only when one of
//! the resource features that need it is on, and `Serialize` behind the `serialize` feature.

use std::collections::BTreeSet;

use proc_macro2::TokenStream;
use quote::quote;

use crate::ir::TypeDef;

/// `#[cfg(any(feature = "a", …))]` (`#[cfg(feature = "a")]` for one), or nothing for an item
/// compiled whatever the features.
pub fn cfg_any(features: &BTreeSet<String>) -> TokenStream {
    let names: Vec<&String> = features.iter().collect();
    match names.as_slice() {
        [] => TokenStream::new(),
        [one] => quote!(#[cfg(feature = #one)]),
        _ => quote!(#[cfg(any( #( feature = #names ),* ))]),
    }
}

/// The `#[cfg]` of a models module: any feature of any of its types, or nothing when one of
/// them is compiled whatever the features.
pub fn module_cfg<'a>(defs: impl Iterator<Item = &'a TypeDef>) -> TokenStream {
    let mut union = BTreeSet::new();
    for def in defs {
        if def.features.is_empty() {
            return TokenStream::new();
        }
        union.extend(def.features.iter().cloned());
    }
    cfg_any(&union)
}

/// Puts `cfg` on every item of `tokens` (a type and its impls and macro calls).
pub fn gate(tokens: TokenStream, cfg: &TokenStream) -> syn::Result<TokenStream> {
    if cfg.is_empty() {
        return Ok(tokens);
    }
    let file: syn::File = syn::parse2(tokens)?;
    let items = file.items.iter();
    Ok(quote!( #( #cfg #items )* ))
}

/// `Serialize` for response-only types, behind the crate's `serialize` feature.
pub fn serialize_feature() -> TokenStream {
    quote!(#[cfg_attr(feature = "serialize", derive(serde::Serialize))])
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_item_is_gated_and_ungated_items_are_kept() {
        let features: BTreeSet<String> = ["contacts", "tickets"].map(String::from).into();
        let cfg = cfg_any(&features);
        let gated = gate(quote!(pub struct A; impl A {} m!(A);), &cfg).expect("items");
        let text = gated.to_string();
        assert_eq!(
            text.matches("# [cfg (any (feature = \"contacts\" , feature = \"tickets\"))]")
                .count(),
            3,
            "{text}"
        );
        let plain = gate(
            quote!(
                pub struct A;
            ),
            &cfg_any(&BTreeSet::new()),
        )
        .expect("items");
        assert_eq!(plain.to_string(), "pub struct A ;");
    }
}
