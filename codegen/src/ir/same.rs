//! Structural equality of IR types: two type references are the same when they describe the
//! same JSON and decode it the same way, whatever the names of the types they pass through.
//!
//! Aliases are seen through. Structs are the same when they have the same properties, each
//! of the same type and with the same `required`, always-present, nullable and flattened
//! marks; string enums when they have the same values; unions when they have the same tag and
//! the same alternatives in the same order (tag values, types and fits). A pair of named
//! types met again while it is being compared is taken to be the same (recursive types).

use std::collections::{BTreeMap, BTreeSet};

use super::{Field, TypeDef, TypeKind, TypeRef};

/// One comparison; holds the pairs of named types assumed equal while comparing them.
///
/// Every rule is a conjunction, so an assumption that turns out false always makes the
/// whole comparison false: a `Same` may be reused only while every answer it gave was `true`.
pub(super) struct Same<'d> {
    defs: &'d BTreeMap<String, TypeDef>,
    assumed: BTreeSet<(String, String)>,
}

impl<'d> Same<'d> {
    pub(super) fn new(defs: &'d BTreeMap<String, TypeDef>) -> Self {
        Same {
            defs,
            assumed: BTreeSet::new(),
        }
    }

    /// Whether `a` and `b` describe the same JSON.
    pub(super) fn refs(&mut self, a: &TypeRef, b: &TypeRef) -> bool {
        if a == b {
            return true;
        }
        match (a, b) {
            (TypeRef::Named(x), TypeRef::Named(y)) => self.named(x, y),
            (TypeRef::Named(x), other) | (other, TypeRef::Named(x)) => {
                match self.defs.get(x).map(|d| &d.kind) {
                    Some(TypeKind::Alias(target)) => {
                        let target = target.clone();
                        self.refs(&target, other)
                    }
                    _ => false,
                }
            }
            (TypeRef::Map(x), TypeRef::Map(y))
            | (TypeRef::Array(x), TypeRef::Array(y))
            | (TypeRef::Nullable(x), TypeRef::Nullable(y)) => self.refs(x, y),
            _ => false,
        }
    }

    fn named(&mut self, x: &str, y: &str) -> bool {
        if !self.assumed.insert((x.to_string(), y.to_string())) {
            return true;
        }
        let (Some(dx), Some(dy)) = (self.defs.get(x), self.defs.get(y)) else {
            return false;
        };
        match (&dx.kind, &dy.kind) {
            (TypeKind::Alias(t), _) => self.refs(t, &TypeRef::Named(y.to_string())),
            (_, TypeKind::Alias(t)) => self.refs(&TypeRef::Named(x.to_string()), t),
            (TypeKind::Struct { fields: a }, TypeKind::Struct { fields: b }) => {
                a.len() == b.len()
                    && a.iter().all(|fa| {
                        b.iter()
                            .find(|fb| fb.wire == fa.wire)
                            .is_some_and(|fb| self.fields(fa, fb))
                    })
            }
            (TypeKind::Enum { variants: a }, TypeKind::Enum { variants: b }) => {
                let a: BTreeSet<&str> = a.iter().map(|v| v.wire.as_str()).collect();
                let b: BTreeSet<&str> = b.iter().map(|v| v.wire.as_str()).collect();
                a == b
            }
            (
                TypeKind::Union {
                    tag: ta,
                    variants: a,
                },
                TypeKind::Union {
                    tag: tb,
                    variants: b,
                },
            ) => {
                ta == tb
                    && a.len() == b.len()
                    && a.iter().zip(b).all(|(va, vb)| {
                        va.tag_value == vb.tag_value
                            && va.fit == vb.fit
                            && self.refs(&va.ty, &vb.ty)
                    })
            }
            _ => false,
        }
    }

    /// Two fields of structs being compared: the same marks and the same type.
    fn fields(&mut self, a: &Field, b: &Field) -> bool {
        a.required == b.required
            && a.present == b.present
            && a.nullable == b.nullable
            && a.flatten == b.flatten
            && self.refs(&a.ty, &b.ty)
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::ir::{EnumVariant, Usage};

    fn def(name: &str, kind: TypeKind) -> (String, TypeDef) {
        let def = TypeDef {
            name: name.into(),
            origin: String::new(),
            module: String::new(),
            doc: None,
            example: None,
            kind,
            usage: Usage::default(),
            features: BTreeSet::new(),
        };
        (name.into(), def)
    }

    fn field(wire: &str, ty: TypeRef) -> Field {
        Field {
            wire: wire.into(),
            ident: wire.into(),
            ty,
            required: false,
            present: false,
            nullable: false,
            doc: None,
            flatten: false,
        }
    }

    fn named(n: &str) -> TypeRef {
        TypeRef::Named(n.into())
    }

    fn values(wires: &[&str]) -> TypeKind {
        TypeKind::Enum {
            variants: wires
                .iter()
                .map(|w| EnumVariant {
                    wire: (*w).into(),
                    ident: (*w).into(),
                })
                .collect(),
        }
    }

    #[test]
    fn names_do_not_matter_but_shapes_do() {
        let defs: BTreeMap<String, TypeDef> = [
            def("A", values(&["x", "y"])),
            def("B", values(&["y", "x"])),
            def("C", values(&["x"])),
            def(
                "Node",
                TypeKind::Struct {
                    fields: vec![field("next", named("Node")), field("kind", named("A"))],
                },
            ),
            def(
                "Other",
                TypeKind::Struct {
                    fields: vec![field("kind", named("B")), field("next", named("Other"))],
                },
            ),
            def(
                "Third",
                TypeKind::Struct {
                    fields: vec![field("kind", named("C")), field("next", named("Third"))],
                },
            ),
            def("Id", TypeKind::Alias(TypeRef::String)),
        ]
        .into_iter()
        .collect();
        assert!(Same::new(&defs).refs(&named("A"), &named("B")));
        assert!(!Same::new(&defs).refs(&named("A"), &named("C")));
        assert!(Same::new(&defs).refs(&named("Node"), &named("Other")));
        assert!(!Same::new(&defs).refs(&named("Node"), &named("Third")));
        assert!(Same::new(&defs).refs(&named("Id"), &TypeRef::String));
        assert!(!Same::new(&defs).refs(&named("Id"), &TypeRef::Integer));
        let arr = |t| TypeRef::Array(Box::new(t));
        assert!(Same::new(&defs).refs(&arr(named("A")), &arr(named("B"))));
    }
}
