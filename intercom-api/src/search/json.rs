//! A search read from JSON: what `dispatch` (behind the MCP server) and `conformance` decode a
//! search body into, so that a search from JSON is checked like a typed one.
//!
//! The JSON is Intercom's search body (`query`, `pagination`, `sort`). Its values are kept as
//! given and sent unchanged (`"high"`, `12345`, `["a", "b"]`); the structure is checked when
//! it is read (known operators, `IN`/`NIN` with a list, groups of queries, no unknown keys),
//! and the limits before sending ([`Query::validate`](super::Query::validate)). A field read
//! from JSON is not looked up in the catalogue, so its operators are Intercom's to check, as
//! for [`Field::unlisted`](super::Field::unlisted).

use std::borrow::Cow;

use serde::de::{Deserialize, Deserializer, Error as _};
use serde_json::{Map, Value};

use super::operator::{Combinator, Operator, Order};
use super::query::Query;
use super::request::Search;
use super::tree::{Filter, Node};
use super::value::{Operand, Scalar};

/// What [`Invalid`](super::Invalid) and messages call a field read from JSON.
const KIND: &str = "JSON";

impl<'de, R> Deserialize<'de> for Search<R> {
    fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        let value = Value::deserialize(deserializer)?;
        search(value).map_err(D::Error::custom)
    }
}

fn search<R>(value: Value) -> Result<Search<R>, String> {
    let mut body = object(value, "a search body")?;
    let query = body
        .remove("query")
        .ok_or("a search body needs a `query`")?;
    let mut search = Search::new(Query::from_node(node(query)?));
    if let Some(pagination) = body.remove("pagination") {
        let mut pagination = object(pagination, "`pagination`")?;
        if let Some(per_page) = pagination.remove("per_page") {
            let per_page = per_page
                .as_u64()
                .and_then(|n| u32::try_from(n).ok())
                .ok_or("`pagination.per_page` must be a positive integer")?;
            search = search.per_page(per_page);
        }
        if let Some(cursor) = pagination.remove("starting_after") {
            match cursor {
                Value::Null => {}
                Value::String(cursor) => search = search.starting_after(cursor),
                _ => return Err("`pagination.starting_after` must be a string".into()),
            }
        }
        no_more(&pagination, "`pagination`")?;
    }
    if let Some(sort) = body.remove("sort") {
        let mut sort = object(sort, "`sort`")?;
        let field = match sort.remove("field") {
            Some(Value::String(field)) => field,
            _ => return Err("`sort.field` must be a string".into()),
        };
        let order = match sort.remove("order").as_ref().and_then(Value::as_str) {
            Some("ascending") => Order::Ascending,
            Some("descending") => Order::Descending,
            _ => return Err("`sort.order` must be `ascending` or `descending`".into()),
        };
        no_more(&sort, "`sort`")?;
        search = search.sort_by(field, order);
    }
    no_more(&body, "a search body")?;
    Ok(search)
}

/// A filter `{field, operator, value}` or a group `{operator: AND|OR, value: [...]}`.
fn node(value: Value) -> Result<Node, String> {
    let mut map = object(value, "a query")?;
    let operator = match map.remove("operator") {
        Some(Value::String(operator)) => operator,
        _ => return Err("a query needs an `operator` string".into()),
    };
    let value = map.remove("value").ok_or("a query needs a `value`")?;
    let node = match map.remove("field") {
        None => {
            let combinator = match operator.as_str() {
                "AND" => Combinator::And,
                "OR" => Combinator::Or,
                other => {
                    return Err(format!(
                    "a group's operator is `AND` or `OR`, not `{other}` (a filter needs a `field`)"
                ))
                }
            };
            let Value::Array(items) = value else {
                return Err(format!(
                    "an {combinator} group's `value` must be a list of queries"
                ));
            };
            let nodes = items.into_iter().map(node).collect::<Result<_, _>>()?;
            Node::Group(combinator, nodes)
        }
        Some(Value::String(field)) => {
            let operator = Operator::parse(&operator)
                .ok_or_else(|| format!("`{field}`: unknown operator `{operator}`"))?;
            let listed = matches!(operator, Operator::In | Operator::Nin);
            let operand = match value {
                Value::Array(values) if listed => {
                    Operand::Many(values.into_iter().map(Scalar::Json).collect())
                }
                Value::Array(_) => {
                    return Err(format!(
                        "`{field}`: `{operator}` takes one value, not a list"
                    ))
                }
                _ if listed => return Err(format!("`{field}`: `{operator}` takes a list")),
                value => Operand::One(Scalar::Json(value)),
            };
            Node::Filter(Filter {
                field: Cow::Owned(field),
                kind: KIND,
                allowed: None,
                operator,
                operand,
            })
        }
        Some(_) => return Err("a filter's `field` must be a string".into()),
    };
    no_more(&map, "a query")?;
    Ok(node)
}

fn object(value: Value, what: &str) -> Result<Map<String, Value>, String> {
    match value {
        Value::Object(map) => Ok(map),
        _ => Err(format!("{what} must be a JSON object")),
    }
}

fn no_more(map: &Map<String, Value>, what: &str) -> Result<(), String> {
    match map.keys().next() {
        None => Ok(()),
        Some(key) => Err(format!("{what} has an unknown key `{key}`")),
    }
}
