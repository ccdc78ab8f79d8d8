//! Companies: attach a contact to a company and detach it, by Intercom ids.
//!
//! Creating or updating, reading and listing companies need no wrapper:
//! `client.companies().create_or_update().body(CreateOrUpdateCompanyRequest::new().company_id("acme"))`,
//! `client.companies().find(id)`, `client.companies().retrieve().company_id("acme")` and
//! `client.companies().list()` (with `.items()` for every page).
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

use crate::IntoId;

use crate::models::AttachContactToACompanyRequest;
use crate::operations::{CompaniesAttachContact, CompaniesDetachContact};
use crate::Client;

impl Client {
    /// Attaches a contact to a company (the company's Intercom id, not your `company_id`):
    /// `POST /contacts/{contact_id}/companies` with `{"id": company_id}`.
    pub fn attach_contact_to_company(
        &self,
        contact_id: impl IntoId,
        company_id: impl Into<String>,
    ) -> CompaniesAttachContact<'_> {
        self.companies()
            .attach_contact(contact_id, AttachContactToACompanyRequest::new(company_id))
    }

    /// Detaches a contact from a company (the company's Intercom id):
    /// `DELETE /contacts/{contact_id}/companies/{company_id}`.
    pub fn detach_contact_from_company(
        &self,
        contact_id: impl IntoId,
        company_id: impl IntoId,
    ) -> CompaniesDetachContact<'_> {
        self.companies().detach_contact(contact_id, company_id)
    }
}
