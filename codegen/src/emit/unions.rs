//! Unions: an enum per `oneOf`, decoded by tag value or by JSON shape, with an `Unknown`
//! fallback when it is received from the API.

use proc_macro2::{Ident, Span, TokenStream};
use quote::quote;

use super::tokens::ty;
use crate::ir::{Shape, TypeDef, TypeRef, UnionVariant};

fn shape(s: &Shape, rt: &TokenStream) -> TokenStream {
    match s {
        Shape::String => quote!(#rt::runtime::Shape::String),
        Shape::Integer => quote!(#rt::runtime::Shape::Integer),
        Shape::Number => quote!(#rt::runtime::Shape::Number),
        Shape::Boolean => quote!(#rt::runtime::Shape::Boolean),
        Shape::Array => quote!(#rt::runtime::Shape::Array),
        Shape::Object(required) => quote!(#rt::runtime::Shape::Object(&[#(#required),*])),
        Shape::Any => quote!(#rt::runtime::Shape::Any),
    }
}

/// The enum, its `Deserialize` impl, and `From` impls for alternatives of distinct types.
pub fn union(
    d: &TypeDef,
    name: &Ident,
    docs: TokenStream,
    tag: Option<&str>,
    variants: &[UnionVariant],
    rt: &TokenStream,
) -> TokenStream {
    let prefix = quote!(super::);
    let open = d.usage.response;
    let idents: Vec<Ident> = variants
        .iter()
        .map(|v| Ident::new(&v.ident, Span::call_site()))
        .collect();
    let types: Vec<TokenStream> = variants.iter().map(|v| ty(&v.ty, &prefix, rt)).collect();
    let unknown = open.then(|| {
        quote! {
            /// A shape this version of the crate does not know; the raw JSON is kept.
            Unknown(serde_json::Value),
        }
    });
    let serialize = if d.usage.request {
        quote!(#[derive(serde::Serialize)] #[serde(untagged)])
    } else {
        let derive = super::models::serialize_feature();
        quote!(#derive #[cfg_attr(feature = "serialize", serde(untagged))])
    };
    let default = open.then(|| {
        quote! {
            /// `Unknown(null)`: what an always-present field the server left out reads as.
            impl Default for #name {
                fn default() -> Self { Self::Unknown(serde_json::Value::Null) }
            }
        }
    });
    let fallback = if open {
        quote!(Ok(Self::Unknown(value)))
    } else {
        let msg = format!("the JSON matches no alternative of {}", d.name);
        quote!(Err(serde::de::Error::custom(#msg)))
    };
    let decode = match tag {
        Some(tag) => {
            let values = variants
                .iter()
                .map(|v| v.tag_value.clone().unwrap_or_default());
            quote! {
                match #rt::runtime::tag_of(&value, #tag) {
                    #( Some(#values) => #rt::runtime::from_value(value).map(Self::#idents), )*
                    _ => #fallback,
                }
            }
        }
        // Alternatives whose shape fits are tried in order, and the first that decodes wins,
        // so alternatives without required properties do not shadow the ones after them.
        None if open => {
            let shapes = variants.iter().map(|v| shape(&v.shape, rt));
            quote! {
                #( if #rt::runtime::has_shape(&value, &#shapes) {
                    if let Ok(decoded) = <#types as serde::Deserialize>::deserialize(&value) {
                        return Ok(Self::#idents(decoded));
                    }
                } )*
                #fallback
            }
        }
        None => {
            let shapes = variants.iter().map(|v| shape(&v.shape, rt));
            let msg = format!("the JSON matches no alternative of {}", d.name);
            quote! {
                let mut failure: Option<serde_json::Error> = None;
                #( if #rt::runtime::has_shape(&value, &#shapes) {
                    match <#types as serde::Deserialize>::deserialize(&value) {
                        Ok(decoded) => return Ok(Self::#idents(decoded)),
                        Err(error) => failure = Some(error),
                    }
                } )*
                Err(serde::de::Error::custom(match failure {
                    Some(error) => format!("{}: {error}", #msg),
                    None => #msg.to_string(),
                }))
            }
        }
    };
    let froms = variants.iter().filter(|v| {
        matches!(v.ty, TypeRef::Named(_)) && variants.iter().filter(|o| o.ty == v.ty).count() == 1
    });
    let from_impls = froms.map(|v| {
        let ident = Ident::new(&v.ident, Span::call_site());
        let t = ty(&v.ty, &prefix, rt);
        quote! {
            impl From<#t> for #name {
                fn from(value: #t) -> Self { Self::#ident(value) }
            }
        }
    });
    quote! {
        #docs
        #[derive(Debug, Clone, PartialEq)]
        #serialize
        #[non_exhaustive]
        pub enum #name { #( #idents(#types), )* #unknown }

        impl<'de> serde::Deserialize<'de> for #name {
            fn deserialize<D: serde::Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
                let value = <serde_json::Value as serde::Deserialize>::deserialize(deserializer)?;
                #decode
            }
        }

        #( #from_impls )*
        #default
    }
}
