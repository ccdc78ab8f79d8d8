//! The generated surfaces the conformance test drives: the stable one (the pinned version) and
//! Preview (feature `preview`, generated from `descriptions/0`). Both call tables share `Call`
//! and `Answer`.

use intercom_api::conformance::{Answer, Call};
use intercom_api::{Client, Error};

use crate::probe::Tweaks;

/// One generated surface.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Surface {
    /// `client.contacts()…`, from the pinned description.
    Stable,
    /// `client.preview().contacts()…`, from the Preview description.
    Preview,
}

impl Surface {
    /// The `Intercom-Version` its requests send.
    pub fn version(self) -> &'static str {
        match self {
            Surface::Stable => intercom_api::API_VERSION,
            Surface::Preview => intercom_api::preview::API_VERSION,
        }
    }

    /// Every operation id of its call table.
    pub fn operations(self) -> &'static [&'static str] {
        match self {
            Surface::Stable => intercom_api::conformance::OPERATIONS,
            Surface::Preview => intercom_api::preview::conformance::OPERATIONS,
        }
    }

    /// Calls `operation_id` through its generated builder; `None` for an unknown id.
    pub async fn call(
        self,
        client: &Client,
        operation_id: &str,
        call: &Call,
    ) -> Option<Result<Answer, Error>> {
        // Each table's `call` is one future over hundreds of operations: boxed, so its size
        // (large in debug builds) is not on the test thread's stack.
        match self {
            Surface::Stable => {
                Box::pin(intercom_api::conformance::call(client, operation_id, call)).await
            }
            Surface::Preview => {
                Box::pin(intercom_api::preview::conformance::call(
                    client,
                    operation_id,
                    call,
                ))
                .await
            }
        }
    }

    /// The operations Prism cannot take even as the spec's own examples send them, with why;
    /// reported, not counted as validated. An entry that validates fails the test.
    pub fn unvalidatable(self) -> &'static [(&'static str, &'static str)] {
        match self {
            Surface::Stable => &[],
            Surface::Preview => crate::fixes::PREVIEW_UNVALIDATABLE,
        }
    }

    /// The generator options it was generated with (the description, overrides and names).
    pub fn options(self) -> codegen::Options {
        match self {
            Surface::Stable => codegen::testing::options(intercom_api::API_VERSION),
            Surface::Preview => codegen::testing::preview_options(),
        }
    }

    /// Requests sent as the spec describes them, with this surface's version.
    pub fn tweaks(self) -> Tweaks<'static> {
        Tweaks {
            default_version: Some(self.version()),
            ..Tweaks::default()
        }
    }
}
