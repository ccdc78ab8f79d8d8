//! Operations: one per method and path, with parameters, body and success response.

use openapiv3::{MediaType, OpenAPI, Parameter, ParameterSchemaOrContent, ReferenceOr, StatusCode};

use super::names::{field_ident, type_name};
use super::registry::Types;
use super::view::SRef;
use super::{docs, Body, Operation, Param, QueryStyle, Response, TypeRef};
use crate::Error;

const METHODS: [&str; 5] = ["get", "put", "post", "delete", "patch"];

/// Names the request builders use themselves, so no parameter may take them.
const RESERVED: [&str; 9] = [
    "client",
    "options",
    "body",
    "send",
    "request",
    "pages",
    "items",
    "intercom_version",
    "retry_non_idempotent",
];

/// Builds every operation of the document, sorted by module, path and method.
pub fn operations<'a>(
    api: &'a OpenAPI,
    types: &mut Types<'a>,
    file: &std::path::Path,
) -> Result<Vec<Operation>, Error> {
    let fail = |context: String, message: String| Error::Unsupported {
        path: file.to_path_buf(),
        context,
        message,
    };
    let mut ops = Vec::new();
    let mut paths: Vec<_> = api.paths.paths.iter().collect();
    paths.sort_by(|a, b| a.0.cmp(b.0));
    for (path, item) in paths {
        let item = match item {
            ReferenceOr::Item(item) => item,
            ReferenceOr::Reference { reference } => {
                return Err(fail(
                    format!("path {path}"),
                    format!("path item $ref `{reference}` is not supported"),
                ))
            }
        };
        let by_method = [&item.get, &item.put, &item.post, &item.delete, &item.patch];
        for (method, op) in METHODS.iter().zip(by_method) {
            let Some(op) = op else { continue };
            let route = format!("{} {path}", method.to_uppercase());
            let id = op
                .operation_id
                .clone()
                .unwrap_or_else(|| derive_id(method, path));
            let context = format!("operation {id} ({route})");
            let fn_name = field_ident(&id);
            let builder = type_name(&id);
            let mut parameters: Vec<&Parameter> = Vec::new();
            for p in item.parameters.iter().chain(&op.parameters) {
                parameters.push(
                    resolve_parameter(api, p).ok_or_else(|| {
                        fail(context.clone(), "unresolvable parameter $ref".into())
                    })?,
                );
            }
            let mut operation = Operation {
                id: id.clone(),
                method: method.to_uppercase(),
                path: path.clone(),
                operation_id: op.operation_id.clone(),
                tag: op
                    .tags
                    .first()
                    .cloned()
                    .unwrap_or_else(|| "untagged".into()),
                sdk_name: op
                    .extensions
                    .get(crate::load::SDK_NAME)
                    .map(|v| match v.as_str() {
                        Some(name) => crate::load::check_sdk_name(name).map(|()| name.to_string()),
                        None => Err(format!("`{}` is not a string", crate::load::SDK_NAME)),
                    })
                    .transpose()
                    .map_err(|m| fail(context.clone(), m))?,
                namespace: Vec::new(),
                module: String::new(),
                fn_name,
                builder: builder.clone(),
                doc: docs::doc(op.summary.as_deref(), op.description.as_deref()),
                path_params: Vec::new(),
                query_params: Vec::new(),
                header_params: Vec::new(),
                fixed_headers: Vec::new(),
                version: None,
                body: None,
                request_examples: Vec::new(),
                response: Response::Empty,
                success_status: String::new(),
                response_examples: Vec::new(),
                idempotent: *method != "post" && *method != "patch"
                    || op.extensions.get("x-idempotent") == Some(&serde_json::Value::Bool(true)),
                pagination: None,
            };
            for p in parameters {
                let data = p.parameter_data_ref();
                if data.name.eq_ignore_ascii_case("Intercom-Version") {
                    if let ParameterSchemaOrContent::Schema(schema) = &data.format {
                        operation.version = own_version(api, schema);
                    }
                    continue;
                }
                let ParameterSchemaOrContent::Schema(schema) = &data.format else {
                    return Err(fail(
                        context.clone(),
                        format!(
                            "parameter `{}` uses `content`, which is not supported",
                            data.name
                        ),
                    ));
                };
                let origin = format!("{context} parameter {}", data.name);
                let ty = types.type_of(
                    SRef::from(schema),
                    &format!("{builder}_{}", data.name),
                    &origin,
                )?;
                let style = query_style(p, &ty, &types.defs).map_err(|m| fail(origin, m))?;
                let param = Param {
                    style,
                    wire: data.name.clone(),
                    ident: field_ident(&data.name),
                    ty,
                    required: data.required,
                    doc: docs::doc(None, data.description.as_deref()),
                    example: param_example(data),
                };
                match p {
                    Parameter::Path { .. } => operation.path_params.push(param),
                    Parameter::Query { .. } => operation.query_params.push(param),
                    Parameter::Header { .. } => match &param.ty {
                        TypeRef::Const(value) => operation
                            .fixed_headers
                            .push((param.wire.clone(), value.clone())),
                        _ => operation.header_params.push(param),
                    },
                    Parameter::Cookie { .. } => {
                        return Err(fail(
                            context.clone(),
                            format!("cookie parameter `{}` is not supported", data.name),
                        ))
                    }
                }
            }
            order_path_params(&mut operation).map_err(|m| fail(context.clone(), m))?;
            if let Some(p) = operation
                .query_params
                .iter()
                .chain(&operation.header_params)
                .find(|p| RESERVED.contains(&p.ident.as_str()))
            {
                return Err(fail(
                    context.clone(),
                    format!(
                        "parameter `{}` would clash with the request builder's own `{}`",
                        p.wire, p.ident
                    ),
                ));
            }
            if let Some(body) = &op.request_body {
                let body = match body {
                    ReferenceOr::Item(b) => b,
                    ReferenceOr::Reference { reference } => {
                        return Err(fail(
                            context.clone(),
                            format!("request body $ref `{reference}` is not supported"),
                        ))
                    }
                };
                let (content_type, media) = match body.content.get_key_value("application/json") {
                    Some(found) => found,
                    None => body.content.first().ok_or_else(|| {
                        fail(context.clone(), "request body without content".into())
                    })?,
                };
                let ty = match &media.schema {
                    Some(schema) if content_type == "application/json" => types.type_of(
                        SRef::from(schema),
                        &format!("{builder}Request"),
                        &format!("{context} request body"),
                    )?,
                    _ => TypeRef::Any,
                };
                operation.request_examples = examples(media);
                let nullable = match &media.schema {
                    Some(schema) => types.is_nullable(SRef::from(schema), &context)?,
                    None => true,
                };
                operation.body = Some(Body {
                    ty,
                    content_type: content_type.clone(),
                    required: body.required || !nullable,
                    search: None,
                });
            }
            success(api, op, &mut operation, types, &context).map_err(|m| match m {
                Failure::Message(m) => fail(context.clone(), m),
                Failure::Error(e) => e,
            })?;
            ops.push(operation);
        }
    }
    super::sdk_names::assign(&mut ops, file)?;
    ops.sort_by(|a, b| (&a.module, &a.path, &a.method).cmp(&(&b.module, &b.path, &b.method)));
    Ok(ops)
}

