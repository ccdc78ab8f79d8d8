//! Companies: create or update, get, list, and attaching or detaching a contact. Every call
//! into the client for these tools is in `call`.

use intercom_api::models::{AttachContactToACompanyRequest, CreateOrUpdateCompanyRequest};
use intercom_api::Client;
use serde_json::json;

use crate::failure::Failure;
use crate::input::Input;
use crate::output::{page_summary, Output};
use crate::tool::{Param, Tool};

const CREATE_OR_UPDATE: &[Param] = &[
    Param::body("company_id", &["company_id"]).required(),
    Param::body("name", &["name"]),
    Param::body("website", &["website"]),
    Param::body("plan", &["plan"]),
    Param::body("size", &["size"]),
    Param::body("industry", &["industry"]),
    Param::body("monthly_spend", &["monthly_spend"])
        .describe("How much revenue the company generates for your business. Note: This field truncates floats to whole integers (e.g., 155.98 becomes 155)")
        .truncated(),
    Param::body("custom_attributes", &["custom_attributes"]).json_object(),
    Param::body("remote_created_at", &["remote_created_at"]),
];

/// The tools.
pub const TOOLS: &[Tool] = &[
    Tool {
        name: "create_or_update_company",
        description: "Create or update a company in Intercom",
        operation: "createOrUpdateCompany",
        variant: None,
        params: CREATE_OR_UPDATE,
        read_only: false,
    },
    Tool {
        name: "get_company",
        description: "Retrieve a single company by ID from Intercom",
        operation: "RetrieveACompanyById",
        variant: None,
        params: &[Param::path("companyId", "company_id")],
        read_only: true,
    },
    Tool {
        name: "list_companies",
        description: "List all companies from Intercom with pagination support. Note: This endpoint has a limit of 10,000 companies that can be returned using pagination. For datasets larger than 10,000 companies, use the Scroll API instead.",
        operation: "listAllCompanies",
        variant: None,
        params: &[Param::query("per_page", "per_page"), Param::query("page", "page")],
        read_only: true,
    },
    Tool {
        name: "attach_contact_to_company",
        description: "Attach a contact to a company in Intercom",
        operation: "attachContactToACompany",
        variant: None,
        params: &[
            Param::path("contactId", "contact_id"),
            Param::body("companyId", &["id"]).required(),
        ],
        read_only: false,
    },
    Tool {
        name: "detach_contact_from_company",
        description: "Remove a contact from a company in Intercom",
        operation: "detachContactFromACompany",
        variant: None,
        params: &[
            Param::path("contactId", "contact_id"),
            Param::path("companyId", "company_id"),
        ],
        read_only: false,
    },
];

/// Runs tool `name`.
pub async fn call(client: &Client, name: &str, input: Input) -> Result<Output, Failure> {
    match name {
        "create_or_update_company" => {
            let body: CreateOrUpdateCompanyRequest = input.body(json!({}))?;
            let company = client
                .companies()
                .create_or_update()
                .body(body)
                .send()
                .await?;
            Output::new(
                &company,
                format!(
                    "Saved company {} ({}, company_id {}).",
                    company.id, company.name, company.company_id
                ),
            )
        }
        "get_company" => {
            let id: String = input.require("companyId")?;
            let company = client.companies().find(&id).send().await?;
            Output::new(
                &company,
                format!("Company {} ({}).", company.id, company.name),
            )
        }
        "list_companies" => {
            let mut request = client.companies().list();
            if let Some(per_page) = input.get::<i64>("per_page")? {
                request = request.per_page(per_page);
            }
            if let Some(page) = input.get::<i64>("page")? {
                request = request.page(page);
            }
            let list = request.send().await?;
            let count = list.data.as_ref().map_or(0, Vec::len);
            Output::new(&list, page_summary("companies", count, list.total_count))
        }
        "attach_contact_to_company" => {
            let contact: String = input.require("contactId")?;
            let body: AttachContactToACompanyRequest = input.body(json!({}))?;
            let company = client
                .companies()
                .attach_contact(&contact, body)
                .send()
                .await?;
            Output::new(
                &company,
                format!(
                    "Attached contact {contact} to company {} ({}).",
                    company.id, company.name
                ),
            )
        }
        "detach_contact_from_company" => {
            let contact: String = input.require("contactId")?;
            let company_id: String = input.require("companyId")?;
            let company = client
                .companies()
                .detach_contact(&contact, &company_id)
                .send()
                .await?;
            Output::new(
                &company,
                format!(
                    "Detached contact {contact} from company {} ({}).",
                    company.id, company.name
                ),
            )
        }
        _ => Err(Failure::unknown_tool(name)),
    }
}
