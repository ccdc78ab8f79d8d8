//! The model the emitter sees: type references, named types (structs, string enums, unions,
//! aliases) with their fields, variants and fits, and operations with their parameters, body,
//! response and paging.

use std::collections::BTreeSet;

use super::names::type_name;

/// A reference to a type, as used by fields, parameters, bodies and responses.
#[derive(Debug, Clone, PartialEq, Eq, PartialOrd, Ord)]
pub enum TypeRef {
    /// A string.
    String,
    /// A string that can only be this value (a `type` tag).
    Const(String),
    /// A 64-bit integer.
    Integer,
    /// A floating point number.
    Number,
    /// A boolean.
    Boolean,
    /// Unix seconds (`integer` with `format: date-time` or `timestamp`).
    Timestamp,
    /// Any JSON value.
    Any,
    /// A JSON object of unknown shape.
    FreeForm,
    /// A JSON object whose values all have one type.
    Map(Box<TypeRef>),
    /// An array.
    Array(Box<TypeRef>),
    /// A value that may be `null` (array items and map values marked `nullable`).
    Nullable(Box<TypeRef>),
    /// A named type in [`Api::types`].
    Named(String),
}

/// Which serde directions a type needs.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct Usage {
    /// Sent in a request body or query.
    pub request: bool,
    /// Received in a response.
    pub response: bool,
}

/// A named type.
#[derive(Debug, Clone)]
pub struct TypeDef {
    /// The Rust name (PascalCase).
    pub name: String,
    /// Where it comes from: `schema admin` or `inline in schema admin.app`.
    pub origin: String,
    /// The resource group module the type is emitted into.
    pub module: String,
    /// Doc text from the spec.
    pub doc: Option<String>,
    /// A whole-object example from the spec, if it has one.
    pub example: Option<serde_json::Value>,
    /// The shape.
    pub kind: TypeKind,
    /// Directions needed.
    pub usage: Usage,
    /// The resource features (operation modules) whose operations reach this type; empty when
    /// it is compiled whatever the features (no operation reaches it, or a type compiled
    /// whatever the features refers to it).
    pub features: BTreeSet<String>,
}

/// The shape of a named type.
#[derive(Debug, Clone)]
pub enum TypeKind {
    /// An object with known properties.
    Struct {
        /// Fields in spec order.
        fields: Vec<Field>,
    },
    /// A string enum (two or more values); always has an unknown fallback.
    Enum {
        /// The known values.
        variants: Vec<EnumVariant>,
    },
    /// One of several shapes.
    Union {
        /// The property whose constant value tells the variants apart, if there is one.
        tag: Option<String>,
        /// The alternatives.
        variants: Vec<UnionVariant>,
    },
    /// Another name for a type.
    Alias(TypeRef),
}

/// A struct field.
#[derive(Debug, Clone)]
pub struct Field {
    /// The JSON property name.
    pub wire: String,
    /// The Rust identifier (without `r#`).
    pub ident: String,
    /// The type.
    pub ty: TypeRef,
    /// Listed in the schema's `required`.
    pub required: bool,
    /// Always sent by the API in responses (the override layer's `x-always-present`).
    pub present: bool,
    /// Marked `nullable`.
    pub nullable: bool,
    /// Doc text.
    pub doc: Option<String>,
    /// Flattened into the parent (the union part of `oneOf` + properties).
    pub flatten: bool,
}

/// A value of a string enum.
#[derive(Debug, Clone)]
pub struct EnumVariant {
    /// The JSON string.
    pub wire: String,
    /// The Rust variant name.
    pub ident: String,
}

/// An alternative of a union.
#[derive(Debug, Clone)]
pub struct UnionVariant {
    /// The Rust variant name.
    pub ident: String,
    /// The variant's type.
    pub ty: TypeRef,
    /// Its tag value when the union is tagged.
    pub tag_value: Option<String>,
    /// What a value of this alternative looks like, for choosing among untagged alternatives.
    pub fit: Fit,
}

/// The JSON a union alternative accepts, a bounded number of levels deep: the runtime scores
/// a value against each alternative's fit (unknown keys, missing required keys, constants)
/// and tries the best-fitting alternatives first.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Fit {
    /// Anything (also where the description is cut: too deep, or recursive).
    Any,
    /// A string.
    String,
    /// An integer.
    Integer,
    /// Any number.
    Number,
    /// `true` or `false`.
    Boolean,
    /// Exactly this string.
    Const(String),
    /// Exactly this boolean.
    ConstBool(bool),
    /// One of these strings (others still decode, into the enum's unknown fallback).
    Enum(Vec<String>),
    /// An array of items fitting the inner description.
    Array(Box<Fit>),
    /// An object whose values all fit the inner description.
    Map(Box<Fit>),
    /// An object with these known properties, of which these are required.
    Object {
        /// The properties the alternative holds, in spec order.
        known: Vec<(String, Fit)>,
        /// The properties a value must have.
        required: Vec<String>,
    },
    /// Any of these (a nested union).
    OneOf(Vec<Fit>),
}