enum Failure {
    Message(String),
    Error(Error),
}

fn success<'a>(
    api: &'a OpenAPI,
    op: &'a openapiv3::Operation,
    operation: &mut Operation,
    types: &mut Types<'a>,
    context: &str,
) -> Result<(), Failure> {
    let mut codes: Vec<(u16, &ReferenceOr<openapiv3::Response>)> = op
        .responses
        .responses
        .iter()
        .filter_map(|(code, r)| match code {
            StatusCode::Code(c) if (200..400).contains(c) => Some((*c, r)),
            _ => None,
        })
        .collect();
    codes.sort_by_key(|(c, _)| *c);
    let Some((code, response)) = codes.first() else {
        // Nothing documents success: hand back whatever JSON arrives.
        operation.success_status = "undocumented".into();
        operation.response = Response::Json(TypeRef::Any);
        return Ok(());
    };
    operation.success_status = code.to_string();
    let response = match response {
        ReferenceOr::Item(r) => r,
        ReferenceOr::Reference { reference } => {
            let name = reference.rsplit('/').next().unwrap_or(reference);
            match api.components.as_ref().and_then(|c| c.responses.get(name)) {
                Some(ReferenceOr::Item(r)) => r,
                _ => {
                    return Err(Failure::Message(format!(
                        "unresolvable response $ref `{reference}`"
                    )))
                }
            }
        }
    };
    let binary = operation
        .fixed_headers
        .iter()
        .any(|(n, v)| n.eq_ignore_ascii_case("accept") && v != "application/json");
    operation.response =
        if let Some(media) = response.content.get("application/json").filter(|_| !binary) {
            operation.response_examples = examples(media);
            let ty = match &media.schema {
                Some(schema) => types
                    .type_of(
                        SRef::from(schema),
                        &format!("{}Response", operation.builder),
                        &format!("{context} response"),
                    )
                    .map_err(Failure::Error)?,
                None => TypeRef::Any,
            };
            Response::Json(ty)
        } else if response.content.contains_key("text/plain") {
            // Ask for the text the operation returns, not the client's default JSON.
            if !operation
                .fixed_headers
                .iter()
                .any(|(n, _)| n.eq_ignore_ascii_case("accept"))
            {
                operation
                    .fixed_headers
                    .push(("Accept".into(), "text/plain".into()));
            }
            Response::Text
        } else if binary || !response.content.is_empty() {
            Response::Bytes
        } else if (300..400).contains(code) {
            Response::Redirect
        } else {
            Response::Empty
        };
    Ok(())
}

