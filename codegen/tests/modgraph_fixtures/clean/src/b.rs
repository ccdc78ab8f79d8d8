//! Only the generated code's paths, inside `quote!`, name `a`: no edge.

pub fn emit() -> proc_macro2::TokenStream {
    quote::quote!(crate::a::A)
}
