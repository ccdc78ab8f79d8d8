//! `Deserialize` for generated structs, through the runtime's shared object visitor
//! (`runtime::object`): per struct only its sorted field names and one function that stores
//! each field in a slot and assembles the struct. A serde derive would expand a field enum,
//! two visitors (map and sequence) and a wrapper type per lenient field, for every struct:
//! most of the crate's compile time.

use proc_macro2::{Ident, Literal, TokenStream};
use quote::{format_ident, quote};

/// How a field's value is read when its key is seen.
pub enum Read {
    /// Its type's own `Deserialize`.
    Value,
    /// A lenient decoder of the runtime (`object::OptString`, …), by name.
    With(&'static str),
}

/// What a field is when the object is done.
pub enum Finish {
    /// Its serde default when left out.
    Default,
    /// An always-present response field read as an option: leaving it out is a "missing
    /// field" error and `null` a "null in always-present field" error, both salvaged (the
    /// default, with a warning).
    Present,
    /// A required field without a default: "missing field" unless its type is an `Option`.
    Required,
}

/// One field to decode.
pub struct Slot {
    /// The Rust field.
    pub ident: Ident,
    /// The JSON property name.
    pub wire: String,
    /// How its value is read.
    pub read: Read,
    /// What it is when the object is done.
    pub finish: Finish,
}

/// The `runtime::object::Object` and `serde::Deserialize` impls of struct `name`.
pub fn object(name: &Ident, slots: &[Slot], rt: &TokenStream) -> TokenStream {
    let object = quote!(#rt::runtime::object);
    // A field's slot is its index in the bytewise-sorted names, which the runtime searches.
    let mut order: Vec<usize> = (0..slots.len()).collect();
    order.sort_by(|&a, &b| slots[a].wire.as_bytes().cmp(slots[b].wire.as_bytes()));
    let mut index = vec![0; slots.len()];
    for (sorted, &field) in order.iter().enumerate() {
        index[field] = sorted;
    }
    let wires = order.iter().map(|&i| &slots[i].wire);
    let vars: Vec<Ident> = (0..slots.len()).map(|i| format_ident!("f{i}")).collect();
    let reads = order.iter().map(|&i| {
        let var = &vars[index[i]];
        match slots[i].read {
            Read::Value => quote!(map.value(&mut #var)?),
            Read::With(decoder) => {
                let decoder = format_ident!("{decoder}");
                quote!(map.with::<#object::#decoder>(&mut #var)?)
            }
        }
    });
    let numbers: Vec<Literal> = (0..slots.len()).map(Literal::usize_unsuffixed).collect();
    let scan = match slots.len() {
        0 => quote!(while map.next_field()?.is_some() {}),
        1 => quote!(while map.next_field()?.is_some() { #(#reads;)* }),
        _ => quote! {
            while let Some(field) = map.next_field()? {
                match field {
                    #( #numbers => #reads, )*
                    _ => {}
                }
            }
        },
    };
    let inits = slots.iter().zip(&index).map(|(slot, &i)| {
        let (id, var, n) = (&slot.ident, &vars[i], &numbers[i]);
        match slot.finish {
            Finish::Default => quote!(#id: #var.unwrap_or_default()),
            Finish::Present => quote!(#id: map.present(#var, #n)?),
            Finish::Required => quote!(#id: map.required(#var, #n)?),
        }
    });
    let name_text = name.to_string();
    quote! {
        impl #object::Object for #name {
            const NAME: &'static str = #name_text;
            const FIELDS: &'static [&'static str] = &[#(#wires),*];
            fn visit<'de, A: serde::de::MapAccess<'de>>(map: &mut #object::Fields<A>) -> Result<Self, A::Error> {
                #( let mut #vars = None; )*
                #scan
                Ok(Self { #(#inits),* })
            }
        }
        impl<'de> serde::Deserialize<'de> for #name {
            fn deserialize<D: serde::Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
                #object::object(deserializer)
            }
        }
    }
}

/// The `default` and `deserialize_with` parts of a field's `#[serde(…)]` in a struct that
/// keeps serde's derive (one with a flattened union): the same decoding, as functions.
pub fn derive_attrs(read: &Read, finish: &Finish, rt: &TokenStream) -> Vec<TokenStream> {
    let with = match (read, finish) {
        (Read::Value, Finish::Present) => Some("field::or_default"),
        (Read::Value, _) => None,
        (Read::With(decoder), Finish::Present) => Some(match *decoder {
            "OptString" => "field::string",
            "OptI64" => "field::int",
            "OptF64" => "field::float",
            "OptStrings" => "field::strings",
            "OptNullableStrings" => "field::nullable_strings",
            _ => "field::string_map",
        }),
        (Read::With(decoder), _) => Some(match *decoder {
            "OptString" => "lenient::opt_string",
            "OptI64" => "lenient::opt_i64",
            "OptF64" => "lenient::opt_f64",
            "OptStrings" => "field::opt_strings",
            "OptNullableStrings" => "field::opt_nullable_strings",
            _ => "field::opt_string_map",
        }),
    };
    let mut parts = Vec::new();
    if matches!(finish, Finish::Default) {
        parts.push(quote!(default));
    }
    if let Some(function) = with {
        let path = format!("{}::runtime::{function}", rt.to_string().replace(' ', ""));
        parts.push(quote!(deserialize_with = #path));
    }
    parts
}
