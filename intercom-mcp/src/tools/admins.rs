//! Admins: list. Every call into the client for this tool is in `call`.

use intercom_api::Client;

use crate::failure::Failure;
use crate::input::Input;
use crate::output::Output;
use crate::tool::Tool;

/// The tools.
pub const TOOLS: &[Tool] = &[Tool {
    name: "list_admins",
    description: "Fetch a list of all admins for the workspace",
    operation: "listAdmins",
    variant: None,
    params: &[],
    read_only: true,
}];

/// Runs tool `name`.
pub async fn call(client: &Client, name: &str, _input: Input) -> Result<Output, Failure> {
    match name {
        "list_admins" => {
            let list = client.admins().list().send().await?;
            let count = list.admins.as_ref().map_or(0, Vec::len);
            Output::new(&list, format!("{count} admins."))
        }
        _ => Err(Failure::unknown_tool(name)),
    }
}
