mod c;

pub use c::C;
