//! Project automation for intercom-rs, run as `cargo xtask <command>` (alias in
//! `.cargo/config.toml`). See [`args::USAGE`] for the commands.

#![forbid(unsafe_code)]

mod args;
mod bump;
mod cargo;
mod changelog;
mod check;
mod diff;
mod download;
mod error;
mod feature_sets;
mod features;
mod fleet_bench;
mod generate;
mod hash;
mod package_check;
mod pin;
mod readme;
mod regen;
mod resolve;
mod scratch;
mod stage;
#[cfg(test)]
mod test_server;
mod tree;
mod versions;
mod write;

use std::process::ExitCode;

use args::{Command, UsageError, USAGE};
use error::Error;

/// Exit code for a command line that cannot be understood.
const USAGE_EXIT: u8 = 2;

fn main() -> ExitCode {
    match args::parse(std::env::args_os().skip(1)) {
        Err(UsageError(message)) => {
            eprintln!("error: {message}\n\n{USAGE}");
            ExitCode::from(USAGE_EXIT)
        }
        Ok(Command::Help) => {
            println!("{USAGE}");
            ExitCode::SUCCESS
        }
        Ok(Command::ReadmeSnippets) => match readme::run(&regen::Workspace::locate()) {
            Ok(true) => ExitCode::SUCCESS,
            Ok(false) => ExitCode::FAILURE,
            Err(error) => {
                report(&error);
                ExitCode::FAILURE
            }
        },
        Ok(Command::Versions(only)) => {
            let workspace = regen::Workspace::locate();
            match versions::run(&workspace, &regen::Env::from_process(), &only) {
                Ok(true) => ExitCode::SUCCESS,
                Ok(false) => ExitCode::FAILURE,
                Err(error) => {
                    report(&error);
                    ExitCode::FAILURE
                }
            }
        }
        Ok(Command::Diff(args)) => {
            let workspace = regen::Workspace::locate();
            exit(diff::run(&args, &workspace, &regen::Env::from_process()))
        }
        Ok(Command::Bump(args)) => {
            let workspace = regen::Workspace::locate();
            exit(bump::run(&args, &workspace, &regen::Env::from_process()).map(|()| true))
        }
        Ok(Command::PackageCheck) => exit(package_check::run(&regen::Workspace::locate())),
        Ok(Command::FeatureSets) => exit(feature_sets::run(&regen::Workspace::locate())),
        Ok(Command::FleetBench) => {
            exit(fleet_bench::run(&regen::Workspace::locate()).map(|()| true))
        }
        Ok(Command::ChangelogCheck) => exit(bump::check_changelog(&regen::Workspace::locate())),
        Ok(Command::Regen(args)) => {
            let workspace = regen::Workspace::locate();
            match regen::run(&args, &workspace, &regen::Env::from_process()) {
                Ok(true) => ExitCode::SUCCESS,
                Ok(false) => ExitCode::FAILURE,
                Err(error) => {
                    report(&error);
                    ExitCode::FAILURE
                }
            }
        }
    }
}

/// Success, failure (already reported), or an error to report.
fn exit(result: Result<bool, Error>) -> ExitCode {
    match result {
        Ok(true) => ExitCode::SUCCESS,
        Ok(false) => ExitCode::FAILURE,
        Err(error) => {
            report(&error);
            ExitCode::FAILURE
        }
    }
}

/// Prints `error: ...` and every cause on its own line to stderr.
fn report(error: &Error) {
    let chain = error.chain();
    let mut lines = chain.iter();
    if let Some(first) = lines.next() {
        eprintln!("error: {first}");
    }
    for cause in lines {
        eprintln!("  caused by: {cause}");
    }
}
