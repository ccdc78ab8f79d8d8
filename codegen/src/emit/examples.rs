//! A decode table for tests: operation id or type name -> "decode this JSON as that type".

use proc_macro2::{Ident, Span, TokenStream};
use quote::quote;

use super::tokens::response_type;
use crate::ir::{Api, Response};

/// The `examples.rs` file.
pub fn file(api: &Api, rt: &TokenStream) -> TokenStream {
    let prefix = quote!(super::models::);
    let ops = api
        .operations
        .iter()
        .filter(|o| matches!(o.response, Response::Json(_)));
    let op_ids = ops.clone().map(|o| &o.id);
    let op_types = ops.map(|o| response_type(o, &prefix, rt));
    let type_names = api.types.keys();
    let type_idents = api.types.keys().map(|k| Ident::new(k, Span::call_site()));
    quote! {
        //! Decoding by name, so tests can check every example of the spec against its type.

        /// Decodes `json` as the success response of operation `operation_id`, as the client
        /// does (salvaging, or with `strict` failing on anything it would leave out); `None`
        /// when the operation has no JSON response.
        pub fn decode_response(operation_id: &str, json: &str, strict: bool) -> Option<Result<Vec<#rt::runtime::DecodeWarning>, #rt::Error>> {
            match (operation_id, json, strict) {
                #( (#op_ids, json, strict) => Some(#rt::runtime::check_decode::<#op_types>(json, strict)), )*
                _ => None,
            }
        }

        /// Decodes `json` as the generated type named `type_name`, as the client decodes
        /// responses; `None` for an unknown name.
        pub fn decode_type(type_name: &str, json: &str, strict: bool) -> Option<Result<Vec<#rt::runtime::DecodeWarning>, #rt::Error>> {
            match (type_name, json, strict) {
                #( (#type_names, json, strict) => Some(#rt::runtime::check_decode::<super::models::#type_idents>(json, strict)), )*
                _ => None,
            }
        }
    }
}
