pub struct C;

pub fn wrap() -> super::super::a::A {
    super::super::a::A(C)
}
