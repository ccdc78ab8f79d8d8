//! Companies: attach a contact to a company and detach it, by Intercom ids.
//!
//! Creating or updating, reading and listing companies need no wrapper:
//! `client.create_or_update_company().body(CreateOrUpdateCompanyRequest::new().company_id("acme"))`,
//! `client.retrieve_a_company_by_id(id)`, `client.retrieve_company().company_id("acme")` and
//! `client.list_all_companies()` (with `.items()` for every page).
//!
//! ```no_run
//! # async fn run(client: intercom_api::Client) -> Result<(), intercom_api::Error> {
//! let company = client
//!     .attach_contact_to_company("6762f0dd1bb69f9f2193bb83", "6762f09a1bb69f9f2193bb34")
//!     .send()
//!     .await?;
//! println!("{:?} now has {:?} users", company.name, company.user_count);
//! client
//!     .detach_contact_from_company("6762f0dd1bb69f9f2193bb83", "6762f09a1bb69f9f2193bb34")
//!     .send()
//!     .await?;
//! # Ok(()) }
//! ```

use std::fmt::Display;

use crate::models::AttachContactToACompanyRequest;
use crate::operations::{AttachContactToACompany, DetachContactFromACompany};
use crate::Client;

impl Client {
    /// Attaches a contact to a company (the company's Intercom id, not your `company_id`):
    /// `POST /contacts/{contact_id}/companies` with `{"id": company_id}`.
    pub fn attach_contact_to_company(
        &self,
        contact_id: impl Display,
        company_id: impl Into<String>,
    ) -> AttachContactToACompany<'_> {
        self.attach_contact_to_a_company(
            contact_id,
            AttachContactToACompanyRequest::new(company_id),
        )
    }

    /// Detaches a contact from a company (the company's Intercom id):
    /// `DELETE /contacts/{contact_id}/companies/{company_id}`.
    pub fn detach_contact_from_company(
        &self,
        contact_id: impl Display,
        company_id: impl Display,
    ) -> DetachContactFromACompany<'_> {
        self.detach_contact_from_a_company(contact_id, company_id)
    }
}
