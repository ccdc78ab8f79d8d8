//! How a struct field appears to a user of the generated crate: shared by the models emitter
//! and the models surface (`crate::surface`), so the listing shows exactly the emitted type.

use super::{Field, TypeDef};

/// The Rust shape of a struct field around its type `T`.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum FieldShape {
    /// `T`: flattened unions, required fields of request-only types, and fields the API always
    /// sends in response-only types (a type also sent in requests keeps them optional: the
    /// caller may leave them out).
    Plain,
    /// `Nullable<T>`: an optional `nullable` field of a type sent in requests, which the caller
    /// can leave out, set, or send as `null`.
    Nullable,
    /// `Option<T>`: everything else.
    Optional,
}

impl TypeDef {
    /// The shape of field `f` of this struct.
    pub fn field_shape(&self, f: &Field) -> FieldShape {
        let (request, response) = (self.usage.request, self.usage.response);
        let plain = f.flatten
            || (f.required && !f.nullable && request && !response)
            || (f.present && !f.nullable && response && !request);
        if plain {
            FieldShape::Plain
        } else if request && f.nullable && !f.required {
            FieldShape::Nullable
        } else {
            FieldShape::Optional
        }
    }
}
