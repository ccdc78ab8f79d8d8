//! The one error type of xtask: a message plus an optional cause, printed as a chain.

use std::fmt;

/// An xtask failure: what went wrong, and (optionally) the lower-level error that caused it.
#[derive(Debug)]
pub struct Error {
    message: String,
    source: Option<Box<dyn std::error::Error + 'static>>,
}

/// `Result` with [`Error`] as the default error type.
pub type Result<T, E = Error> = std::result::Result<T, E>;

impl Error {
    /// An error with a message and no underlying cause.
    pub fn msg(message: impl Into<String>) -> Self {
        Self {
            message: message.into(),
            source: None,
        }
    }

    /// An error with a message, caused by `source`.
    pub fn with_source(
        message: impl Into<String>,
        source: impl Into<Box<dyn std::error::Error + 'static>>,
    ) -> Self {
        Self {
            message: message.into(),
            source: Some(source.into()),
        }
    }

    /// The messages of this error and all its causes, outermost first.
    pub fn chain(&self) -> Vec<String> {
        let mut messages = vec![self.message.clone()];
        let mut next = std::error::Error::source(self);
        while let Some(cause) = next {
            messages.push(cause.to_string());
            next = cause.source();
        }
        messages
    }
}

impl fmt::Display for Error {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.message)
    }
}

impl std::error::Error for Error {
    fn source(&self) -> Option<&(dyn std::error::Error + 'static)> {
        self.source.as_deref()
    }
}

/// Adds a message to a lower-level error, keeping it as the cause.
pub trait Context<T> {
    /// Wraps the error (if any) in an [`Error`] whose message is `message()`.
    fn context<M: Into<String>>(self, message: impl FnOnce() -> M) -> Result<T>;
}

impl<T, E: std::error::Error + 'static> Context<T> for std::result::Result<T, E> {
    fn context<M: Into<String>>(self, message: impl FnOnce() -> M) -> Result<T> {
        self.map_err(|error| Error::with_source(message(), error))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn chain_lists_every_cause_outermost_first() {
        let io = std::io::Error::new(std::io::ErrorKind::NotFound, "no such file");
        let inner: Result<()> = Err(io).context(|| "cannot read a.yaml");
        let outer = inner.context(|| "cannot resolve the spec").unwrap_err();
        assert_eq!(
            outer.chain(),
            [
                "cannot resolve the spec",
                "cannot read a.yaml",
                "no such file"
            ]
        );
    }
}
