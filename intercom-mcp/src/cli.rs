//! The command line: which tools to offer, how the client retries, and stdio or HTTP.

use std::net::{Ipv4Addr, SocketAddr};

/// Environment variable for [`Options::max_retries`] when `--max-retries` is not given.
pub const MAX_RETRIES_ENV: &str = "INTERCOM_MAX_RETRIES";

/// The environment variable holding the HTTP bearer secret when `--auth-env` is not given.
pub const DEFAULT_AUTH_ENV: &str = "INTERCOM_MCP_SECRET";

/// The usage text.
pub const USAGE: &str = "\
intercom-mcp: an MCP server (stdio, or streamable HTTP) exposing Intercom to AI agents through
the typed client.

Usage: intercom-mcp [OPTIONS]

Options:
  --http ADDR              serve MCP's streamable HTTP transport at http://ADDR/mcp instead of
                           stdio. ADDR is PORT or :PORT or localhost:PORT (loopback, 127.0.0.1),
                           IP:PORT or [IPv6]:PORT (e.g. 0.0.0.0:8080 for every interface)
  --auth-env NAME          with --http: the environment variable holding the secret every
                           request must send as `Authorization: Bearer <secret>` (default
                           INTERCOM_MCP_SECRET; the server refuses to start without it)
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
  INTERCOM_MCP_SECRET      with --http: the bearer secret (or the variable --auth-env names)
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
    /// Serve streamable HTTP on this address instead of stdio.
    pub http: Option<SocketAddr>,
    /// The environment variable holding the HTTP bearer secret (`None`: [`DEFAULT_AUTH_ENV`]).
    pub auth_env: Option<String>,
}

impl Options {
    /// The environment variable holding the HTTP bearer secret.
    pub fn auth_env(&self) -> &str {
        self.auth_env.as_deref().unwrap_or(DEFAULT_AUTH_ENV)
    }
}

/// The address `--http` takes: a port alone (`8080`, `:8080`) or `localhost:PORT` binds the
/// loopback interface (127.0.0.1); `IP:PORT` and `[IPv6]:PORT` bind that address.
pub fn http_address(text: &str) -> Result<SocketAddr, String> {
    let text = text.trim();
    let port = text
        .strip_prefix("localhost:")
        .or_else(|| text.strip_prefix(':'))
        .unwrap_or(text);
    if let Ok(port) = port.parse::<u16>() {
        return Ok(SocketAddr::from((Ipv4Addr::LOCALHOST, port)));
    }
    text.parse::<SocketAddr>().map_err(|_| {
        format!("--http: `{text}` is not PORT, :PORT, localhost:PORT, IP:PORT or [IPv6]:PORT")
    })
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
            "--http" => options.http = Some(http_address(&value("--http")?)?),
            "--auth-env" => {
                let name = value("--auth-env")?;
                if name.trim().is_empty() {
                    return Err("--auth-env needs the name of an environment variable".into());
                }
                options.auth_env = Some(name.trim().to_string());
            }
            other => return Err(format!("unknown argument `{other}` (see --help)")),
        }
    }
    if options.auth_env.is_some() && options.http.is_none() {
        return Err("--auth-env applies to --http only".into());
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
                ..Options::default()
            }))
        );
        assert_eq!(
            parsed(&["--all-operations", "--list-tools"], Some("2")),
            Ok(Command::ListTools(Options {
                all_operations: true,
                namespaces: Vec::new(),
                max_retries: Some(2),
                ..Options::default()
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
        assert!(parsed(&["--http", "localhost"], None)
            .unwrap_err()
            .contains("`localhost` is not PORT"));
        assert!(parsed(&["--http", "99999"], None)
            .unwrap_err()
            .contains("is not PORT"));
        assert!(parsed(&["--auth-env", "TEAM_SECRET"], None)
            .unwrap_err()
            .contains("--http only"));
        assert!(parsed(&["--http", "8080", "--auth-env="], None)
            .unwrap_err()
            .contains("name of an environment variable"));
    }

    #[test]
    fn http_addresses_are_loopback_unless_an_address_is_given() {
        let at = |text: &str| http_address(text).map(|a| a.to_string());
        assert_eq!(at("8080"), Ok("127.0.0.1:8080".into()));
        assert_eq!(at(":8080"), Ok("127.0.0.1:8080".into()));
        assert_eq!(at("localhost:8080"), Ok("127.0.0.1:8080".into()));
        assert_eq!(at("0.0.0.0:9000"), Ok("0.0.0.0:9000".into()));
        assert_eq!(at("[::1]:9000"), Ok("[::1]:9000".into()));
        assert_eq!(at("127.0.0.1:0"), Ok("127.0.0.1:0".into()));
        let options = match parsed(&["--http=8080", "--auth-env", "TEAM_SECRET"], None) {
            Ok(Command::Serve(options)) => options,
            other => panic!("expected Serve, got {other:?}"),
        };
        assert_eq!(options.http, Some(SocketAddr::from(([127, 0, 0, 1], 8080))));
        assert_eq!(options.auth_env(), "TEAM_SECRET");
        assert_eq!(Options::default().auth_env(), DEFAULT_AUTH_ENV);
    }
}
