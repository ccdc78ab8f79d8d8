//! Models: structs, string enums, unions and aliases.

use proc_macro2::{Ident, Span, TokenStream};
use quote::quote;

use super::features::{cfg_any, gate};
use super::tokens::{doc, ident, ty};
use crate::ir::{Field, TypeDef, TypeKind, TypeRef};

/// One models file; each type (with its impls) compiled only under the resource features
/// that need it.
pub fn file<'a>(
    defs: impl Iterator<Item = &'a TypeDef>,
    rt: &TokenStream,
) -> syn::Result<TokenStream> {
    let mut items = TokenStream::new();
    for d in defs {
        items.extend(gate(def(d, rt), &cfg_any(&d.features))?);
    }
    Ok(items)
}

fn def(d: &TypeDef, rt: &TokenStream) -> TokenStream {
    let name = Ident::new(&d.name, Span::call_site());
    let origin = format!(" Generated from {}.", d.origin);
    let docs = doc(d.doc.as_deref());
    let docs = if d.doc.is_some() {
        quote!(#docs #[doc = ""] #[doc = #origin])
    } else {
        quote!(#[doc = #origin])
    };
    let prefix = quote!(super::);
    match &d.kind {
        TypeKind::Alias(t) => {
            let t = ty(t, &prefix, rt);
            quote! { #docs pub type #name = #t; }
        }
        TypeKind::Enum { variants } => {
            let idents: Vec<Ident> = variants
                .iter()
                .map(|v| Ident::new(&v.ident, Span::call_site()))
                .collect();
            let wires = variants.iter().map(|v| &v.wire);
            let vdocs = variants.iter().map(|v| format!(" `{}`", v.wire));
            let default = d.usage.response.then(|| {
                quote! {
                    /// An unknown, empty value: what an always-present field the server left
                    /// out reads as.
                    impl Default for #name {
                        fn default() -> Self { Self::Unknown(String::new()) }
                    }
                }
            });
            quote! {
                #docs
                #[derive(Debug, Clone, PartialEq, Eq, Hash, PartialOrd, Ord)]
                #[non_exhaustive]
                pub enum #name {
                    #( #[doc = #vdocs] #idents, )*
                    /// A value this version of the crate does not know.
                    Unknown(String),
                }
                #rt::string_enum!(#name { #( #idents = #wires, )* });
                #default
            }
        }
        TypeKind::Struct { fields } => structure(d, &name, docs, fields, rt),
        TypeKind::Union { tag, variants } => {
            super::unions::union(d, &name, docs, tag.as_deref(), variants, rt)
        }
    }
}

/// Whether a field is a plain (not `Option`) field of its struct: flattened unions, required
/// fields of request-only types, and fields the API always sends in response-only types (a
/// type also sent in requests keeps them optional: the caller may leave them out).
fn is_plain(d: &TypeDef, f: &Field) -> bool {
    let (request, response) = (d.usage.request, d.usage.response);
    f.flatten
        || (f.required && !f.nullable && request && !response)
        || (f.present && !f.nullable && response && !request)
}

/// Whether a field names a resource by id (`id`, `…_id`): its constructor argument takes
/// any id (`&str`, `String`, integers) when it is a string.
fn is_id(f: &Field) -> bool {
    f.ident == "id" || f.ident.ends_with("_id")
}

fn path_literal(path: TokenStream) -> TokenStream {
    let path = path.to_string().replace(' ', "");
    quote!(#path)
}

/// The lenient decoder of an optional response field, where its type needs one.
fn lenient(t: &TypeRef, rt: &TokenStream) -> Option<TokenStream> {
    match t {
        TypeRef::String => Some(quote!(#rt::runtime::lenient::opt_string)),
        TypeRef::Integer => Some(quote!(#rt::runtime::lenient::opt_i64)),
        TypeRef::Number => Some(quote!(#rt::runtime::lenient::opt_f64)),
        TypeRef::Array(item) if **item == TypeRef::String => {
            Some(quote!(#rt::runtime::field::opt_strings))
        }
        TypeRef::Array(item) if **item == TypeRef::Nullable(Box::new(TypeRef::String)) => {
            Some(quote!(#rt::runtime::field::opt_nullable_strings))
        }
        TypeRef::Map(value) if **value == TypeRef::String => {
            Some(quote!(#rt::runtime::field::opt_string_map))
        }
        _ => None,
    }
    .map(path_literal)
}

/// The decoder of an always-present response field: lenient, `null` as the default, and no
/// serde default, so that a missing field is salvaged with a warning.
fn present(t: &TypeRef, rt: &TokenStream) -> TokenStream {
    path_literal(match t {
        TypeRef::String | TypeRef::Const(_) => quote!(#rt::runtime::field::string),
        TypeRef::Integer => quote!(#rt::runtime::field::int),
        TypeRef::Number => quote!(#rt::runtime::field::float),
        TypeRef::Array(item) if **item == TypeRef::String => quote!(#rt::runtime::field::strings),
        TypeRef::Array(item) if **item == TypeRef::Nullable(Box::new(TypeRef::String)) => {
            quote!(#rt::runtime::field::nullable_strings)
        }
        TypeRef::Map(value) if **value == TypeRef::String => {
            quote!(#rt::runtime::field::string_map)
        }
        _ => quote!(#rt::runtime::field::or_default),
    })
}

/// `Serialize` for response-only types, behind the crate's `serialize` feature.
pub fn serialize_feature() -> TokenStream {
    quote!(#[cfg_attr(feature = "serialize", derive(serde::Serialize))])
}

fn structure(
    d: &TypeDef,
    name: &Ident,
    docs: TokenStream,
    fields: &[Field],
    rt: &TokenStream,
) -> TokenStream {
    let prefix = quote!(super::);
    let serialize = d.usage.request;
    let all_optional = fields.iter().all(|f| !is_plain(d, f));
    let mut derives = vec![quote!(Debug), quote!(Clone), quote!(PartialEq)];
    if all_optional || d.usage.response {
        derives.push(quote!(Default));
    }
    derives.push(quote!(serde::Deserialize));
    if serialize {
        derives.push(quote!(serde::Serialize));
    }
    let serialize_feature = (!serialize).then(serialize_feature);
    let mut members = Vec::new();
    let mut args = Vec::new();
    let mut inits = Vec::new();
    let mut setters = Vec::new();
    for f in fields {
        let id = ident(&f.ident);
        let fdoc = doc(f.doc.as_deref());
        let t = ty(&f.ty, &prefix, rt);
        let wire = &f.wire;
        let rename = (f.ident != f.wire && !f.flatten).then(|| quote!(rename = #wire,));
        if f.flatten {
            members.push(quote! { #fdoc #[serde(flatten)] pub #id: #t, });
            args.push(quote!(#id: #t));
            inits.push(quote!(#id));
            continue;
        }
        if is_plain(d, f) {
            let with = d.usage.response.then(|| {
                let p = present(&f.ty, rt);
                quote!(deserialize_with = #p,)
            });
            let attr =
                (rename.is_some() || with.is_some()).then(|| quote!(#[serde(#rename #with)]));
            members.push(quote! { #fdoc #attr pub #id: #t, });
            match &f.ty {
                TypeRef::Const(value) => inits.push(quote!(#id: #value.to_string())),
                TypeRef::String if is_id(f) => {
                    args.push(quote!(#id: impl #rt::runtime::IntoId));
                    inits.push(quote!(#id: #rt::runtime::IntoId::into_id(#id)));
                }
                TypeRef::String => {
                    args.push(quote!(#id: impl Into<String>));
                    inits.push(quote!(#id: #id.into()));
                }
                _ => {
                    args.push(quote!(#id: #t));
                    inits.push(quote!(#id));
                }
            }
            continue;
        }
        if serialize && f.nullable && !f.required {
            let clear = quote::format_ident!("clear_{}", f.ident);
            let sdoc = format!(" Sets `{}`.", f.wire);
            let cdoc = format!(" Sends `{}` as `null`, clearing it.", f.wire);
            let is_absent = format!(
                "{}::runtime::Nullable::is_absent",
                rt.to_string().replace(' ', "")
            );
            members.push(quote! {
                #fdoc
                #[serde(#rename default, skip_serializing_if = #is_absent)]
                pub #id: #rt::runtime::Nullable<#t>,
            });
            inits.push(quote!(#id: #rt::runtime::Nullable::Absent));
            setters.push(quote! {
                #[doc = #sdoc]
                pub fn #id(mut self, value: impl Into<#t>) -> Self { self.#id = #rt::runtime::Nullable::Value(value.into()); self }
                #[doc = #cdoc]
                pub fn #clear(mut self) -> Self { self.#id = #rt::runtime::Nullable::Null; self }
            });
            continue;
        }
        let skip = quote!(skip_serializing_if = "Option::is_none",);
        let with = if d.usage.response {
            lenient(&f.ty, rt).map(|p| quote!(deserialize_with = #p,))
        } else {
            None
        };
        members.push(quote! { #fdoc #[serde(#rename default, #skip #with)] pub #id: Option<#t>, });
        if f.required {
            match &f.ty {
                TypeRef::Const(value) => inits.push(quote!(#id: Some(#value.to_string()))),
                _ => {
                    args.push(quote!(#id: #t));
                    inits.push(quote!(#id: Some(#id)));
                }
            }
        } else {
            inits.push(quote!(#id: None));
            let sdoc = format!(" Sets `{}`.", f.wire);
            setters.push(quote! {
                #[doc = #sdoc]
                pub fn #id(mut self, value: impl Into<#t>) -> Self { self.#id = Some(value.into()); self }
            });
        }
    }
    let constructor = serialize.then(|| {
        let new_doc = if args.is_empty() {
            " Creates the value with no optional field set.".to_string()
        } else {
            " Creates the value from its required fields.".to_string()
        };
        quote! {
            impl #name {
                #[doc = #new_doc]
                pub fn new(#(#args),*) -> Self { Self { #(#inits),* } }
                #( #setters )*
            }
        }
    });
    quote! {
        #docs
        #[derive(#(#derives),*)]
        #serialize_feature
        #[non_exhaustive]
        pub struct #name { #( #members )* }
        #constructor
    }
}
