//! A call table for the conformance test: operation id + JSON inputs -> one real request
//! through the operation's generated builder, its answer decoded into the generated type.

use heck::ToSnakeCase;
use proc_macro2::TokenStream;
use quote::{format_ident, quote};

use super::calls;
use super::tokens::response_type;
use crate::ir::{Api, Operation, Response};
use crate::Channel;

/// The `conformance.rs` file; the Preview channel's shares the stable file's `Call` and
/// `Answer`, so one test drives both.
pub fn file(api: &Api, rt: &TokenStream, channel: Channel) -> TokenStream {
    let ids: Vec<&String> = api.operations.iter().map(|o| &o.id).collect();
    let fns: Vec<_> = api
        .operations
        .iter()
        .map(|o| format_ident!("call_{}", o.builder.to_snake_case()))
        .collect();
    let bodies = api.operations.iter().map(|o| operation(o, rt, channel));
    let helpers = calls::helpers(rt);
    let types = match channel {
        Channel::Stable => quote! {
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
                /// Extra headers to send (e.g. Prism's `Prefer: code=404`).
                pub headers: Vec<(String, String)>,
            }

            /// A successful answer that decoded into the operation's generated type.
            #[derive(Debug, Clone)]
            pub struct Answer {
                /// The HTTP status.
                pub status: u16,
                /// The response headers, names lowercase.
                pub headers: Vec<(String, String)>,
            }
        },
        Channel::Preview => quote!(pub use #rt::conformance::{Answer, Call};),
    };
    quote! {
        //! Calling any operation by id with JSON inputs, so a test can send every operation to
        //! a validating mock server (Stoplight Prism) and check the answer decodes.
        //!
        //! Each call goes through the operation's namespace method and setters, then does what
        //! its `send()` does (`request()`, `Client::execute` or `Client::download`, the same
        //! decode), adding `Call::headers` and keeping the response headers for the test.
        #![allow(dead_code)]

        use #rt::Error;

        /// Every operation id, in the order of the operations modules.
        pub const OPERATIONS: &[&str] = &[ #( #ids ),* ];

        #types

        /// Sends operation `operation_id` built from `call` the way its `send()` does, adding
        /// `call.headers`; `None` for an unknown id.
        pub async fn call(client: &#rt::Client, operation_id: &str, call: &Call) -> Option<Result<Answer, Error>> {
            match operation_id {
                #( #ids => Some(#fns(client, call).await), )*
                _ => {
                    let _ = (client, call);
                    None
                }
            }
        }

        fn invalid(what: String, e: impl std::fmt::Display) -> Error {
            Error::InvalidInput(format!("conformance input {what}: {e}"))
        }

        #helpers

        fn answer<'h, K: AsRef<str> + 'h, V: AsRef<[u8]> + 'h>(status: u16, headers: impl IntoIterator<Item = (&'h K, &'h V)>) -> Answer {
            Answer {
                status,
                headers: headers.into_iter().map(|(k, v)| (k.as_ref().to_string(), String::from_utf8_lossy(v.as_ref()).into_owned())).collect(),
            }
        }

        #( #bodies )*
    }
}

/// The `call_<fn>` function of one operation.
fn operation(op: &Operation, rt: &TokenStream, channel: Channel) -> TokenStream {
    let prefix = quote!(super::models::);
    let name = format_ident!("call_{}", op.builder.to_snake_case());
    let start = calls::start(op, rt, channel);
    let ret = response_type(op, &prefix, rt);
    let finish = match &op.response {
        Response::Bytes => quote! {
            let download = client.download(request).await?;
            let answer = answer(download.status().as_u16(), download.headers().iter());
            let _: #ret = download;
            Ok(answer)
        },
        _ => {
            let decode = match &op.response {
                Response::Json(_) => quote!(response.json()),
                Response::Empty => quote!(Ok::<(), Error>(())),
                Response::Text => quote!(response.text()),
                _ => quote!(response.location()),
            };
            quote! {
                let response = client.execute(request).await?;
                let answer = answer(response.status.as_u16(), response.headers.iter());
                let _: #ret = #decode?;
                Ok(answer)
            }
        }
    };
    quote! {
        async fn #name(client: &#rt::Client, call: &Call) -> Result<Answer, Error> {
            #start
            let mut request = builder.request()?;
            for (name, value) in &call.headers {
                request.header(name, value);
            }
            #finish
        }
    }
}
