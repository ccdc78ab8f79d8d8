//! `search.rs`: per search endpoint, a resource marker type and a field type with one constant
//! per field (one constructor per templated field), typed by the field's value type and carrying
//! the operators Intercom documents for it.

use std::collections::{BTreeMap, BTreeSet};

use heck::{ToShoutySnakeCase, ToSnakeCase};
use proc_macro2::{Ident, Span, TokenStream};
use quote::quote;

use super::features::cfg_any;
use super::tokens::{ident, response_type, ty};
use crate::ir::{
    Api, FieldName, Operation, SearchCatalogue, SearchField, SearchKind, SearchOperator, SearchType,
};

/// The whole file: the operator sets the fields share, then each catalogue, each under the
/// resource feature of its search operation (and each set under the features of the
/// catalogues using it).
pub fn file(api: &Api, rt: &TokenStream) -> TokenStream {
    let catalogues = &api.search;
    let operation = |c: &SearchCatalogue| api.operations.iter().find(|o| o.id == c.operation_id);
    let mut sets: BTreeMap<&[SearchOperator], BTreeSet<String>> = BTreeMap::new();
    for c in catalogues {
        let feature = operation(c).map(|op| op.module.clone());
        for kind in c.fields.iter().flat_map(|f| &f.kinds) {
            sets.entry(kind.operators.as_slice())
                .or_default()
                .extend(feature.clone());
        }
    }
    let sets = sets.into_iter().map(|(ops, features)| {
        let name = set_name(ops);
        let cfg = cfg_any(&features);
        let variants = ops
            .iter()
            .map(|op| Ident::new(&op.variant(), Span::call_site()));
        quote!(#cfg const #name: &[Operator] = &[#( Operator::#variants ),*];)
    });
    let items = catalogues.iter().map(|c| {
        let op = operation(c);
        let cfg = cfg_any(&op.iter().map(|op| op.module.clone()).collect());
        let items = catalogue(c, rt);
        let paged = op.map(|op| paged(api, c, op, rt)).unwrap_or_default();
        super::features::gate(quote!(#items #paged), &cfg).unwrap_or_else(|e| e.to_compile_error())
    });
    quote! {
        //! The searchable fields of Intercom's search endpoints, from the tables in their
        //! descriptions. Build queries with them through `crate::search`.
        #[allow(unused_imports)]
        use #rt::search::{kinds, Field, Operator};
        #( #sets )*
        #( #items )*
    }
}

/// `Paged` for a catalogue's resource: the page type of its operation, the items of its
/// pagination, the cursor in `pages.next`, the `total_count` when the page has one. Nothing
/// for an operation that does not paginate.
fn paged(api: &Api, c: &SearchCatalogue, op: &Operation, rt: &TokenStream) -> TokenStream {
    let Some(paging) = &op.pagination else {
        return TokenStream::new();
    };
    let prefix = quote!(#rt::models::);
    let resource = Ident::new(&c.resource, Span::call_site());
    let list = response_type(op, &prefix, rt);
    let item = ty(&paging.item_type, &prefix, rt);
    let items = ident(&crate::ir::field_ident(&paging.items));
    let next = if paging.has_pages {
        quote!(#rt::runtime::PageLinks::next_link(list.pages.as_ref()?).cursor())
    } else {
        quote!({
            let _ = list;
            None
        })
    };
    let fields = crate::ir::response_fields(&api.types, &op.response);
    let total = match fields.iter().find(|f| f.wire == "total_count") {
        Some(field) if field.ty == crate::ir::TypeRef::Integer => {
            let name = ident(&field.ident);
            if field.required || field.present {
                quote!(Some(list.#name))
            } else {
                quote!(list.#name)
            }
        }
        _ => quote!({
            let _ = list;
            None
        }),
    };
    quote! {
        impl #rt::search::Paged for #resource {
            type List = #list;
            type Item = #item;
            fn items(list: &#list) -> &[#item] {
                list.#items.as_deref().unwrap_or_default()
            }
            fn into_items(list: #list) -> Vec<#item> {
                list.#items.unwrap_or_default()
            }
            fn next_cursor(list: &#list) -> Option<String> {
                #next
            }
            fn total_count(list: &#list) -> Option<i64> {
                #total
            }
        }
    }
}

/// The constant holding an operator set: `EQ_NE_GT_LT`.
fn set_name(ops: &[SearchOperator]) -> Ident {
    let words: Vec<String> = ops
        .iter()
        .map(|op| op.variant().to_shouty_snake_case())
        .collect();
    let name = if words.is_empty() {
        "NONE".to_string()
    } else {
        words.join("_")
    };
    Ident::new(&name, Span::call_site())
}

/// The rustdoc path of a call: `contacts().search` -> `Contacts::search`.
fn search_link(call: &str) -> String {
    let mut parts: Vec<&str> = call.split("().").collect();
    let method = parts.pop().unwrap_or_default();
    let namespace: String = parts.iter().map(|p| crate::ir::type_name(p)).collect();
    format!("{namespace}::{method}")
}

fn catalogue(c: &SearchCatalogue, rt: &TokenStream) -> TokenStream {
    let resource = Ident::new(&c.resource, Span::call_site());
    let field_type = Ident::new(&c.field_type, Span::call_site());
    let name = c.resource.to_snake_case();
    let (path, operation) = (&c.path, &c.operation_id);
    let route = format!("`{} {}`", c.method, c.path);
    let resource_doc = [
        format!(" The resource searched by {route}: the type parameter of queries on it."),
        String::new(),
        format!(
            " Its fields are the constants and constructors of [`{}`]; Intercom's notes on",
            c.field_type
        ),
        format!(
            " searching are on [`{}`](crate::operations::{}).",
            c.call,
            search_link(&c.call)
        ),
    ];
    let fields_doc = [
        format!(
            " The searchable fields of [`{}`], one per row of the fields table of {route}.",
            c.resource
        ),
        String::new(),
        " Each is typed by its value type and knows the operators Intercom documents for it."
            .to_string(),
    ];
    let members: Vec<TokenStream> = c
        .fields
        .iter()
        .flat_map(|f| f.kinds.iter().map(|k| member(f, k, &resource, rt)))
        .collect();
    quote! {
        #( #[doc = #resource_doc] )*
        #[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
        pub enum #resource {}
        impl #rt::search::Resource for #resource {
            const NAME: &'static str = #name;
            const PATH: &'static str = #path;
            const OPERATION_ID: &'static str = #operation;
        }
        #( #[doc = #fields_doc] )*
        #[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
        pub enum #field_type {}
        impl #field_type {
            #( #members )*
        }
    }
}

/// One constant (fixed field) or constructor (template) for one type of a field.
fn member(f: &SearchField, k: &SearchKind, resource: &Ident, rt: &TokenStream) -> TokenStream {
    let ty = match &k.enum_type {
        Some(name) => {
            let name = Ident::new(name, Span::call_site());
            quote!(Field<#resource, kinds::Enum<#rt::models::#name>>)
        }
        None => {
            let kind = kind_type(k.ty);
            quote!(Field<#resource, kinds::#kind>)
        }
    };
    let ops = set_name(&k.operators);
    let listed: Vec<String> = k
        .operators
        .iter()
        .map(|op| format!("`{}`", op.wire()))
        .collect();
    let words = match &k.enum_type {
        Some(name) => format!(
            "a [`{name}`]({}::models::{name}), sent as its string",
            rt_doc(rt)
        ),
        None => type_words(k.ty).to_string(),
    };
    let mut docs = vec![
        format!(" `{}`: {words}.", f.name.spec()),
        String::new(),
        format!(" Operators: {}.", listed.join(", ")),
    ];
    if f.kinds.len() > 1 {
        let all: Vec<&str> = f.kinds.iter().map(|k| k.ty.spec()).collect();
        docs.push(format!(
            " The field accepts {}; this is its {} form.",
            all.join(", "),
            k.ty.spec()
        ));
    }
    if let Some(note) = &f.note {
        docs.push(String::new());
        docs.push(format!(" Intercom: {note}"));
    }
    match &f.name {
        FieldName::Fixed(path) => {
            let name = Ident::new(&k.ident, Span::call_site());
            quote! {
                #( #[doc = #docs] )*
                pub const #name: #ty = Field::listed(#path, #ops);
            }
        }
        FieldName::Template {
            prefix,
            placeholder,
            suffix,
        } => {
            let name = ident(&k.ident);
            let arg = ident(&crate::ir::field_ident(placeholder));
            docs.push(String::new());
            docs.push(format!(
                " `{placeholder}` fills the placeholder of the field name."
            ));
            quote! {
                #( #[doc = #docs] )*
                pub fn #name(#arg: impl std::fmt::Display) -> #ty {
                    Field::templated(#prefix, #arg, #suffix, #ops)
                }
            }
        }
    }
}

/// The marker type of a value type in `crate::search::kinds`.
fn kind_type(ty: SearchType) -> Ident {
    let name = match ty {
        SearchType::String => "Text",
        SearchType::Integer => "Integer",
        SearchType::Float => "Float",
        SearchType::Boolean => "Boolean",
        SearchType::Date => "Date",
        SearchType::Datetime => "DateTime",
    };
    Ident::new(name, Span::call_site())
}

fn type_words(ty: SearchType) -> &'static str {
    match ty {
        SearchType::String => "String",
        SearchType::Integer => "Integer",
        SearchType::Float => "Float",
        SearchType::Boolean => "Boolean",
        SearchType::Date => "Date (Unix timestamp)",
        SearchType::Datetime => "Datetime (Unix timestamp, to the second)",
    }
}

/// The runtime path as rustdoc writes it (`crate`).
fn rt_doc(rt: &TokenStream) -> String {
    rt.to_string().replace(' ', "")
}
