//! Contacts: create (and attach to a company), get, update, list, search, delete. Every call
//! into the client for these tools is in `call` and the functions below it.

use intercom_api::models::{
    AttachContactToACompanyRequest, CreateContactRequest, UpdateContactRequest,
};
use intercom_api::search::{Contacts, Search};
use intercom_api::Client;
use serde_json::json;

use crate::failure::Failure;
use crate::input::Input;
use crate::output::{page_summary, Output};
use crate::tool::{Param, Tool};

const CUSTOM_ATTRIBUTES: &str =
    "Custom attributes as JSON object (e.g., {\"attribute_name\": \"value\"})";
const COMPANY_NOTE: &str =
    "The contact is then attached to this company (a second request the tool makes).";

/// The contact parameters create and update share, after `role`.
const FIELDS: [Param; 11] = [
    Param::body("email", &["email"]).describe("The contact's email address"),
    Param::body("external_id", &["external_id"]),
    Param::body("phone", &["phone"]).describe("The contact's phone number"),
    Param::body("name", &["name"]).describe("The contact's name"),
    Param::body("avatar", &["avatar"]),
    Param::body("signed_up_at", &["signed_up_at"]),
    Param::body("last_seen_at", &["last_seen_at"]),
    Param::body("owner_id", &["owner_id"]),
    Param::body("unsubscribed_from_emails", &["unsubscribed_from_emails"]),
    Param::body("custom_attributes", &["custom_attributes"])
        .describe(CUSTOM_ATTRIBUTES)
        .json_object(),
    Param::other("company_id", "attachContactToACompany", &["id"]).note(COMPANY_NOTE),
];

const CREATE: &[Param] = &{
    let [email, external_id, phone, name, avatar, signed_up_at, last_seen_at, owner_id, unsubscribed, custom, company] =
        FIELDS;
    [
        Param::body("role", &["role"]).describe(
            "The role of the contact. Accepts 'user' or 'lead'. Defaults to 'lead' if not specified.",
        ),
        email,
        external_id,
        phone,
        name,
        avatar,
        signed_up_at,
        last_seen_at,
        owner_id,
        unsubscribed,
        custom,
        company,
    ]
};

const UPDATE: &[Param] = &{
    let [email, external_id, phone, name, avatar, signed_up_at, last_seen_at, owner_id, unsubscribed, custom, company] =
        FIELDS;
    [
        Param::path("contactId", "contact_id"),
        Param::body("role", &["role"])
            .describe("The role of the contact. Accepts 'user' or 'lead'."),
        external_id,
        email,
        phone,
        name,
        avatar,
        signed_up_at,
        last_seen_at,
        owner_id,
        unsubscribed,
        custom,
        company,
    ]
};

const SEARCH: &[Param] = &[
    Param::body("query", &["query"])
        .required()
        .describe("Search query (e.g., {\"field\":\"email\",\"operator\":\"=\",\"value\":\"user@example.com\"})")
        .json_object(),
    Param::body("per_page", &["pagination", "per_page"]),
    Param::body("starting_after", &["pagination", "starting_after"]),
    Param::body("sort_field", &["sort", "field"])
        .describe("Field to sort by (e.g., \"name\", \"created_at\", \"last_seen_at\")"),
    Param::body("sort_order", &["sort", "order"]).describe("Sort order: \"ascending\" or \"descending\""),
];

