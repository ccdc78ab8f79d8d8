//! The tools of `--all-operations`: any operation of the client, called through the generated
//! call table (`intercom_api::dispatch`), its typed answer serialized back.

use intercom_api::dispatch::{self, Call};
use intercom_api::schemas::OperationSchema;
use intercom_api::Client;
use serde_json::Value;

use crate::failure::Failure;
use crate::input::Input;
use crate::output::Output;

/// Calls `op` with the checked arguments: path, query and header parameters by name, the
/// body as `body`.
pub async fn call(client: &Client, op: &OperationSchema, input: Input) -> Result<Output, Failure> {
    let values = input.values();
    let mut call = Call::default();
    for name in op.path_params {
        let value = match values.get(*name) {
            Some(Value::String(text)) => text.clone(),
            Some(other) => other.to_string(),
            None => return Err(Failure::invalid(name, "required, but not given")),
        };
        call.path.push(value);
    }
    for name in op.query_params {
        if let Some(value) = values.get(*name) {
            call.query.insert((*name).to_string(), value.clone());
        }
    }
    for name in op.header_params {
        if let Some(value) = values.get(*name) {
            call.header_args.insert((*name).to_string(), value.clone());
        }
    }
    call.body = values.get("body").cloned();
    let answer = dispatch::call(client, op.id, &call)
        .await
        .ok_or_else(|| Failure::internal(format!("operation `{}` has no call", op.id)))??;
    let summary = format!("{} {}: done ({}).", op.method, op.path, op.summary);
    Ok(Output::json(answer, summary))
}
