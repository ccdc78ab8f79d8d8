//! The operations of the surface: what a user calls, with what, and what comes back.

use super::types::display;
use crate::ir::{Operation, Response};
use crate::Channel;

/// One operation as a user calls it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct OperationSurface {
    /// `GET`, `POST`, …
    pub method: String,
    /// The path template as in the spec.
    pub path: String,
    /// The call without arguments, from the client: `contacts().find`, `preview().news().list`.
    pub call: String,
    /// The path arguments, by name, in template order.
    pub path_params: Vec<String>,
    /// The query and header parameters, query first.
    pub params: Vec<ParamSurface>,
    /// The request body: its type, or `RawBody (media type)`; `None` without one.
    pub body: Option<String>,
    /// What a success returns: a type, `()`, or how a non-JSON answer is handed over.
    pub response: String,
}

/// A query or header parameter.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ParamSurface {
    /// The Rust name: an argument when required, else a setter.
    pub ident: String,
    /// Its type.
    pub ty: String,
    /// An argument of the call (else a setter of the request builder).
    pub required: bool,
}

impl OperationSurface {
    pub(super) fn of(op: &Operation, channel: Channel) -> OperationSurface {
        let params = op
            .query_params
            .iter()
            .chain(&op.header_params)
            .map(|p| ParamSurface {
                ident: p.ident.clone(),
                ty: display(&p.ty),
                required: p.required,
            })
            .collect();
        let body = op.body.as_ref().map(|b| {
            if b.content_type == "application/json" {
                display(&b.ty)
            } else {
                format!("RawBody ({})", b.content_type)
            }
        });
        let response = match &op.response {
            Response::Json(t) => display(t),
            Response::Empty => "()".into(),
            Response::Text => "String (text/plain)".into(),
            Response::Bytes => "Download (streamed)".into(),
            Response::Redirect => "String (Location)".into(),
        };
        OperationSurface {
            method: op.method.clone(),
            path: op.path.clone(),
            call: format!("{}{}", channel.call_root(), op.call()),
            path_params: op.path_params.iter().map(|p| p.ident.clone()).collect(),
            params,
            body,
            response,
        }
    }

    /// `METHOD /path`.
    pub fn route(&self) -> String {
        format!("{} {}", self.method, self.path)
    }

    /// `METHOD /path` with the parameter names left out (`GET /contacts/{}`): the same
    /// operation when a version renames a path parameter.
    pub fn route_shape(&self) -> String {
        let shape: Vec<&str> = self
            .path
            .split('/')
            .map(|s| if s.starts_with('{') { "{}" } else { s })
            .collect();
        format!("{} {}", self.method, shape.join("/"))
    }

    /// `METHOD /path -> namespace().method(args) [.setters] -> Response`. Path arguments
    /// (anything `IntoId`) are shown by name, the rest with their type.
    pub fn line(&self) -> String {
        let mut args = self.path_params.clone();
        let required = self.params.iter().filter(|p| p.required);
        args.extend(required.map(|p| format!("{}: {}", p.ident, p.ty)));
        if let Some(body) = &self.body {
            args.push(format!("body: {body}"));
        }
        let optional: String = self
            .params
            .iter()
            .filter(|p| !p.required)
            .map(|p| format!(" .{}({})", p.ident, p.ty))
            .collect();
        format!(
            "{} -> {}({}){optional} -> {}",
            self.route(),
            self.call,
            args.join(", "),
            self.response
        )
    }
}