fn examples(media: &MediaType) -> Vec<(String, serde_json::Value)> {
    let mut out: Vec<(String, serde_json::Value)> = media
        .examples
        .iter()
        .filter_map(|(name, ex)| match ex {
            ReferenceOr::Item(ex) => ex.value.clone().map(|v| (name.clone(), v)),
            ReferenceOr::Reference { .. } => None,
        })
        .collect();
    if let Some(value) = &media.example {
        out.push(("example".into(), value.clone()));
    }
    out
}

/// A parameter's own example: `example`, else the first inline entry of `examples`.
fn param_example(data: &openapiv3::ParameterData) -> Option<serde_json::Value> {
    data.example.clone().or_else(|| {
        data.examples.values().find_map(|ex| match ex {
            ReferenceOr::Item(ex) => ex.value.clone(),
            ReferenceOr::Reference { .. } => None,
        })
    })
}

fn resolve_parameter<'a>(api: &'a OpenAPI, p: &'a ReferenceOr<Parameter>) -> Option<&'a Parameter> {
    match p {
        ReferenceOr::Item(p) => Some(p),
        ReferenceOr::Reference { reference } => {
            let name = reference.strip_prefix("#/components/parameters/")?;
            match api.components.as_ref()?.parameters.get(name)? {
                ReferenceOr::Item(p) => Some(p),
                ReferenceOr::Reference { .. } => None,
            }
        }
    }
}

/// Whether a parameter of type `ty` is a single value (a scalar or a string enum).
/// How parameter `p` of type `ty` is written into a query string: `form` style (the only one
/// supported for arrays), exploded unless the spec says `explode: false`.
fn query_style(
    p: &Parameter,
    ty: &TypeRef,
    defs: &std::collections::BTreeMap<String, super::TypeDef>,
) -> Result<QueryStyle, String> {
    if is_scalar(ty, defs) {
        return Ok(QueryStyle::Scalar);
    }
    let TypeRef::Array(_) = ty else {
        return Ok(QueryStyle::Object);
    };
    if let Parameter::Query { style, .. } = p {
        if !matches!(style, openapiv3::QueryStyle::Form) {
            return Err(format!(
                "array parameter `{}` has style {style:?}; only `form` is supported",
                p.parameter_data_ref().name
            ));
        }
    }
    Ok(QueryStyle::List {
        explode: p.parameter_data_ref().explode.unwrap_or(true),
    })
}

