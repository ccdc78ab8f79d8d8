//! The one error type of the generator: every variant names the file and the place in it.

use std::fmt;
use std::path::PathBuf;

/// Why generation failed. Each variant says where: the file, and the schema or operation.
#[derive(Debug)]
#[non_exhaustive]
pub enum Error {
    /// A file could not be read.
    Io {
        /// The file.
        path: PathBuf,
        /// The cause.
        source: std::io::Error,
    },
    /// A file is not valid YAML (or not the expected shape).
    Parse {
        /// The file.
        path: PathBuf,
        /// Parser message, with line and column where the parser gives them.
        message: String,
    },
    /// An override in the project's override layer could not be applied.
    Override {
        /// The overrides file.
        path: PathBuf,
        /// Which override (its index and reason).
        which: String,
        /// What went wrong.
        message: String,
    },
    /// `$ref`s that point at nothing.
    DanglingRefs {
        /// The spec file.
        path: PathBuf,
        /// `(target, first place it is referenced from)`, sorted.
        refs: Vec<(String, String)>,
    },
    /// The spec uses something the generator cannot represent, or is inconsistent.
    Unsupported {
        /// The spec file.
        path: PathBuf,
        /// The schema or operation, e.g. `schema contact.location` or `operation GET /me`.
        context: String,
        /// What is wrong.
        message: String,
    },
    /// The generated tokens did not form valid Rust (a generator bug).
    Emit {
        /// The generated file.
        file: String,
        /// The syn error.
        message: String,
    },
}

impl fmt::Display for Error {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            Error::Io { path, source } => write!(f, "{}: cannot read: {source}", path.display()),
            Error::Parse { path, message } => write!(f, "{}: {message}", path.display()),
            Error::Override {
                path,
                which,
                message,
            } => write!(f, "{}: override {which}: {message}", path.display()),
            Error::DanglingRefs { path, refs } => {
                write!(f, "{}: {} dangling $ref(s):", path.display(), refs.len())?;
                for (target, from) in refs {
                    write!(f, "\n  `{target}` (referenced from {from})")?;
                }
                write!(
                    f,
                    "\n  (a schema missing upstream can be supplied by spec/overrides.yaml, action: add)"
                )
            }
            Error::Unsupported {
                path,
                context,
                message,
            } => write!(f, "{}: {context}: {message}", path.display()),
            Error::Emit { file, message } => {
                write!(f, "generated file {file} is not valid Rust: {message}")
            }
        }
    }
}

impl std::error::Error for Error {
    fn source(&self) -> Option<&(dyn std::error::Error + 'static)> {
        match self {
            Error::Io { source, .. } => Some(source),
            _ => None,
        }
    }
}
