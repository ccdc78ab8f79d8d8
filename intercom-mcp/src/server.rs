//! The MCP server: `tools/list` from the registry; `tools/call` checks the arguments, runs the
//! tool through the typed client and answers with its result or a tool error (never a
//! protocol error for a failed call, so the agent sees what went wrong).

use std::sync::Arc;

use intercom_api::Client;
use rmcp::model::{
    CallToolRequestParams, CallToolResponse, Implementation, ListToolsResult,
    PaginatedRequestParams, ServerCapabilities, ServerConfig,
};
use rmcp::service::RequestContext;
use rmcp::{ErrorData, RoleServer, ServerHandler};

use crate::input;
use crate::registry::{Registry, Target};
use crate::tools;

/// What the server tells the agent on `initialize`.
const INSTRUCTIONS: &str = "Tools for one Intercom workspace: contacts, companies, conversations, \
tickets, messages, admins, tags, notes, events and Help Center articles. Ids are Intercom's \
(find them with the list and search tools). A failed call returns Intercom's error codes, the \
HTTP status, the request id and advice; arguments are checked before anything is sent.";

/// The server: a client and the tools.
#[derive(Debug, Clone)]
pub struct Server {
    client: Client,
    registry: Arc<Registry>,
}

impl Server {
    /// A server calling Intercom through `client`, offering `registry`'s tools.
    pub fn new(client: Client, registry: Registry) -> Server {
        Server {
            client,
            registry: Arc::new(registry),
        }
    }
}

impl ServerHandler for Server {
    fn get_info(&self) -> ServerConfig {
        let mut config = ServerConfig::new(ServerCapabilities::builder().enable_tools().build());
        config.server_info = Implementation::new("intercom-mcp", env!("CARGO_PKG_VERSION"));
        config.instructions = Some(INSTRUCTIONS.to_string());
        config
    }

    async fn list_tools(
        &self,
        _request: Option<PaginatedRequestParams>,
        _context: RequestContext<RoleServer>,
    ) -> Result<ListToolsResult, ErrorData> {
        Ok(ListToolsResult::with_all_items(self.registry.listed()))
    }

    async fn call_tool(
        &self,
        request: CallToolRequestParams,
        _context: RequestContext<RoleServer>,
    ) -> Result<CallToolResponse, ErrorData> {
        let Some(entry) = self.registry.get(&request.name) else {
            return Err(ErrorData::invalid_params(
                format!("unknown tool `{}`", request.name),
                None,
            ));
        };
        let params = match entry.target {
            Target::Curated(_, tool) => tool.params,
            Target::Operation(_) => &[],
        };
        let result = match input::check(&entry.slots, params, request.arguments) {
            Err(failure) => Err(failure),
            Ok(input) => match entry.target {
                Target::Curated(group, tool) => {
                    tools::call(&self.client, group, tool.name, input).await
                }
                Target::Operation(op) => tools::all::call(&self.client, op, input).await,
            },
        };
        let result = match result {
            Ok(output) => output.into_result(),
            Err(failure) => failure.into_result(),
        };
        Ok(result.into())
    }
}
