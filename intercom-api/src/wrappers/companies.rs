//! Companies on `client.companies()`: add a contact to a company and remove it, by Intercom
//! ids (the company's `id`, not your `company_id`).
//!
//! Both take the company first; ids are anything [`IntoId`] accepts: `"123"`, a `String`,
//! `&String` or an integer. Creating or updating, reading and listing companies need no
//! wrapper: `client.companies().create_or_update().body(request)` (a
//! `CreateOrUpdateCompanyRequest` with your `company_id`), `client.companies().find(id)`,
//! `client.companies().retrieve().company_id("acme")` and `client.companies().list()` (with
//! `.items()` for every page).
//!
//! ```no_run
//! # async fn run(client: intercom_api::Client) -> Result<(), intercom_api::Error> {
//! let companies = client.companies();
//! let (company, contact) = ("6762f09a1bb69f9f2193bb34", "6762f0dd1bb69f9f2193bb83");
//! let joined = companies.add_contact(company, contact).send().await?;
//! println!("{:?} now has {:?} users", joined.name, joined.user_count);
//! companies.remove_contact(company, contact).send().await?;
//! # Ok(()) }
//! ```

use crate::models::AttachContactToACompanyRequest;
use crate::operations::{Companies, CompaniesAttachContact, CompaniesDetachContact};
use crate::IntoId;

impl<'a> Companies<'a> {
    /// Adds the contact `contact_id` to the company `company_id`:
    /// `POST /contacts/{contact_id}/companies` with `{"id": company_id}`.
    pub fn add_contact(
        &self,
        company_id: impl IntoId,
        contact_id: impl IntoId,
    ) -> CompaniesAttachContact<'a> {
        let company = AttachContactToACompanyRequest::new(company_id);
        self.attach_contact(contact_id, company)
    }

    /// Removes the contact `contact_id` from the company `company_id`:
    /// `DELETE /contacts/{contact_id}/companies/{company_id}`.
    pub fn remove_contact(
        &self,
        company_id: impl IntoId,
        contact_id: impl IntoId,
    ) -> CompaniesDetachContact<'a> {
        self.detach_contact(contact_id, company_id)
    }
}
