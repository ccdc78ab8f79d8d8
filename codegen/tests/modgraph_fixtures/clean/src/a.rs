use crate::hub::C;

pub struct A(pub C);

pub fn label() -> &'static str {
    crate::shared::NAME
}
