//! The command line: which tools to offer and how the client retries.

/// Environment variable for [`Options::max_retries`] when `--max-retries` is not given.
pub const MAX_RETRIES_ENV: &str = "INTERCOM_MAX_RETRIES";

/// The usage text.
pub const USAGE: &str = "\
intercom-mcp: an MCP server (stdio) exposing Intercom to AI agents through the typed client.

Usage: intercom-mcp [OPTIONS]

Options:
  --all-operations         also offer one tool per operation of the API (off by default)
  --namespace NAME[,NAME]  also offer the operations of these resource groups (repeatable)
  --max-retries N          retries after a rate limit or a transient failure (default 3;
                           also INTERCOM_MAX_RETRIES)
  --list-tools             print the offered tools and exit
  -h, --help               print this help
  -V, --version            print the version

Environment:
  INTERCOM_ACCESS_TOKEN    the access token (required)
  INTERCOM_BASE_URL        another API host, e.g. https://api.eu.intercom.io for the EU region
";

/// What the command line asks for.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Command {
    /// Serve MCP on stdin/stdout.
    Serve(Options),
    /// Print the tools and exit.
    ListTools(Options),
    /// Print the usage.
    Help,
    /// Print the version.
    Version,
}

/// The server's options.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct Options {
    /// Offer every operation.
    pub all_operations: bool,
    /// Offer the operations of these resource groups.
    pub namespaces: Vec<String>,
    /// Retries of the client (its default when `None`).
    pub max_retries: Option<u32>,
}

/// Parses the arguments (without the program name); `max_retries_env` is the value of
/// [`MAX_RETRIES_ENV`], if set.
pub fn parse(
    args: impl IntoIterator<Item = String>,
    max_retries_env: Option<String>,
) -> Result<Command, String> {
    let mut options = Options::default();
    let mut list = false;
    let mut args = args.into_iter();
    let mut retries = max_retries_env
        .filter(|v| !v.is_empty())
        .map(|v| (v, MAX_RETRIES_ENV));
    while let Some(arg) = args.next() {
        let (flag, inline) = match arg.split_once('=') {
            Some((flag, value)) if flag.starts_with("--") => {
                (flag.to_string(), Some(value.to_string()))
            }
            _ => (arg.clone(), None),
        };
        let mut value = |name: &str| {
            inline
                .clone()
                .or_else(|| args.next())
                .ok_or_else(|| format!("{name} needs a value"))
        };
        match flag.as_str() {
            "-h" | "--help" => return Ok(Command::Help),
            "-V" | "--version" => return Ok(Command::Version),
            "--all-operations" => options.all_operations = true,
            "--list-tools" => list = true,
            "--namespace" => {
                let names = value("--namespace")?;
                options.namespaces.extend(
                    names
                        .split(',')
                        .map(str::trim)
                        .filter(|n| !n.is_empty())
                        .map(String::from),
                );
            }
            "--max-retries" => retries = Some((value("--max-retries")?, "--max-retries")),
            other => return Err(format!("unknown argument `{other}` (see --help)")),
        }
    }
    if let Some((text, origin)) = retries {
        let n = text
            .trim()
            .parse::<u32>()
            .map_err(|_| format!("{origin}: `{text}` is not a number of retries"))?;
        options.max_retries = Some(n);
    }
    Ok(if list {
        Command::ListTools(options)
    } else {
        Command::Serve(options)
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    fn parsed(args: &[&str], env: Option<&str>) -> Result<Command, String> {
        parse(args.iter().map(|a| a.to_string()), env.map(String::from))
    }

    #[test]
    fn flags_values_and_the_environment() {
        assert_eq!(parsed(&[], None), Ok(Command::Serve(Options::default())));
        assert_eq!(
            parsed(
                &[
                    "--namespace",
                    "contacts,tags",
                    "--namespace=tickets",
                    "--max-retries=0"
                ],
                Some("5")
            ),
            Ok(Command::Serve(Options {
                all_operations: false,
                namespaces: vec!["contacts".into(), "tags".into(), "tickets".into()],
                max_retries: Some(0),
            }))
        );
        assert_eq!(
            parsed(&["--all-operations", "--list-tools"], Some("2")),
            Ok(Command::ListTools(Options {
                all_operations: true,
                namespaces: Vec::new(),
                max_retries: Some(2),
            }))
        );
        assert_eq!(parsed(&["--help"], None), Ok(Command::Help));
    }

    #[test]
    fn mistakes_are_explained() {
        assert!(parsed(&["--bogus"], None)
            .unwrap_err()
            .contains("unknown argument `--bogus`"));
        assert!(parsed(&["--max-retries"], None)
            .unwrap_err()
            .contains("needs a value"));
        assert!(parsed(&[], Some("many"))
            .unwrap_err()
            .contains("INTERCOM_MAX_RETRIES"));
    }
}
