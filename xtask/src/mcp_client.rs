//! `cargo xtask mcp-client`: the Python MCP reference client for the MCP server's test, in a
//! virtual environment at `.cache/mcp-client` with the versions pinned in
//! `intercom-api/tests/mcp/requirements.txt`. Idempotent: nothing is done when the environment
//! already holds exactly those pins.

use std::path::{Path, PathBuf};
use std::process::Command;

use crate::error::{Context, Error, Result};

/// Environment variable naming the Python to create the environment with (default `python3`).
pub const PYTHON_ENV: &str = "PYTHON";

/// The requirements file, relative to the workspace root.
pub const REQUIREMENTS: &str = "intercom-api/tests/mcp/requirements.txt";
/// The virtual environment, relative to the workspace root (the test looks for it there).
pub const VENV: &str = ".cache/mcp-client";

/// Creates or updates the environment under `root`; the message says what was done.
pub fn run(root: &Path) -> Result<String> {
    let requirements_path = root.join(REQUIREMENTS);
    let requirements = std::fs::read_to_string(&requirements_path)
        .context(|| format!("cannot read {REQUIREMENTS}"))?;
    let venv = root.join(VENV);
    let stamp = venv.join("installed-requirements.txt");
    let python = venv_python(&venv);
    if python.is_file() && std::fs::read_to_string(&stamp).ok().as_deref() == Some(&requirements) {
        return Ok(format!("mcp-client: {VENV} is up to date"));
    }
    if !python.is_file() {
        let base = std::env::var(PYTHON_ENV).unwrap_or_else(|_| "python3".into());
        run_command(Command::new(&base).args(["-m", "venv"]).arg(&venv), &base)?;
    }
    run_command(
        Command::new(&python)
            .args([
                "-m",
                "pip",
                "install",
                "--quiet",
                "--disable-pip-version-check",
                "--no-input",
                "--require-virtualenv",
                "-r",
            ])
            .arg(&requirements_path),
        "pip install",
    )?;
    std::fs::write(&stamp, &requirements)
        .context(|| format!("cannot write {}", stamp.display()))?;
    Ok(format!("mcp-client: installed {REQUIREMENTS} into {VENV}"))
}

/// The environment's interpreter.
fn venv_python(venv: &Path) -> PathBuf {
    if cfg!(windows) {
        venv.join("Scripts").join("python.exe")
    } else {
        venv.join("bin").join("python")
    }
}

fn run_command(command: &mut Command, what: &str) -> Result<()> {
    let status = command
        .status()
        .context(|| format!("cannot run `{what}` (is Python 3 installed? set ${PYTHON_ENV})"))?;
    if !status.success() {
        return Err(Error::msg(format!("`{what}` failed ({status})")));
    }
    Ok(())
}
