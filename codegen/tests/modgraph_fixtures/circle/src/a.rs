use crate::hub::C;

pub struct A(pub C);
