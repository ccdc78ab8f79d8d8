//! Fit tables shared by model: a struct that is an alternative of an untagged union gets its
//! fit once, as an associated `FIT` constant beside it, and every union that has it as an
//! alternative names that constant instead of repeating the table. A small table held by one
//! union only stays inline, where it is shorter than a constant.

use std::collections::BTreeMap;

use proc_macro2::{Ident, Span, TokenStream};
use quote::quote;

use super::tokens::ty;
use crate::ir::{Fit, TypeDef, TypeKind, TypeRef, UnionVariant};

/// From how many descriptions (`Fit` nodes) on a table is its own constant even when a
/// single union holds it.
const LARGE: usize = 24;

/// The fit of each struct whose table is shared, by type name.
pub struct ModelFits<'a>(BTreeMap<&'a str, &'a Fit>);

impl<'a> ModelFits<'a> {
    /// Collects the fits from every untagged union in `types`, keeping those held more than
    /// once or large. A struct is described by the first fit met for it (in name order); an
    /// alternative whose fit differs keeps its own.
    pub fn collect(types: &'a BTreeMap<String, TypeDef>) -> Self {
        let mut fits: BTreeMap<&str, (&Fit, usize)> = BTreeMap::new();
        for d in types.values() {
            let TypeKind::Union {
                tag: None,
                variants,
            } = &d.kind
            else {
                continue;
            };
            for v in variants {
                let TypeRef::Named(model) = &v.ty else {
                    continue;
                };
                let is_struct = matches!(
                    types.get(model).map(|m| &m.kind),
                    Some(TypeKind::Struct { .. })
                );
                if is_struct && matches!(v.fit, Fit::Object { .. }) {
                    let (fit, uses) = fits.entry(model.as_str()).or_insert((&v.fit, 0));
                    *uses += usize::from(**fit == v.fit);
                }
            }
        }
        fits.retain(|_, (fit, uses)| *uses > 1 || size(fit) >= LARGE);
        ModelFits(
            fits.into_iter()
                .map(|(name, (fit, _))| (name, fit))
                .collect(),
        )
    }

    /// The `FIT` constant of the struct `d`, if a union names it.
    pub fn constant(&self, d: &TypeDef, rt: &TokenStream) -> Option<TokenStream> {
        let table = fit(self.0.get(d.name.as_str())?, rt);
        let name = Ident::new(&d.name, Span::call_site());
        Some(quote! {
            impl #name {
                /// What the JSON of this type looks like, for choosing among the alternatives
                /// of the untagged unions that hold it (see `runtime::fit`).
                pub const FIT: #rt::runtime::Fit<'static> = #table;
            }
        })
    }

    /// The fit of a union alternative: its struct's `FIT` when that describes it, else the
    /// whole table.
    pub fn of(&self, v: &UnionVariant, rt: &TokenStream) -> TokenStream {
        match &v.ty {
            TypeRef::Named(model) if self.0.get(model.as_str()) == Some(&&v.fit) => {
                let t = ty(&v.ty, &quote!(super::), rt);
                quote!(<#t>::FIT)
            }
            _ => fit(&v.fit, rt),
        }
    }
}

/// How many descriptions `f` holds, itself included.
fn size(f: &Fit) -> usize {
    1 + match f {
        Fit::Array(inner) | Fit::Map(inner) => size(inner),
        Fit::Object { known, .. } => known.iter().map(|(_, f)| size(f)).sum(),
        Fit::OneOf(fits) => fits.iter().map(size).sum(),
        _ => 0,
    }
}

/// The runtime fit (`runtime::Fit`) of `f`, as a constant expression.
fn fit(f: &Fit, rt: &TokenStream) -> TokenStream {
    let path = quote!(#rt::runtime::Fit);
    match f {
        Fit::Any => quote!(#path::Any),
        Fit::String => quote!(#path::String),
        Fit::Integer => quote!(#path::Integer),
        Fit::Number => quote!(#path::Number),
        Fit::Boolean => quote!(#path::Boolean),
        Fit::Const(value) => quote!(#path::Const(#value)),
        Fit::ConstBool(value) => quote!(#path::ConstBool(#value)),
        Fit::Enum(values) => quote!(#path::Enum(&[#(#values),*])),
        Fit::Array(item) => {
            let item = fit(item, rt);
            quote!(#path::Array(&#item))
        }
        Fit::Map(value) => {
            let value = fit(value, rt);
            quote!(#path::Map(&#value))
        }
        Fit::Object { known, required } => {
            let names = known.iter().map(|(n, _)| n);
            let fits = known.iter().map(|(_, f)| fit(f, rt));
            quote!(#path::Object { known: &[#((#names, #fits)),*], required: &[#(#required),*] })
        }
        Fit::OneOf(fits) => {
            let fits = fits.iter().map(|f| fit(f, rt));
            quote!(#path::OneOf(&[#(#fits),*]))
        }
    }
}
