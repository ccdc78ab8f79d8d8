//! A decode table for tests: operation id or type name -> "decode this JSON as that type".

use proc_macro2::{Ident, Span, TokenStream};
use quote::quote;

use super::ops::response_type;
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

        /// Decodes `json` as the success response of operation `operation_id`;
        /// `None` when the operation has no JSON response.
        pub fn decode_response(operation_id: &str, json: &str) -> Option<Result<(), String>> {
            match (operation_id, json) {
                #( (#op_ids, json) => Some(#rt::runtime::check_decode::<#op_types>(json)), )*
                _ => None,
            }
        }

        /// Decodes `json` as the generated type named `type_name`; `None` for an unknown name.
        pub fn decode_type(type_name: &str, json: &str) -> Option<Result<(), String>> {
            match (type_name, json) {
                #( (#type_names, json) => Some(#rt::runtime::check_decode::<super::models::#type_idents>(json)), )*
                _ => None,
            }
        }
    }
}
