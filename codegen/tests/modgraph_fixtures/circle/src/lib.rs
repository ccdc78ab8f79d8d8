//! A crate with a circle through a re-export and a `super::` path: `a` names `hub::C` (defined
//! in `hub::c`, re-exported by `hub`), and `hub::c` names `a::A` through `super::super`.

mod a;
mod b;
mod hub;
