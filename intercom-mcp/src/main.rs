//! `intercom-mcp`: an MCP server exposing Intercom to AI agents through the typed client
//! (`intercom_api::Client`), over stdio or, with `--http ADDR`, MCP's streamable HTTP transport
//! behind a bearer secret: the tools of seed 003 and the write workflows of seed 004, with input
//! schemas made from the generated request types, and optionally one tool per operation
//! (`--all-operations`). See the README's "MCP server" section.

#![forbid(unsafe_code)]

mod cli;
mod failure;
mod http;
mod input;
mod output;
mod registry;
mod schema;
mod server;
mod tool;
mod tools;

use std::process::ExitCode;

use intercom_api::{Client, ClientBuilder, RetryPolicy};
use rmcp::ServiceExt;

use crate::cli::{Command, Options};
use crate::registry::{Extra, Registry};
use crate::server::Server;

fn main() -> ExitCode {
    let command = cli::parse(
        std::env::args().skip(1),
        std::env::var(cli::MAX_RETRIES_ENV).ok(),
    );
    let result = match command {
        Ok(Command::Help) => {
            print!("{}", cli::USAGE);
            Ok(())
        }
        Ok(Command::Version) => {
            println!("intercom-mcp {}", env!("CARGO_PKG_VERSION"));
            Ok(())
        }
        Ok(Command::ListTools(options)) => list_tools(&options),
        Ok(Command::Serve(options)) => serve(&options),
        Err(message) => {
            eprintln!("intercom-mcp: {message}");
            return ExitCode::from(2);
        }
    };
    match result {
        Ok(()) => ExitCode::SUCCESS,
        Err(message) => {
            eprintln!("intercom-mcp: {message}");
            ExitCode::FAILURE
        }
    }
}

fn extra(options: &Options) -> Extra {
    if options.all_operations {
        Extra::AllOperations
    } else if !options.namespaces.is_empty() {
        Extra::Namespaces(options.namespaces.clone())
    } else {
        Extra::Nothing
    }
}

/// One line per tool: its name, the sources of its schema and its description.
fn list_tools(options: &Options) -> Result<(), String> {
    let registry = Registry::new(&extra(options))?;
    for entry in registry.entries() {
        let description = entry.tool.description.as_deref().unwrap_or_default();
        println!("{}\t{}\t{description}", entry.tool.name, entry.sources());
    }
    Ok(())
}

/// The client: token and base URL from the environment, as `ClientBuilder::from_env` reads
/// them; the retry count from the options.
fn client(options: &Options) -> Result<Client, String> {
    let mut builder = ClientBuilder::from_env().map_err(|e| e.to_string())?;
    if let Some(max_retries) = options.max_retries {
        builder = builder.retry_policy(RetryPolicy {
            max_retries,
            ..RetryPolicy::default()
        });
    }
    builder.build().map_err(|e| e.to_string())
}

fn serve(options: &Options) -> Result<(), String> {
    let registry = Registry::new(&extra(options))?;
    if let Some(addr) = options.http {
        // The secret first: no HTTP server without one.
        let secret = http::Secret::from_env(options.auth_env())?;
        let server = Server::new(client(options)?, registry);
        let runtime = tokio::runtime::Builder::new_multi_thread()
            .enable_all()
            .build()
            .map_err(|e| format!("cannot start the async runtime: {e}"))?;
        return runtime.block_on(http::serve(addr, server, secret));
    }
    let client = client(options)?;
    let runtime = tokio::runtime::Builder::new_current_thread()
        .enable_all()
        .build()
        .map_err(|e| format!("cannot start the async runtime: {e}"))?;
    runtime.block_on(async move {
        let service = Server::new(client, registry)
            .serve(rmcp::transport::stdio())
            .await
            .map_err(|e| format!("MCP initialisation failed: {e}"))?;
        service
            .waiting()
            .await
            .map_err(|e| format!("the server stopped: {e}"))?;
        Ok(())
    })
}
