use crate::shared::NAME;

pub struct C;

pub fn name() -> &'static str {
    NAME
}
