//! The Intercom client generator: OpenAPI document -> IR -> Rust source.
//!
//! The pipeline has one module per stage, each with one job:
//! [`load`] parses the YAML, applies the project's override layer and checks every `$ref`;
//! [`ir`] turns the typed OpenAPI document into a small model of types and operations;
//! [`emit`] turns that model into formatted Rust files. `emit` never sees OpenAPI types.

pub mod capabilities;
pub mod diff;
pub mod emit;
mod error;
pub mod ir;
pub mod load;
mod options;
mod output;
pub mod surface;
pub mod testing;

pub use error::Error;
pub use options::{Channel, Options};
pub use output::Output;

/// The surface `options` generates (operations and models), without emitting any code: what
/// [`diff::Report::compare`] compares.
pub fn describe(options: &Options) -> Result<surface::Surface, Error> {
    let doc = load::load(options)?;
    let api = ir::build(&doc)?;
    Ok(surface::Surface::of(&api, options.channel))
}

/// Runs the whole pipeline. Nothing is written: the caller decides where the files go.
pub fn generate(options: &Options) -> Result<Output, Error> {
    let doc = load::load(options)?;
    let mut api = ir::build(&doc)?;
    if options.channel == Channel::Preview {
        api.drop_features();
        api.drop_search();
    }
    let capabilities = match &options.capabilities {
        Some(path) => {
            let text = std::fs::read_to_string(path).map_err(|source| Error::Io {
                path: path.clone(),
                source,
            })?;
            capabilities::evaluate(path, &text, &api)?
        }
        None => Vec::new(),
    };
    emit::emit(&api, &options.runtime, options.channel, &capabilities)
}
