//! Unions: an enum per `oneOf`, decoded by tag value or by best fit, with an `Unknown`
//! fallback when it is received from the API.

use proc_macro2::{Ident, Literal, Span, TokenStream};
use quote::quote;

use super::model_fits::ModelFits;
use super::tokens::ty;
use crate::ir::{TypeDef, TypeRef, UnionVariant};

/// The enum, its `Deserialize` impl, and `From` impls for alternatives of distinct types;
/// an untagged union's alternatives are scored against `fits`.
pub fn union(
    d: &TypeDef,
    name: &Ident,
    docs: TokenStream,
    tag: Option<&str>,
    variants: &[UnionVariant],
    fits: &ModelFits,
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
        let derive = super::features::serialize_feature();
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
        // Alternatives are tried best fit first (declaration order breaks ties), and the
        // first that decodes wins; in a response, one that needs salvage says where
        // (`runtime::untagged`).
        None => {
            let fits = variants.iter().map(|v| fits.of(v, rt));
            let indices = (0..variants.len()).map(Literal::usize_unsuffixed);
            let table = quote!(const FITS: &[#rt::runtime::Fit<'static>] = &[#(#fits),*];);
            let order = quote! {
                #table
                for candidate in #rt::runtime::fit_order(&value, FITS)
            };
            if open {
                quote! {
                    #table
                    let decoded = #rt::runtime::untagged(&value, FITS, |candidate, value| match candidate {
                        #( #indices => Some(#rt::runtime::alternative::<#types>(value).map(Self::#idents)), )*
                        _ => None,
                    })?;
                    match decoded {
                        Some(decoded) => Ok(decoded),
                        None => #fallback,
                    }
                }
            } else {
                let msg = format!("the JSON matches no alternative of {}", d.name);
                quote! {
                    let mut failure: Option<serde_json::Error> = None;
                    #order {
                        match candidate {
                            #( #indices => match <#types as serde::Deserialize>::deserialize(&value) {
                                Ok(decoded) => return Ok(Self::#idents(decoded)),
                                Err(error) => failure = Some(error),
                            }, )*
                            _ => {}
                        }
                    }
                    Err(serde::de::Error::custom(match failure {
                        Some(error) => format!("{}: {error}", #msg),
                        None => #msg.to_string(),
                    }))
                }
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
