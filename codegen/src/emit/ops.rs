//! Operations: a request builder per operation and the `Client` method that starts it.

use proc_macro2::{Ident, Span, TokenStream};
use quote::quote;

use super::tokens::{doc, ident, response_type, ty};
use crate::ir::{Body, Operation, Param, QueryStyle, Response};
use crate::Channel;

/// One operations file (one top-level namespace): its namespace structs and builders.
pub fn file<'a>(
    ops: impl Iterator<Item = &'a Operation> + Clone,
    rt: &TokenStream,
    channel: Channel,
) -> TokenStream {
    let namespaces = super::namespaces::structs(ops.clone(), rt, channel);
    let items = ops.map(|o| operation(o, rt, channel));
    quote! { #namespaces #( #items )* }
}

const JSON: &str = "application/json";

/// The Rust type of a request body: the model for JSON, caller-encoded bytes otherwise.
pub fn body_type(body: &Body, prefix: &TokenStream, rt: &TokenStream) -> TokenStream {
    if let Some(resource) = &body.search {
        let resource = Ident::new(resource, Span::call_site());
        quote!(#rt::search::Search<#rt::search::#resource>)
    } else if body.content_type == JSON {
        ty(&body.ty, prefix, rt)
    } else {
        quote!(#rt::runtime::RawBody)
    }
}

/// Query parameter values: scalars go through `Display`, objects are exploded into their keys,
/// arrays into one parameter per item or one comma-separated parameter.
fn query_push(p: &Param, value: TokenStream) -> TokenStream {
    let wire = &p.wire;
    match p.style {
        QueryStyle::Scalar => quote!(request.query(#wire, #value);),
        QueryStyle::Object => quote!(request.query_object(#wire, #value)?;),
        QueryStyle::List { explode } => quote!(request.query_list(#wire, #value, #explode)?;),
    }
}

/// One operation's builder and the namespace method that starts it.
fn operation(op: &Operation, rt: &TokenStream, channel: Channel) -> TokenStream {
    let root = channel.call_root();
    let options = match channel {
        Channel::Stable => quote!(Default::default()),
        Channel::Preview => {
            quote!(#rt::runtime::RequestOptions::with_version(super::super::API_VERSION))
        }
    };
    // An operation whose own `Intercom-Version` parameter demands another value sends it.
    let options = match &op.version {
        Some(version) => quote!(#rt::runtime::RequestOptions::with_version(#version)),
        None => options,
    };
    let prefix = quote!(super::super::models::);
    let builder = Ident::new(&op.builder, Span::call_site());
    let fn_name = ident(&op.fn_name);
    let docs = doc(op.doc.as_deref());
    let route = format!(" `{} {}`", op.method, op.path);
    let ret = response_type(op, &prefix, rt);

    let mut fields = Vec::new();
    let mut args = Vec::new();
    let mut inits = Vec::new();
    let mut setters = Vec::new();
    for p in &op.path_params {
        let id = ident(&p.ident);
        fields.push(quote!(#id: String));
        args.push(quote!(#id: impl #rt::runtime::IntoId));
        inits.push(quote!(#id: #id.into_id()));
    }
    for p in op.query_params.iter().chain(&op.header_params) {
        let id = ident(&p.ident);
        let t = ty(&p.ty, &prefix, rt);
        if p.required {
            fields.push(quote!(#id: #t));
            args.push(quote!(#id: #t));
            inits.push(quote!(#id));
        } else {
            fields.push(quote!(#id: Option<#t>));
            inits.push(quote!(#id: None));
            let pdoc = doc(p.doc.as_deref());
            setters.push(quote! { #pdoc pub fn #id(mut self, value: impl Into<#t>) -> Self { self.#id = Some(value.into()); self } });
        }
    }
    match &op.body {
        Some(body) if body.required => {
            let t = body_type(body, &prefix, rt);
            fields.push(quote!(body: #t));
            args.push(quote!(body: impl Into<#t>));
            inits.push(quote!(body: body.into()));
        }
        Some(body) => {
            let t = body_type(body, &prefix, rt);
            fields.push(quote!(body: Option<#t>));
            inits.push(quote!(body: None));
            setters.push(quote! {
                /// Sets the request body (optional: without it no body is sent).
                pub fn body(mut self, value: impl Into<#t>) -> Self { self.body = Some(value.into()); self }
            });
        }
        None => {}
    }

    let mut path_fmt = String::new();
    let mut segments = Vec::new();
    for part in op.path.split('{') {
        match part.split_once('}') {
            Some((name, rest)) => {
                path_fmt.push_str("{}");
                path_fmt.push_str(rest);
                let id = ident(&crate::ir::field_ident(name));
                segments.push(quote!(#rt::runtime::segment(#name, &self.#id)?));
            }
            None => path_fmt.push_str(part),
        }
    }
    let path_expr = if segments.is_empty() {
        quote!(String::from(#path_fmt))
    } else {
        quote!(format!(#path_fmt, #(#segments),*))
    };
    let method = Ident::new(&op.method, Span::call_site());
    let template = &op.path;
    let mut steps = Vec::new();
    for p in &op.query_params {
        let id = ident(&p.ident);
        steps.push(if p.required {
            query_push(p, quote!(&self.#id))
        } else {
            let push = query_push(p, quote!(value));
            quote!(if let Some(value) = &self.#id { #push })
        });
    }
    for p in &op.header_params {
        let id = ident(&p.ident);
        let wire = &p.wire;
        steps.push(if p.required {
            quote!(request.header(#wire, &self.#id);)
        } else {
            quote!(if let Some(value) = &self.#id { request.header(#wire, value); })
        });
    }
    for (name, value) in &op.fixed_headers {
        steps.push(quote!(request.header(#name, #value);));
    }
    if op.response == Response::Redirect {
        steps.push(quote!(request.expect_redirect();));
    }
    match &op.body {
        Some(body) if body.search.is_some() && body.required => {
            steps.push(quote!(self.body.validate()?;))
        }
        Some(body) if body.search.is_some() => steps.push(quote!(if let Some(body) = &self.body {
            body.validate()?;
        })),
        _ => {}
    }
    match &op.body {
        Some(body) if !body.required && body.content_type == JSON => {
            steps.push(quote!(if let Some(body) = &self.body {
                request.json(body)?;
            }))
        }
        Some(body) if !body.required => steps.push(quote!(if let Some(body) = &self.body {
            request.raw_body(body.clone());
        })),
        Some(body) if body.content_type == JSON => steps.push(quote!(request.json(&self.body)?;)),
        Some(_) => steps.push(quote!(request.raw_body(self.body.clone());)),
        None => {}
    }
    let call = Ident::new(
        match &op.response {
            Response::Json(_) => "call_json",
            Response::Empty => "call_empty",
            Response::Text => "call_text",
            Response::Bytes => "call_download",
            Response::Redirect => "call_redirect",
        },
        Span::call_site(),
    );
    let with_warnings = matches!(op.response, Response::Json(_)).then(|| {
        quote! {
            /// Sends the request like [`send`](Self::send), and also returns what of the answer
            /// did not fit its type and was left out.
            #[inline]
            pub fn send_with_warnings(self) -> impl std::future::Future<Output = Result<#rt::runtime::Decoded<#ret>, #rt::Error>> + 'a {
                self.client.call_json_with_warnings(self.request())
            }
        }
    });
    let id = &op.id;
    let idempotent = op.idempotent;
    let blank = op.doc.is_some().then(|| quote!(#[doc = ""]));
    let namespace = Ident::new(&op.namespace_type(), Span::call_site());
    let builder_doc = format!(
        " Request builder for [`{call}`]({ns}::{fn_name}) (`client.{root}{call}(…)`):{route}.",
        call = op.call(),
        ns = op.namespace_type(),
        fn_name = op.fn_name,
    );
    let alias = op
        .operation_id
        .as_ref()
        .map(|id| quote!(#[doc(alias = #id)]));
    let origin = match &op.sdk_name {
        Some(name) => format!("Intercom's SDKs call it `{name}`"),
        None => "named by this crate's rule (Intercom's SDKs have no name for it)".into(),
    };
    let op_id_doc = match &op.operation_id {
        Some(id) => format!(" operationId `{id}`; {origin}."),
        None => format!(" No operationId; {origin}."),
    };
    let op_id_doc = quote!(#[doc = ""] #[doc = #op_id_doc]);
    let binding = if steps.is_empty() {
        quote!(let request)
    } else {
        quote!(let mut request)
    };
    let retry_opt_in = (!op.idempotent).then(|| {
        quote! {
            /// Lets the client retry this request on transient failures although it is not
            /// idempotent (only safe if sending it twice does no harm).
            #[inline]
            pub fn retry_non_idempotent(mut self) -> Self { self.options.retry_non_idempotent = true; self }
        }
    });
    let paging = super::paging::methods(op, &prefix, rt);
    let new_args = &args;
    quote! {
        #[doc = #builder_doc]
        #[derive(Debug, Clone)]
        #[must_use = "a request does nothing until `.send().await`"]
        pub struct #builder<'a> {
            client: &'a #rt::Client,
            options: #rt::runtime::RequestOptions,
            #( #fields, )*
        }

        impl<'a> #builder<'a> {
            #( #setters )*

            /// Sends this request with another `Intercom-Version` than the client's.
            pub fn intercom_version(mut self, version: impl Into<String>) -> Self { self.options.version = Some(version.into()); self }

            /// Gives this call (all attempts and the waits between them) another deadline than
            /// the client's.
            #[inline]
            pub fn deadline(mut self, deadline: std::time::Duration) -> Self { self.options.deadline = Some(deadline); self }

            #retry_opt_in

            /// Refuses to send this request, for the reason given, if any: `request()` and
            /// `send()` then fail with `Error::InvalidInput` (used by the hand-written wrappers
            /// for arguments they cannot convert, such as a non-numeric id the API wants as an
            /// integer).
            #[doc(hidden)]
            #[inline]
            pub fn refuse_if(mut self, reason: Option<String>) -> Self {
                if let Some(reason) = reason { self.options.refuse(reason); }
                self
            }

            /// The request as it will be sent; fails on invalid input such as an empty id.
            // `#[inline]` here and on `send`: the code of a call (the body's serialization above
            // all) is generated in the crates that make it, for the operations they use, not in
            // every build of this crate.
            #[inline]
            pub fn request(&self) -> Result<#rt::runtime::Request, #rt::Error> {
                self.options.check()?;
                #binding = #rt::runtime::Request::new(#rt::runtime::Method::#method, #path_expr, #template, #id, #idempotent, self.options.clone());
                #( #steps )*
                Ok(request)
            }

            /// Sends the request (retrying as the client is configured) and decodes the answer.
            #[inline]
            pub fn send(self) -> impl std::future::Future<Output = Result<#ret, #rt::Error>> + 'a {
                self.client.#call(self.request())
            }

            #with_warnings

            #paging
        }

        impl<'a> #namespace<'a> {
            #docs
            #blank
            #[doc = #route]
            #op_id_doc
            #alias
            pub fn #fn_name(&self, #( #new_args ),*) -> #builder<'a> {
                #builder { client: self.client, options: #options, #( #inits ),* }
            }
        }
    }
}
