//! The circle broken: the piece both sides need lives in `shared`, below them.

mod a;
mod b;
mod hub;
mod shared;
