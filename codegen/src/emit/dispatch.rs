//! A call table for tools: operation id + JSON inputs -> the operation's generated builder,
//! `send()`, and the typed answer serialized back to JSON (the MCP server's
//! `--all-operations` tools). Downloads are left out: their answer is a byte stream.

use heck::ToSnakeCase;
use proc_macro2::TokenStream;
use quote::{format_ident, quote};

use super::calls;
use crate::ir::{Api, Operation, Response};
use crate::Channel;

/// The `dispatch.rs` file.
pub fn file(api: &Api, rt: &TokenStream) -> TokenStream {
    let callable: Vec<&Operation> = api
        .operations
        .iter()
        .filter(|o| o.response != Response::Bytes)
        .collect();
    let ids: Vec<&String> = callable.iter().map(|o| &o.id).collect();
    let fns: Vec<_> = callable
        .iter()
        .map(|o| format_ident!("call_{}", o.builder.to_snake_case()))
        .collect();
    let bodies = callable.iter().map(|o| operation(o, rt));
    let helpers = calls::helpers(rt);
    quote! {
        //! Calling any operation by id with JSON inputs: the inputs decoded into the
        //! builder's argument types (a failure names the input and nothing is sent), the
        //! request sent like its `send()`, and the typed answer serialized back to JSON.

        use #rt::Error;

        /// The inputs of one call, as JSON.
        #[derive(Debug, Clone, Default)]
        pub struct Call {
            /// Path arguments, in template order.
            pub path: Vec<String>,
            /// Query arguments by wire name (required ones must be present).
            pub query: serde_json::Map<String, serde_json::Value>,
            /// Header arguments by wire name.
            pub header_args: serde_json::Map<String, serde_json::Value>,
            /// The request body.
            pub body: Option<serde_json::Value>,
        }

        /// Sends operation `operation_id` built from `call` and returns its typed answer as
        /// JSON (`null` for an empty answer, a string for text or a redirect's location);
        /// `None` for an unknown id or a download.
        pub async fn call(client: &#rt::Client, operation_id: &str, call: &Call) -> Option<Result<serde_json::Value, Error>> {
            match operation_id {
                #( #ids => Some(#fns(client, call).await), )*
                _ => {
                    let _ = (client, call);
                    None
                }
            }
        }

        fn invalid(what: String, e: impl std::fmt::Display) -> Error {
            Error::InvalidInput(format!("argument {what}: {e}"))
        }

        #helpers

        fn to_json<T: serde::Serialize>(answer: &T) -> Result<serde_json::Value, Error> {
            serde_json::to_value(answer).map_err(|e| Error::InvalidInput(format!("the answer cannot be written as JSON: {e}")))
        }

        #( #bodies )*
    }
}

/// The `call_<fn>` function of one operation.
fn operation(op: &Operation, rt: &TokenStream) -> TokenStream {
    let name = format_ident!("call_{}", op.builder.to_snake_case());
    let start = calls::start(op, rt, Channel::Stable);
    let takes_inputs = !(op.path_params.is_empty()
        && op.query_params.is_empty()
        && op.header_params.is_empty()
        && op.body.is_none());
    let call = if takes_inputs {
        format_ident!("call")
    } else {
        format_ident!("_call")
    };
    let finish = if op.response == Response::Empty {
        quote! {
            builder.send().await?;
            Ok(serde_json::Value::Null)
        }
    } else {
        quote! {
            let answer = builder.send().await?;
            to_json(&answer)
        }
    };
    quote! {
        async fn #name(client: &#rt::Client, #call: &Call) -> Result<serde_json::Value, Error> {
            #start
            #finish
        }
    }
}
