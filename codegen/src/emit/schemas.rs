//! A table of every operation's inputs as JSON Schema (path, query and header parameters,
//! and the JSON body), for tools that offer the operations to a caller (the MCP server).

use heck::ToSnakeCase;
use proc_macro2::TokenStream;
use quote::quote;
use serde_json::{json, Map, Value};

use super::json_schema::{canonical, described, of};
use crate::ir::{Api, Operation, Param, Response};

/// The `schemas.rs` file.
pub fn file(api: &Api) -> TokenStream {
    let entries = api.operations.iter().map(|op| entry(api, op));
    quote! {
        //! Every operation's inputs as JSON Schema, from the spec: names, types, enums,
        //! `required` lists and descriptions. Named types are inlined, each object titled with
        //! its Rust name; a type that contains itself is cut at its second occurrence.

        /// The inputs of one operation.
        #[derive(Debug, Clone, Copy, PartialEq, Eq)]
        pub struct OperationSchema {
            /// The spec's operation id.
            pub id: &'static str,
            /// The `Client` method that starts it.
            pub name: &'static str,
            /// Its resource group (the cargo feature of its module).
            pub module: &'static str,
            /// The HTTP method.
            pub method: &'static str,
            /// The path template.
            pub path: &'static str,
            /// The first paragraph of its documentation.
            pub summary: &'static str,
            /// Path parameters, in template order.
            pub path_params: &'static [&'static str],
            /// Query parameters.
            pub query_params: &'static [&'static str],
            /// Header parameters callers set.
            pub header_params: &'static [&'static str],
            /// One object schema holding every parameter (path, query, header) by wire name.
            pub parameters: &'static str,
            /// The JSON body's schema, when it takes one.
            pub body: Option<&'static str>,
            /// Whether the body must be sent.
            pub body_required: bool,
            /// Whether a success is a binary download rather than JSON or text.
            pub download: bool,
        }

        /// Every operation, in the order of the operations modules.
        pub const OPERATIONS: &[OperationSchema] = &[ #( #entries ),* ];

        /// The operation with this operation id.
        pub fn find(id: &str) -> Option<&'static OperationSchema> {
            OPERATIONS.iter().find(|op| op.id == id)
        }
    }
}

fn entry(api: &Api, op: &Operation) -> TokenStream {
    let id = &op.id;
    let name = op.builder.to_snake_case();
    let module = &op.module;
    let method = &op.method;
    let path = &op.path;
    let summary = op
        .doc
        .as_deref()
        .and_then(|d| d.split("\n\n").next())
        .unwrap_or_default()
        .replace('\n', " ");
    let wires =
        |params: &[Param]| -> Vec<String> { params.iter().map(|p| p.wire.clone()).collect() };
    let (path_params, query_params, header_params) = (
        wires(&op.path_params),
        wires(&op.query_params),
        wires(&op.header_params),
    );
    let parameters = raw_str(&canonical(&parameters(api, op)));
    let body = match &op.body {
        Some(body) => {
            let schema = raw_str(&canonical(&of(api, &body.ty)));
            quote!(Some(#schema))
        }
        None => quote!(None),
    };
    let body_required = op.body.as_ref().is_some_and(|b| b.required);
    let download = op.response == Response::Bytes;
    quote! {
        OperationSchema {
            id: #id,
            name: #name,
            module: #module,
            method: #method,
            path: #path,
            summary: #summary,
            path_params: &[ #( #path_params ),* ],
            query_params: &[ #( #query_params ),* ],
            header_params: &[ #( #header_params ),* ],
            parameters: #parameters,
            body: #body,
            body_required: #body_required,
            download: #download,
        }
    }
}

/// `{"type": "object", "properties": …, "required": …}` of every parameter; path parameters
/// are always required.
fn parameters(api: &Api, op: &Operation) -> Value {
    let mut properties = Map::new();
    let mut required = Vec::new();
    let path = op.path_params.iter().map(|p| (p, true));
    let others = op
        .query_params
        .iter()
        .chain(&op.header_params)
        .map(|p| (p, p.required));
    for (param, is_required) in path.chain(others) {
        let schema = described(of(api, &param.ty), param.doc.as_deref(), &param.ty);
        properties.insert(param.wire.clone(), schema);
        if is_required {
            required.push(Value::String(param.wire.clone()));
        }
    }
    json!({"type": "object", "properties": properties, "required": required})
}

/// A raw string literal (`r#"…"#`, with as many `#` as `text` needs), so the JSON reads as
/// JSON in the generated file.
fn raw_str(text: &str) -> TokenStream {
    let mut hashes = String::from("#");
    while text.contains(&format!("\"{hashes}")) {
        hashes.push('#');
    }
    let literal: proc_macro2::Literal = format!("r{hashes}\"{text}\"{hashes}")
        .parse()
        .unwrap_or_else(|_| proc_macro2::Literal::string(text));
    quote!(#literal)
}
