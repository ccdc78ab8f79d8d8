//! Calling an operation's generated builder from JSON inputs: the part the conformance and
//! dispatch tables share. Both files define `Call` (with `path`, `query`, `header_args` and
//! `body`) and `invalid(what, e) -> Error`; [`helpers`] adds the decoding functions
//! [`start`] uses.

use proc_macro2::TokenStream;
use quote::quote;

use super::ops::body_type;
use super::tokens::{ident, ty};
use crate::ir::Operation;
use crate::Channel;

/// `path_arg`, `decode` and `required`: the inputs of a `call: &Call`, decoded into the
/// builder's argument types (failures through the file's `invalid`).
pub fn helpers(rt: &TokenStream) -> TokenStream {
    quote! {
        fn path_arg(call: &Call, index: usize, name: &str) -> Result<String, Error> {
            call.path.get(index).cloned().ok_or_else(|| invalid(format!("path `{name}`"), "missing"))
        }

        fn decode<T: serde::de::DeserializeOwned>(what: String, value: Option<&serde_json::Value>) -> Result<Option<T>, Error> {
            value.map(|v| #rt::runtime::from_value::<T, serde_json::Error>(v.clone()).map_err(|e| invalid(what, e))).transpose()
        }

        fn required<T: serde::de::DeserializeOwned>(what: String, value: Option<&serde_json::Value>) -> Result<T, Error> {
            decode(what.clone(), value)?.ok_or_else(|| invalid(what, "missing"))
        }
    }
}

/// `let builder = client.<fn>(…);` (`client.preview().<fn>(…)` on the Preview channel) and
/// its setters, from `call` and `client` in scope.
pub fn start(op: &Operation, rt: &TokenStream, channel: Channel) -> TokenStream {
    let prefix = quote!(super::models::);
    let root = channel.root_method().map(|method| {
        let method = ident(method);
        quote!(.#method())
    });
    let namespaces = op.namespace.iter().map(|n| ident(n));
    let method = ident(&op.fn_name);
    let mut args = Vec::new();
    for (i, p) in op.path_params.iter().enumerate() {
        let wire = &p.wire;
        args.push(quote!(path_arg(call, #i, #wire)?));
    }
    let mut setters = Vec::new();
    let params = op
        .query_params
        .iter()
        .map(|p| (p, quote!(query), "query"))
        .chain(
            op.header_params
                .iter()
                .map(|p| (p, quote!(header_args), "header")),
        );
    for (p, map, kind) in params {
        let wire = &p.wire;
        let t = ty(&p.ty, &prefix, rt);
        let what = format!("{kind} `{wire}`");
        if p.required {
            args.push(quote!(required::<#t>(#what.into(), call.#map.get(#wire))?));
        } else {
            let setter = ident(&p.ident);
            setters.push(quote! {
                if let Some(value) = decode::<#t>(#what.into(), call.#map.get(#wire))? {
                    builder = builder.#setter(value);
                }
            });
        }
    }
    match &op.body {
        Some(body) if body.content_type == "application/json" => {
            let t = body_type(body, &prefix, rt);
            if body.required {
                args.push(quote!(required::<#t>("body".into(), call.body.as_ref())?));
            } else {
                setters.push(quote! {
                    if let Some(value) = decode::<#t>("body".into(), call.body.as_ref())? {
                        builder = builder.body(value);
                    }
                });
            }
        }
        Some(body) => {
            let content_type = &body.content_type;
            let raw = quote!(#rt::runtime::RawBody::new(#content_type, call.body.as_ref().map(|b| b.to_string()).unwrap_or_default()));
            if body.required {
                args.push(raw);
            } else {
                setters.push(quote!(if call.body.is_some() { builder = builder.body(#raw); }));
            }
        }
        None => {}
    }
    let binding = if setters.is_empty() {
        quote!(let builder)
    } else {
        quote!(let mut builder)
    };
    quote! {
        #binding = client #root #( .#namespaces() )* .#method(#( #args ),*);
        #( #setters )*
    }
}