fn is_scalar(ty: &TypeRef, defs: &std::collections::BTreeMap<String, super::TypeDef>) -> bool {
    match ty {
        TypeRef::String
        | TypeRef::Const(_)
        | TypeRef::Integer
        | TypeRef::Number
        | TypeRef::Boolean
        | TypeRef::Timestamp => true,
        TypeRef::Named(name) => match defs.get(name).map(|d| &d.kind) {
            Some(super::TypeKind::Enum { .. }) => true,
            Some(super::TypeKind::Alias(inner)) => is_scalar(inner, defs),
            _ => false,
        },
        _ => false,
    }
}

/// Sorts path parameters into template order; every `{name}` needs exactly one parameter.
fn order_path_params(op: &mut Operation) -> Result<(), String> {
    let names: Vec<&str> = op
        .path
        .split('{')
        .skip(1)
        .filter_map(|s| s.split('}').next())
        .collect();
    let mut ordered = Vec::new();
    for name in &names {
        let i = op
            .path_params
            .iter()
            .position(|p| p.wire == *name)
            .ok_or_else(|| format!("path parameter `{name}` is not declared"))?;
        let mut p = op.path_params.remove(i);
        p.required = true;
        ordered.push(p);
    }
    if let Some(extra) = op.path_params.first() {
        return Err(format!(
            "path parameter `{}` does not appear in the path",
            extra.wire
        ));
    }
    op.path_params = ordered;
    Ok(())
}

/// A method name for an operation without operationId: the method and the path's words.
fn derive_id(method: &str, path: &str) -> String {
    let mut words = vec![method.to_string()];
    for segment in path.split('/').filter(|s| !s.is_empty()) {
        match segment.strip_prefix('{').and_then(|s| s.strip_suffix('}')) {
            Some(param) => words.push(format!("by_{param}")),
            None => words.push(segment.to_string()),
        }
    }
    field_ident(&words.join("_"))
}

/// The default of an operation's `Intercom-Version` parameter when its schema is not the
/// description's shared `intercom_version` (whose default is the client's version).
fn own_version(api: &OpenAPI, schema: &ReferenceOr<openapiv3::Schema>) -> Option<String> {
    let schema = match schema {
        ReferenceOr::Reference { reference } => {
            let name = reference.strip_prefix(COMPONENT_SCHEMAS)?;
            if name == SHARED_VERSION {
                return None;
            }
            component(api, name)?
        }
        ReferenceOr::Item(schema) => schema,
    };
    string_default(schema)
}

/// The default of the description's shared `intercom_version` schema.
pub(super) fn shared_version(api: &OpenAPI) -> Option<String> {
    string_default(component(api, SHARED_VERSION)?)
}

/// Where component schemas live, as a `$ref` prefix.
const COMPONENT_SCHEMAS: &str = "#/components/schemas/";

/// The component schema every operation's `Intercom-Version` header refers to.
const SHARED_VERSION: &str = "intercom_version";

/// The component schema `name`, when it is one (not itself a `$ref`).
fn component<'a>(api: &'a OpenAPI, name: &str) -> Option<&'a openapiv3::Schema> {
    match api.components.as_ref()?.schemas.get(name)? {
        ReferenceOr::Item(schema) => Some(schema),
        ReferenceOr::Reference { .. } => None,
    }
}

/// The string `default` of a schema.
fn string_default(schema: &openapiv3::Schema) -> Option<String> {
    schema
        .schema_data
        .default
        .as_ref()?
        .as_str()
        .map(str::to_string)
}

#[cfg(test)]
mod tests {
    #[test]
    fn derives_ids_from_method_and_path() {
        assert_eq!(
            super::derive_id("get", "/export/reporting_data/{job_identifier}"),
            "get_export_reporting_data_by_job_identifier"
        );
        assert_eq!(
            super::derive_id("post", "/export/reporting_data/enqueue"),
            "post_export_reporting_data_enqueue"
        );
    }
}
