//! The curated tools: seed 003's 31 tools and the write workflows of seed 004, one file per
//! resource group. Each group has a table of [`Tool`]s (what the agent sees: names, seed
//! descriptions, where each parameter's schema comes from) and a `call` function holding every
//! call into the typed client that the group makes. The tables' types are in [`crate::tool`],
//! below both this module and the argument checks ([`crate::input`]).

mod admins;
pub mod all;
mod companies;
mod contacts;
mod conversations;
mod events;
mod help_center;
mod messages;
mod notes;
mod tags;
mod tickets;

use intercom_api::Client;

use crate::failure::Failure;
use crate::input::Input;
use crate::output::Output;
use crate::tool::Tool;

/// The resource group a curated tool belongs to (the file holding its client calls).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Group {
    Contacts,
    Companies,
    Conversations,
    Tickets,
    Messages,
    Admins,
    Tags,
    Notes,
    Events,
    HelpCenter,
}

/// Every curated tool with its group, in the README's order.
pub fn curated() -> impl Iterator<Item = (Group, &'static Tool)> {
    [
        (Group::Contacts, contacts::TOOLS),
        (Group::Companies, companies::TOOLS),
        (Group::Conversations, conversations::TOOLS),
        (Group::Tickets, tickets::TOOLS),
        (Group::Messages, messages::TOOLS),
        (Group::Admins, admins::TOOLS),
        (Group::Tags, tags::TOOLS),
        (Group::Notes, notes::TOOLS),
        (Group::Events, events::TOOLS),
        (Group::HelpCenter, help_center::TOOLS),
    ]
    .into_iter()
    .flat_map(|(group, tools)| tools.iter().map(move |tool| (group, tool)))
}

/// Runs curated tool `name` of `group` with validated `input`.
pub async fn call(
    client: &Client,
    group: Group,
    name: &str,
    input: Input,
) -> Result<Output, Failure> {
    match group {
        Group::Contacts => contacts::call(client, name, input).await,
        Group::Companies => companies::call(client, name, input).await,
        Group::Conversations => conversations::call(client, name, input).await,
        Group::Tickets => tickets::call(client, name, input).await,
        Group::Messages => messages::call(client, name, input).await,
        Group::Admins => admins::call(client, name, input).await,
        Group::Tags => tags::call(client, name, input).await,
        Group::Notes => notes::call(client, name, input).await,
        Group::Events => events::call(client, name, input).await,
        Group::HelpCenter => help_center::call(client, name, input).await,
    }
}
