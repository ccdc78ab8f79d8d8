//! Models: structs, string enums, unions and aliases.

use proc_macro2::{Ident, Span, TokenStream};
use quote::quote;

use super::deserialize::{object, Finish, Read, Slot};
use super::features::{cfg_any, gate, serialize_feature};
use super::model_fits::ModelFits;
use super::tokens::{doc, ident, ty};
use crate::ir::{Field, FieldShape, TypeDef, TypeKind, TypeRef};

/// One models file; each type (with its impls) compiled only under the resource features
/// that need it. `fits` are the fit tables of the structs unions hold.
pub fn file<'a>(
    defs: impl Iterator<Item = &'a TypeDef>,
    fits: &ModelFits,
    rt: &TokenStream,
) -> syn::Result<TokenStream> {
    let mut items = TokenStream::new();
    for d in defs {
        let fit = fits.constant(d, rt);
        let def = def(d, fits, rt);
        items.extend(gate(quote!(#def #fit), &cfg_any(&d.features))?);
    }
    Ok(items)
}

fn def(d: &TypeDef, fits: &ModelFits, rt: &TokenStream) -> TokenStream {
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
            super::unions::union(d, &name, docs, tag.as_deref(), variants, fits, rt)
        }
    }
}

/// Whether a field names a resource by id (`id`, `…_id`): its constructor argument takes
/// any id (`&str`, `String`, integers) when it is a string.
fn is_id(f: &Field) -> bool {
    f.ident == "id" || f.ident.ends_with("_id")
}

/// The runtime decoder (`runtime::object::…`) of a response field of type `t`, read as an
/// option: lenient about numbers and strings where the type needs it.
fn lenient(t: &TypeRef) -> Read {
    match t {
        TypeRef::String | TypeRef::Const(_) => Read::With("OptString"),
        TypeRef::Integer => Read::With("OptI64"),
        TypeRef::Number => Read::With("OptF64"),
        TypeRef::Array(item) if **item == TypeRef::String => Read::With("OptStrings"),
        TypeRef::Array(item) if **item == TypeRef::Nullable(Box::new(TypeRef::String)) => {
            Read::With("OptNullableStrings")
        }
        TypeRef::Map(value) if **value == TypeRef::String => Read::With("OptStringMap"),
        _ => Read::Value,
    }
}

/// A field's `#[serde(…)]` attribute, if it needs one: for `Serialize` (behind the
/// `serialize` feature when only that derives it) or, in a struct that keeps serde's derive,
/// for both directions.
fn serde_attr(parts: &[TokenStream], serialize: bool) -> Option<TokenStream> {
    match (parts.is_empty(), serialize) {
        (true, _) => None,
        (false, true) => Some(quote!(#[serde(#(#parts),*)])),
        (false, false) => Some(quote!(#[cfg_attr(feature = "serialize", serde(#(#parts),*))])),
    }
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
    let all_optional = fields.iter().all(|f| d.field_shape(f) != FieldShape::Plain);
    // serde's derive only where a flattened union needs it; else the shared object visitor.
    let derive_de = fields.iter().any(|f| f.flatten);
    let mut derives = vec![quote!(Debug), quote!(Clone), quote!(PartialEq)];
    if all_optional || d.usage.response {
        derives.push(quote!(Default));
    }
    if derive_de {
        derives.push(quote!(serde::Deserialize));
    }
    if serialize {
        derives.push(quote!(serde::Serialize));
    }
    let serialize_feature = (!serialize).then(serialize_feature);
    let mut members = Vec::new();
    let mut slots = Vec::new();
    let mut args = Vec::new();
    let mut inits = Vec::new();
    let mut setters = Vec::new();
    for f in fields {
        let id = ident(&f.ident);
        let fdoc = doc(f.doc.as_deref());
        let t = ty(&f.ty, &prefix, rt);
        let wire = &f.wire;
        let rename = (f.ident != f.wire && !f.flatten).then(|| quote!(rename = #wire));
        if f.flatten {
            members.push(quote! { #fdoc #[serde(flatten)] pub #id: #t, });
            args.push(quote!(#id: #t));
            inits.push(quote!(#id));
            continue;
        }
        let shape = d.field_shape(f);
        let plain = shape == FieldShape::Plain;
        let nullable = shape == FieldShape::Nullable;
        let (read, finish) = match (plain, d.usage.response) {
            (true, true) => (lenient(&f.ty), Finish::Present),
            (true, false) => (Read::Value, Finish::Required),
            (false, true) if !nullable => (lenient(&f.ty), Finish::Default),
            (false, _) => (Read::Value, Finish::Default),
        };
        let skip = if nullable {
            let is_absent = format!(
                "{}::runtime::Nullable::is_absent",
                rt.to_string().replace(' ', "")
            );
            Some(quote!(skip_serializing_if = #is_absent))
        } else {
            (!plain).then(|| quote!(skip_serializing_if = "Option::is_none"))
        };
        let mut parts: Vec<TokenStream> = rename.into_iter().chain(skip).collect();
        if derive_de {
            parts.extend(super::deserialize::derive_attrs(&read, &finish, rt));
        }
        let attr = serde_attr(&parts, serialize || derive_de);
        slots.push(Slot {
            ident: id.clone(),
            wire: wire.clone(),
            read,
            finish,
        });
        if plain {
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
        if nullable {
            let clear = quote::format_ident!("clear_{}", f.ident);
            let sdoc = format!(" Sets `{}`.", f.wire);
            let cdoc = format!(" Sends `{}` as `null`, clearing it.", f.wire);
            members.push(quote! {
                #fdoc
                #attr
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
        members.push(quote! { #fdoc #attr pub #id: Option<#t>, });
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
    let deserialize = (!derive_de).then(|| object(name, &slots, rt));
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
        #deserialize
        #constructor
    }
}
