//! The names almost every program uses, in one import: `use intercom_api::prelude::*;`.
//!
//! Besides [`Client`], [`ClientBuilder`], [`Region`], [`IntoId`] and [`Error`], it brings the
//! stream traits of [`futures-util`](https://docs.rs/futures-util/0.3) that the paginated calls
//! need: `.items()` and `.pages()` return a [`Stream`], and [`TryStreamExt`] gives it
//! `try_next`, `try_collect` and the other `try_` adapters, [`StreamExt`] `next`, `take`,
//! `collect` and the rest. They are re-exported so that no other crate is needed in your
//! `Cargo.toml`; they are the same traits as `futures::StreamExt` and `futures::TryStreamExt`
//! (futures 0.3), so importing both is harmless.
//!
//! ```no_run
//! use intercom_api::prelude::*;
//!
//! # async fn run() -> Result<(), Error> {
//! let client = Client::new("my-access-token")?;
//! let mut contacts = std::pin::pin!(client.contacts().list().per_page(50).items());
//! while let Some(contact) = contacts.try_next().await? {
//!     println!("{} {:?}", contact.id, contact.email);
//! }
//! let first_ten: Vec<Result<_, Error>> = client.conversations().list().items().take(10).collect().await;
//! println!("{} conversations", first_ten.len());
//! # Ok(()) }
//! ```

pub use crate::{Client, ClientBuilder, Error, IntoId, Region};
pub use futures_util::{Stream, StreamExt, TryStreamExt};
