//! Running cargo from the xtask, which `cargo run` started.

use std::process::Command;

/// A `cargo` command (`$CARGO`, else `cargo` on the path) without the variables `cargo run`
/// gave this process for the xtask package: build scripts that watch one (ring watches
/// `CARGO_MANIFEST_DIR`) would otherwise rebuild for this build and again for the workspace's
/// next one.
pub fn command() -> Command {
    let mut command = Command::new(std::env::var_os("CARGO").unwrap_or_else(|| "cargo".into()));
    for (name, _) in std::env::vars_os() {
        if name.to_str().is_some_and(is_package_variable) {
            command.env_remove(name);
        }
    }
    command
}

/// Whether `name` is one of the variables cargo sets for the package it runs (and not one of
/// cargo's configuration, like `CARGO_HOME` or `CARGO_TARGET_DIR`).
fn is_package_variable(name: &str) -> bool {
    name.starts_with("CARGO_PKG_")
        || name.starts_with("CARGO_MANIFEST_")
        || matches!(
            name,
            "CARGO_CRATE_NAME" | "CARGO_BIN_NAME" | "CARGO_PRIMARY_PACKAGE"
        )
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn only_the_running_package_variables_are_removed() {
        for name in ["CARGO_MANIFEST_DIR", "CARGO_PKG_NAME", "CARGO_CRATE_NAME"] {
            assert!(is_package_variable(name), "{name}");
        }
        for name in [
            "CARGO_HOME",
            "CARGO_TARGET_DIR",
            "CARGO_NET_OFFLINE",
            "CARGO",
        ] {
            assert!(!is_package_variable(name), "{name}");
        }
    }
}
