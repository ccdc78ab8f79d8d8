//! Command-line parsing (by hand: xtask's compile time matters more than a parser crate).

use std::ffi::OsString;
use std::path::PathBuf;

/// The usage text printed by `--help` and after a bad argument.
pub const USAGE: &str = "\
usage: cargo xtask <command>

commands:
  regen [--check] [--version V] [--spec PATH] [--out DIR]
      Regenerate intercom-api/src/generated from Intercom's OpenAPI description.
      --check        compare with the files on disk instead of writing; exit 1 if they differ
      --version V    API version to generate (default: the version in spec/pin.toml)
      --spec PATH    use this YAML file (no sha256 check); otherwise the spec is taken from
                     $INTERCOM_OPENAPI_DIR/descriptions/V/api.intercom.io.yaml, the cache in
                     .cache/openapi, or downloaded from the pinned commit
                     ($INTERCOM_OPENAPI_BASE_URL, default https://raw.githubusercontent.com)
      --out DIR      output directory (default: intercom-api/src/generated)
  diff FROM TO [--fail-on-breaking]
      Compare the generated surfaces of two descriptions (after the override layer of each)
      and print a Markdown report: counts, then one line per change (`Type.field`, operations
      as `METHOD /path` with their call), breaking changes first. FROM and TO are versions
      (resolved like regen's --version) or paths of YAML files (their version is the name of
      their descriptions/V directory, else their info.version).
      --fail-on-breaking   exit 1 when a change is breaking
  bump VERSION [--commit SHA]
      Move the pin to VERSION in one step: spec/pin.toml (version, sha256 and preview_sha256;
      the upstream commit kept unless --commit), the generated code and resource features,
      the four surface snapshots in codegen/tests/snapshots, and the old -> new `diff` report
      in CHANGELOG.md; then print what to review. All files change, or none.
  changelog-check
      Fail unless CHANGELOG.md has an entry for the pinned version
      (`### Intercom API … -> VERSION`).
  readme-snippets
      Check README.md's rust snippets as an outside crate whose dependencies are the README's
      own [dependencies] block (intercom-api's git URL replaced by this workspace's path), in
      readme-snippets/ of the target directory.
  versions [--version V]...
      Regenerate every published version (or each V) into a scratch copy of intercom-api
      under target/versions/, one workspace, and `cargo check` them all in one run; prints
      `versions compiled: N/M` and fails unless all compiled. Needs $INTERCOM_OPENAPI_DIR.
  feature-sets
      Check intercom-api's library with no features, each resource feature alone, serialize
      on top of the defaults, and preview, redis and operation-tables alone, warnings denied:
      one scratch workspace under target/feature-sets/, checked in one run; prints
      `feature sets compiled without warnings: N/M` and fails unless all did.
  package-check
      `cargo package` the crates that are not `publish = false` (without cargo's verification),
      unpack them into target/package-check/ and check each packaged copy alone, intercom-mcp
      against the packaged intercom-api.
  fleet-bench
      Start redis-server and a mock Intercom on loopback (a budget per 10-second window),
      run 8 worker processes against it for 3 windows with the shared rate limiter, then 3
      with per-process limiters, and print one line: the 429s and the rate each achieved.
      Needs redis-server on the PATH.
  help
      Print this message.

environment:
  INTERCOM_OPENAPI_DIR        a checkout of intercom/Intercom-OpenAPI (see regen --spec)
  INTERCOM_OPENAPI_BASE_URL   where pinned files are downloaded from
  XTASK_WORKSPACE             the repository to work on (default: the one xtask is built from)";

/// A parsed command line.
#[derive(Debug, PartialEq, Eq)]
pub enum Command {
    /// `regen ...`
    Regen(RegenArgs),
    /// `readme-snippets`.
    ReadmeSnippets,
    /// `versions [--version V]...`: the versions to check, all when empty.
    Versions(Vec<String>),
    /// `feature-sets`.
    FeatureSets,
    /// `package-check`.
    PackageCheck,
    /// `diff FROM TO [--fail-on-breaking]`.
    Diff(DiffArgs),
    /// `bump VERSION [--commit SHA]`.
    Bump(BumpArgs),
    /// `changelog-check`.
    ChangelogCheck,
    /// `fleet-bench`.
    FleetBench,
    /// `help`, `-h`, `--help` (anywhere).
    Help,
}

/// The arguments of `regen`.
#[derive(Debug, Default, PartialEq, Eq)]
pub struct RegenArgs {
    /// `--check`: compare instead of writing.
    pub check: bool,
    /// `--version V`.
    pub version: Option<String>,
    /// `--spec PATH`.
    pub spec: Option<PathBuf>,
    /// `--out DIR`.
    pub out: Option<PathBuf>,
}

/// The arguments of `diff`.
#[derive(Debug, Default, PartialEq, Eq)]
pub struct DiffArgs {
    /// The old side: a version or a spec path.
    pub from: String,
    /// The new side.
    pub to: String,
    /// `--fail-on-breaking`.
    pub fail_on_breaking: bool,
}

/// The arguments of `bump`.
#[derive(Debug, Default, PartialEq, Eq)]
pub struct BumpArgs {
    /// The version to pin.
    pub version: String,
    /// `--commit SHA`: the upstream commit to take the descriptions from.
    pub commit: Option<String>,
}

/// A command line that cannot be understood; the message says why.
#[derive(Debug, PartialEq, Eq)]
pub struct UsageError(pub String);

/// Parses the arguments after the program name.
pub fn parse(args: impl IntoIterator<Item = OsString>) -> Result<Command, UsageError> {
    let mut args = args.into_iter();
    let Some(command) = args.next() else {
        return Err(UsageError("missing command".into()));
    };
    match command.to_str() {
        Some("regen") => parse_regen(args),
        Some("readme-snippets") => no_arguments(args, Command::ReadmeSnippets),
        Some("versions") => parse_versions(args),
        Some("feature-sets") => no_arguments(args, Command::FeatureSets),
        Some("package-check") => no_arguments(args, Command::PackageCheck),
        Some("diff") => parse_diff(args),
        Some("bump") => parse_bump(args),
        Some("changelog-check") => no_arguments(args, Command::ChangelogCheck),
        Some("fleet-bench") => no_arguments(args, Command::FleetBench),
        Some("help" | "-h" | "--help") => Ok(Command::Help),
        _ => Err(UsageError(format!(
            "unknown command `{}`",
            command.to_string_lossy()
        ))),
    }
}

fn parse_regen(mut args: impl Iterator<Item = OsString>) -> Result<Command, UsageError> {
    let mut parsed = RegenArgs::default();
    while let Some(arg) = args.next() {
        let text = arg.to_str().ok_or_else(|| {
            UsageError(format!("unexpected argument `{}`", arg.to_string_lossy()))
        })?;
        let (flag, inline) = match text.split_once('=') {
            Some((flag, value)) if flag.starts_with("--") => (flag, Some(OsString::from(value))),
            _ => (text, None),
        };
        let mut value = || -> Result<OsString, UsageError> {
            let value = inline
                .clone()
                .or_else(|| args.next())
                .ok_or_else(|| UsageError(format!("{flag} needs a value")))?;
            if value.is_empty() {
                return Err(UsageError(format!("{flag} needs a non-empty value")));
            }
            Ok(value)
        };
        match flag {
            "-h" | "--help" => return Ok(Command::Help),
            "--check" if inline.is_none() => set(&mut parsed.check, flag)?,
            "--version" => {
                let version = value()?.into_string().map_err(|v| {
                    UsageError(format!("invalid --version `{}`", v.to_string_lossy()))
                })?;
                set_once(&mut parsed.version, version, flag)?;
            }
            "--spec" => set_once(&mut parsed.spec, value()?.into(), flag)?,
            "--out" => set_once(&mut parsed.out, value()?.into(), flag)?,
            _ => return Err(UsageError(format!("unexpected argument `{text}`"))),
        }
    }
    Ok(Command::Regen(parsed))
}

/// The non-flag arguments and `--flag`/`--flag VALUE` options of a command: flags in `flags`
/// take no value, those in `valued` one (`--commit SHA` or `--commit=SHA`).
struct Parsed {
    positional: Vec<String>,
    flags: Vec<String>,
    values: Vec<(String, String)>,
}

fn split(
    mut args: impl Iterator<Item = OsString>,
    flags: &[&str],
    valued: &[&str],
) -> Result<Option<Parsed>, UsageError> {
    let mut parsed = Parsed {
        positional: Vec::new(),
        flags: Vec::new(),
        values: Vec::new(),
    };
    while let Some(arg) = args.next() {
        let text = arg.into_string().map_err(|arg| {
            UsageError(format!("unexpected argument `{}`", arg.to_string_lossy()))
        })?;
        let (flag, inline) = match text.split_once('=') {
            Some((flag, value)) if flag.starts_with("--") => (flag.to_string(), Some(value)),
            _ => (text.clone(), None),
        };
        if flag == "-h" || flag == "--help" {
            return Ok(None);
        }
        if flags.contains(&flag.as_str()) && inline.is_none() {
            if parsed.flags.contains(&flag) {
                return Err(UsageError(format!("{flag} given twice")));
            }
            parsed.flags.push(flag);
        } else if valued.contains(&flag.as_str()) {
            let value = match inline {
                Some(value) => Some(value.to_string()),
                None => args.next().and_then(|v| v.into_string().ok()),
            }
            .filter(|v| !v.is_empty())
            .ok_or_else(|| UsageError(format!("{flag} needs a value")))?;
            if parsed.values.iter().any(|(f, _)| *f == flag) {
                return Err(UsageError(format!("{flag} given twice")));
            }
            parsed.values.push((flag, value));
        } else if text.starts_with('-') {
            return Err(UsageError(format!("unexpected argument `{text}`")));
        } else {
            parsed.positional.push(text);
        }
    }
    Ok(Some(parsed))
}

fn parse_diff(args: impl Iterator<Item = OsString>) -> Result<Command, UsageError> {
    let Some(parsed) = split(args, &["--fail-on-breaking"], &[])? else {
        return Ok(Command::Help);
    };
    match <[String; 2]>::try_from(parsed.positional) {
        Ok([from, to]) => Ok(Command::Diff(DiffArgs {
            from,
            to,
            fail_on_breaking: !parsed.flags.is_empty(),
        })),
        Err(_) => Err(UsageError("diff needs two arguments: FROM TO".into())),
    }
}

fn parse_bump(args: impl Iterator<Item = OsString>) -> Result<Command, UsageError> {
    let Some(parsed) = split(args, &[], &["--commit"])? else {
        return Ok(Command::Help);
    };
    match <[String; 1]>::try_from(parsed.positional) {
        Ok([version]) => Ok(Command::Bump(BumpArgs {
            version,
            commit: parsed.values.into_iter().next().map(|(_, v)| v),
        })),
        Err(_) => Err(UsageError("bump needs one argument: VERSION".into())),
    }
}

/// A command that takes no argument but `-h`/`--help`.
fn no_arguments(
    mut args: impl Iterator<Item = OsString>,
    command: Command,
) -> Result<Command, UsageError> {
    match args.next() {
        None => Ok(command),
        Some(arg) if arg == "-h" || arg == "--help" => Ok(Command::Help),
        Some(arg) => Err(UsageError(format!(
            "unexpected argument `{}`",
            arg.to_string_lossy()
        ))),
    }
}

fn parse_versions(mut args: impl Iterator<Item = OsString>) -> Result<Command, UsageError> {
    let mut versions = Vec::new();
    while let Some(arg) = args.next() {
        match arg.to_str() {
            Some("-h" | "--help") => return Ok(Command::Help),
            Some("--version") => {
                let value = args
                    .next()
                    .and_then(|v| v.into_string().ok())
                    .filter(|v| !v.is_empty())
                    .ok_or_else(|| UsageError("--version needs a value".into()))?;
                versions.push(value);
            }
            _ => {
                return Err(UsageError(format!(
                    "unexpected argument `{}`",
                    arg.to_string_lossy()
                )))
            }
        }
    }
    Ok(Command::Versions(versions))
}

fn set(flag_value: &mut bool, flag: &str) -> Result<(), UsageError> {
    if std::mem::replace(flag_value, true) {
        return Err(UsageError(format!("{flag} given twice")));
    }
    Ok(())
}

fn set_once<T>(slot: &mut Option<T>, value: T, flag: &str) -> Result<(), UsageError> {
    if slot.replace(value).is_some() {
        return Err(UsageError(format!("{flag} given twice")));
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    fn parse_str(args: &[&str]) -> Result<Command, UsageError> {
        parse(args.iter().map(OsString::from))
    }

    fn error(args: &[&str]) -> String {
        parse_str(args).unwrap_err().0
    }

    #[test]
    fn versions_takes_repeated_versions() {
        assert_eq!(parse_str(&["versions"]), Ok(Command::Versions(vec![])));
        assert_eq!(
            parse_str(&["versions", "--version", "2.7", "--version", "0"]),
            Ok(Command::Versions(vec!["2.7".into(), "0".into()]))
        );
        assert_eq!(error(&["versions", "--version"]), "--version needs a value");
        assert_eq!(
            error(&["versions", "--check"]),
            "unexpected argument `--check`"
        );
    }

    #[test]
    fn regen_without_flags_uses_defaults() {
        assert_eq!(
            parse_str(&["regen"]),
            Ok(Command::Regen(RegenArgs::default()))
        );
    }

    #[test]
    fn regen_with_every_flag_in_both_forms() {
        let expected = Command::Regen(RegenArgs {
            check: true,
            version: Some("2.15".into()),
            spec: Some("a b.yaml".into()),
            out: Some("out".into()),
        });
        let spaced = [
            "regen",
            "--check",
            "--version",
            "2.15",
            "--spec",
            "a b.yaml",
            "--out",
            "out",
        ];
        assert_eq!(parse_str(&spaced), Ok(expected));
        let inline = [
            "regen",
            "--version=2.15",
            "--spec=a b.yaml",
            "--out=out",
            "--check",
        ];
        assert!(matches!(parse_str(&inline), Ok(Command::Regen(a)) if a.check && a.out.is_some()));
    }

    #[test]
    fn diff_takes_two_sides_and_a_flag() {
        let expected = Command::Diff(DiffArgs {
            from: "2.15".into(),
            to: "a/b.yaml".into(),
            fail_on_breaking: true,
        });
        assert_eq!(
            parse_str(&["diff", "2.15", "--fail-on-breaking", "a/b.yaml"]),
            Ok(expected)
        );
        assert!(matches!(
            parse_str(&["diff", "2.13", "2.14"]),
            Ok(Command::Diff(DiffArgs {
                fail_on_breaking: false,
                ..
            }))
        ));
        assert_eq!(
            error(&["diff", "2.15"]),
            "diff needs two arguments: FROM TO"
        );
        assert_eq!(
            error(&["diff", "1", "2", "3"]),
            "diff needs two arguments: FROM TO"
        );
        assert_eq!(
            error(&["diff", "1", "2", "--frob"]),
            "unexpected argument `--frob`"
        );
        assert_eq!(
            error(&["diff", "1", "2", "--fail-on-breaking", "--fail-on-breaking"]),
            "--fail-on-breaking given twice"
        );
        assert_eq!(parse_str(&["diff", "--help"]), Ok(Command::Help));
    }

    #[test]
    fn bump_takes_a_version_and_an_optional_commit() {
        assert_eq!(
            parse_str(&["bump", "2.17"]),
            Ok(Command::Bump(BumpArgs {
                version: "2.17".into(),
                commit: None
            }))
        );
        assert_eq!(
            parse_str(&["bump", "--commit=abc", "2.17"]),
            Ok(Command::Bump(BumpArgs {
                version: "2.17".into(),
                commit: Some("abc".into())
            }))
        );
        assert_eq!(error(&["bump"]), "bump needs one argument: VERSION");
        assert_eq!(
            error(&["bump", "2.17", "--commit"]),
            "--commit needs a value"
        );
        assert_eq!(
            error(&["bump", "2.17", "--commit", "a", "--commit", "b"]),
            "--commit given twice"
        );
        assert_eq!(parse_str(&["changelog-check"]), Ok(Command::ChangelogCheck));
    }

    #[test]
    fn feature_sets_takes_no_argument() {
        assert_eq!(parse_str(&["feature-sets"]), Ok(Command::FeatureSets));
        assert!(error(&["feature-sets", "x"]).contains("unexpected argument `x`"));
    }

    #[test]
    fn package_check_takes_no_argument() {
        assert_eq!(parse_str(&["package-check"]), Ok(Command::PackageCheck));
        assert!(error(&["package-check", "--x"]).contains("unexpected argument `--x`"));
    }

    #[test]
    fn readme_snippets_takes_no_argument() {
        assert_eq!(parse_str(&["readme-snippets"]), Ok(Command::ReadmeSnippets));
        assert_eq!(parse_str(&["fleet-bench"]), Ok(Command::FleetBench));
        assert_eq!(parse_str(&["readme-snippets", "-h"]), Ok(Command::Help));
        assert_eq!(
            error(&["readme-snippets", "--check"]),
            "unexpected argument `--check`"
        );
    }

    #[test]
    fn help_is_recognised() {
        for args in [
            &["help"][..],
            &["--help"],
            &["-h"],
            &["regen", "--check", "--help"],
        ] {
            assert_eq!(parse_str(args), Ok(Command::Help), "{args:?}");
        }
    }

    #[test]
    fn bad_arguments_are_explained() {
        assert_eq!(error(&[]), "missing command");
        assert_eq!(error(&["regenerate"]), "unknown command `regenerate`");
        assert_eq!(
            error(&["regen", "--frobnicate"]),
            "unexpected argument `--frobnicate`"
        );
        assert_eq!(error(&["regen", "extra"]), "unexpected argument `extra`");
        assert_eq!(error(&["regen", "--version"]), "--version needs a value");
        assert_eq!(
            error(&["regen", "--spec="]),
            "--spec needs a non-empty value"
        );
        assert_eq!(
            error(&["regen", "--check", "--check"]),
            "--check given twice"
        );
        assert_eq!(
            error(&["regen", "--out", "a", "--out=b"]),
            "--out given twice"
        );
        assert_eq!(
            error(&["regen", "--check=yes"]),
            "unexpected argument `--check=yes`"
        );
    }
}