/// The tools.
pub const TOOLS: &[Tool] = &[
    Tool {
        name: "create_contact",
        description: "Create a new contact in Intercom with email, external_id, or role. Returns API-aligned fields only.",
        operation: "CreateContact",
        variant: None,
        params: CREATE,
        read_only: false,
    },
    Tool {
        name: "get_contact",
        description: "Get a single contact by ID from Intercom. Returns API-aligned fields only.",
        operation: "ShowContact",
        variant: None,
        params: &[Param::path("contactId", "contact_id")],
        read_only: true,
    },
    Tool {
        name: "update_contact",
        description: "Update an existing contact in Intercom. Returns API-aligned fields only.",
        operation: "UpdateContact",
        variant: None,
        params: UPDATE,
        read_only: false,
    },
    Tool {
        name: "list_contacts",
        description: "List all contacts from Intercom with pagination support",
        operation: "ListContacts",
        variant: None,
        params: &[
            Param::query("per_page", "per_page"),
            Param::query("starting_after", "starting_after"),
        ],
        read_only: true,
    },
    Tool {
        name: "search_contacts",
        description: "Search for contacts in Intercom using a query",
        operation: "SearchContacts",
        variant: None,
        params: SEARCH,
        read_only: true,
    },
    Tool {
        name: "delete_contact",
        description: "Delete a contact from Intercom by ID. Returns API-aligned fields only.",
        operation: "DeleteContact",
        variant: None,
        params: &[Param::path("contactId", "contact_id")],
        read_only: false,
    },
];

/// Runs tool `name`.
pub async fn call(client: &Client, name: &str, input: Input) -> Result<Output, Failure> {
    match name {
        "create_contact" => {
            let body: CreateContactRequest = input.body(json!({}))?;
            let company = company(&input)?;
            let contact = client.contacts().create(body).send().await?;
            let attached = attach(client, &contact.id, company).await?;
            let who = contact
                .email
                .as_deref()
                .or(contact.name.as_deref())
                .unwrap_or("no email");
            Output::new(
                &contact,
                format!("Created contact {} ({who}){attached}.", contact.id),
            )
        }
        "get_contact" => {
            let id: String = input.require("contactId")?;
            let contact = client.contacts().find(&id).send().await?;
            let who = contact
                .email
                .as_deref()
                .or(contact.name.as_deref())
                .unwrap_or("no email");
            Output::new(&contact, format!("Contact {} ({who}).", contact.id))
        }
        "update_contact" => {
            let id: String = input.require("contactId")?;
            let body: UpdateContactRequest = input.body(json!({}))?;
            let company = company(&input)?;
            let contact = client.contacts().update(&id, body).send().await?;
            let attached = attach(client, &contact.id, company).await?;
            Output::new(
                &contact,
                format!("Updated contact {}{attached}.", contact.id),
            )
        }
        "list_contacts" => {
            let mut request = client.contacts().list();
            if let Some(per_page) = input.get::<i64>("per_page")? {
                request = request.per_page(per_page);
            }
            if let Some(cursor) = input.get::<String>("starting_after")? {
                request = request.starting_after(cursor);
            }
            let list = request.send().await?;
            let count = list.data.as_ref().map_or(0, Vec::len);
            Output::new(&list, page_summary("contacts", count, list.total_count))
        }
        "search_contacts" => {
            let body: Search<Contacts> = input.body(json!({}))?;
            let list = client.contacts().search(body).send().await?;
            let count = list.data.as_ref().map_or(0, Vec::len);
            Output::new(
                &list,
                page_summary("matching contacts", count, list.total_count),
            )
        }
        "delete_contact" => {
            let id: String = input.require("contactId")?;
            let deleted = client.contacts().delete(&id).send().await?;
            Output::new(&deleted, format!("Deleted contact {}.", deleted.id))
        }
        _ => Err(Failure::unknown_tool(name)),
    }
}

/// The `company_id` to attach the contact to, read before the first request.
fn company(input: &Input) -> Result<Option<AttachContactToACompanyRequest>, Failure> {
    Ok(input
        .get::<String>("company_id")?
        .map(AttachContactToACompanyRequest::new))
}

/// Attaches contact `id` to the company, if one was given; the text to add to the summary.
async fn attach(
    client: &Client,
    id: &str,
    company: Option<AttachContactToACompanyRequest>,
) -> Result<String, Failure> {
    let Some(company) = company else {
        return Ok(String::new());
    };
    let attached = client
        .companies().attach_contact(id, company)
        .send()
        .await
        .map_err(|e| {
            Failure::from(e).context(format!(
                "contact {id} was saved, but attaching it to the company failed (do not create it again)"
            ))
        })?;
    Ok(format!(
        ", attached to company {} ({})",
        attached.id, attached.name
    ))
}