/// One HTTP operation.
#[derive(Debug, Clone)]
pub struct Operation {
    /// The spec's operationId, or the derived name when it has none.
    pub id: String,
    /// `GET`, `POST`, `PUT`, `DELETE`, `PATCH`.
    pub method: String,
    /// The path template exactly as in the spec.
    pub path: String,
    /// The spec's operationId, if it has one (the method's `doc(alias)`).
    pub operation_id: Option<String>,
    /// The spec's first tag (the naming rule's fallback namespace).
    pub tag: String,
    /// Intercom's SDK name (`contacts.find`) from the override layer's names table, if any.
    pub sdk_name: Option<String>,
    /// The namespace path: `["contacts"]`, `["help_centers", "collections"]`.
    pub namespace: Vec<String>,
    /// The resource module and cargo feature: the top-level namespace.
    pub module: String,
    /// The method name in its namespace (snake_case).
    pub fn_name: String,
    /// The request builder name (PascalCase): the operationId while types are named after
    /// it, then the call (`ContactsFind`) once the namespaces are assigned.
    pub builder: String,
    /// Doc text: summary and description.
    pub doc: Option<String>,
    /// Path parameters, in template order.
    pub path_params: Vec<Param>,
    /// Query parameters.
    pub query_params: Vec<Param>,
    /// Header parameters other than `Intercom-Version` that callers set.
    pub header_params: Vec<Param>,
    /// Headers with one allowed value, always sent: `(name, value)`.
    pub fixed_headers: Vec<(String, String)>,
    /// The `Intercom-Version` this operation's own header parameter demands, when it is not
    /// the description's shared one (Preview's closed-beta operations take `preview`).
    pub version: Option<String>,
    /// The JSON request body.
    pub body: Option<Body>,
    /// Named examples of the JSON request body (the conformance test sends them).
    pub request_examples: Vec<(String, serde_json::Value)>,
    /// What a success returns.
    pub response: Response,
    /// The success status code the response describes.
    pub success_status: String,
    /// Named examples of the success response body.
    pub response_examples: Vec<(String, serde_json::Value)>,
    /// Safe to send twice: GET, PUT, DELETE, or a POST marked `x-idempotent`.
    pub idempotent: bool,
    /// How the operation pages through results (`x-pagination`), if it does.
    pub pagination: Option<Pagination>,
}

impl Operation {
    /// The Rust type of the operation's namespace: `HelpCentersCollections`.
    pub fn namespace_type(&self) -> String {
        namespace_type(&self.namespace)
    }

    /// The call as a user writes it, without arguments: `help_centers().collections().list`.
    pub fn call(&self) -> String {
        let mut call: String = self.namespace.iter().map(|n| format!("{n}().")).collect();
        call.push_str(&self.fn_name);
        call
    }
}

/// The Rust type of a namespace path: `["help_centers", "collections"]` -> `HelpCentersCollections`.
pub fn namespace_type(path: &[String]) -> String {
    path.iter().map(|n| type_name(n)).collect()
}

/// How a list operation pages.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Pagination {
    /// The paging mechanism.
    pub kind: PageKind,
    /// The response property holding the items.
    pub items: String,
    /// The items' type.
    pub item_type: TypeRef,
    /// The response has a `pages` object (next link, page, total pages).
    pub has_pages: bool,
    /// The response has a `scroll_param` string.
    pub has_scroll_param: bool,
}

/// The paging mechanisms of the Intercom API.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum PageKind {
    /// `page`/`per_page` query parameters.
    Page,
    /// A `starting_after` query parameter from `pages.next.starting_after`.
    Cursor,
    /// `pagination.starting_after` in the request body.
    BodyCursor,
    /// A `scroll_param` query parameter, until a page comes back empty.
    Scroll,
}

/// A parameter.
#[derive(Debug, Clone)]
pub struct Param {
    /// The name on the wire.
    pub wire: String,
    /// The Rust identifier.
    pub ident: String,
    /// The type.
    pub ty: TypeRef,
    /// Whether the caller must give it.
    pub required: bool,
    /// Doc text.
    pub doc: Option<String>,
    /// The spec's example value (`example`, else the first of `examples`), if it has one.
    pub example: Option<serde_json::Value>,
    /// How a query parameter's value is written into the URL.
    pub style: QueryStyle,
}

/// How a query parameter's value is written into the URL (OpenAPI `style: form`).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum QueryStyle {
    /// One parameter, through `Display`: scalars and string enums.
    Scalar,
    /// An object: one parameter per property (`explode: true`).
    Object,
    /// An array: one parameter per item (`explode: true`, the default of `form`), or the items
    /// joined with commas into one parameter (`explode: false`).
    List {
        /// Whether each item is a parameter of its own.
        explode: bool,
    },
}

/// A request body.
#[derive(Debug, Clone)]
pub struct Body {
    /// The type sent as JSON ([`TypeRef::Any`] for other media types).
    pub ty: TypeRef,
    /// `application/json`, or the media type of a body the caller encodes (e.g. multipart).
    pub content_type: String,
    /// Whether a body must be sent. Intercom marks almost no body `required` (most cannot be
    /// left out); a body is optional when it is not `required` and its schema is `nullable`,
    /// the spec's way of saying the operation works without one.
    pub required: bool,
    /// The resource marker of a search catalogue (`Contacts`) when this is the body of its
    /// search operation: the body is then that resource's typed `search::Search`, checked
    /// before sending, instead of the model.
    pub search: Option<String>,
}

/// What a successful call returns.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Response {
    /// A JSON body of this type.
    Json(TypeRef),
    /// No body.
    Empty,
    /// A `text/plain` body.
    Text,
    /// A binary body (downloads).
    Bytes,
    /// A redirect; the caller gets the `Location`.
    Redirect,
}
