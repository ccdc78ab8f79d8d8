//! How a curated tool is declared: its name, description and operation, and for each flat
//! parameter where its schema comes from and how its value is given. The tools' tables
//! (`crate::tools`), the schemas made from them (`crate::schema`) and the argument checks
//! (`crate::input`) all read these types; this module reads none of them.

/// A tool: its name and description, and where its parameters come from.
#[derive(Debug)]
pub struct Tool {
    /// The tool name.
    pub name: &'static str,
    /// What it does (the seed's description).
    pub description: &'static str,
    /// The operation id whose generated schema describes the parameters.
    pub operation: &'static str,
    /// The title (Rust type name) of the body alternative the tool sends, for union bodies.
    pub variant: Option<&'static str>,
    /// The parameters, in the seed's order.
    pub params: &'static [Param],
    /// Whether it only reads.
    pub read_only: bool,
}

/// One flat parameter of a tool.
#[derive(Debug, Clone, Copy)]
pub struct Param {
    /// The name the agent uses (the seed's).
    pub name: &'static str,
    /// Where its schema comes from and where its value goes.
    pub source: Source,
    /// Whether the agent must give it (the seed's flag).
    pub required: bool,
    /// The seed's description; `None` keeps the spec's.
    pub description: Option<&'static str>,
    /// Added to the description (what the tool does with the value).
    pub note: Option<&'static str>,
    /// Given as JSON text (the seed's convenience for objects and lists).
    pub json: Json,
    /// Accepts any number and truncates it to an integer (the seed's `monthly_spend`).
    pub truncate: bool,
}

/// Where a parameter's schema comes from, and where its value goes.
#[derive(Debug, Clone, Copy)]
pub enum Source {
    /// A path parameter of the tool's operation.
    Path(&'static str),
    /// A query parameter of the tool's operation.
    Query(&'static str),
    /// A property of the tool's operation's body (a path through nested objects).
    Body(&'static [&'static str]),
    /// A property of another operation's body: the tool makes that call too.
    Other(&'static str, &'static [&'static str]),
    /// No schema in the spec: a JSON type written here, the value read by the tool.
    Hand(&'static str),
}

/// How a parameter's value is given.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Json {
    /// As the schema says.
    No,
    /// A JSON object, as text (or as an object).
    Object,
    /// A JSON array, as text (or as an array).
    Array,
    /// A JSON array, as text (or as an array), or a comma-separated list of strings.
    List,
}

impl Param {
    const fn new(name: &'static str, source: Source) -> Param {
        Param {
            name,
            source,
            required: false,
            description: None,
            note: None,
            json: Json::No,
            truncate: false,
        }
    }

    /// A path parameter, required.
    pub const fn path(name: &'static str, wire: &'static str) -> Param {
        Param::new(name, Source::Path(wire)).required()
    }

    /// A query parameter.
    pub const fn query(name: &'static str, wire: &'static str) -> Param {
        Param::new(name, Source::Query(wire))
    }

    /// A body property.
    pub const fn body(name: &'static str, at: &'static [&'static str]) -> Param {
        Param::new(name, Source::Body(at))
    }

    /// A body property of another operation.
    pub const fn other(
        name: &'static str,
        operation: &'static str,
        at: &'static [&'static str],
    ) -> Param {
        Param::new(name, Source::Other(operation, at))
    }

    /// A parameter the spec has no schema for.
    pub const fn hand(name: &'static str, json_type: &'static str) -> Param {
        Param::new(name, Source::Hand(json_type))
    }

    /// The agent must give it.
    pub const fn required(self) -> Param {
        Param {
            required: true,
            ..self
        }
    }

    /// The seed's description.
    pub const fn describe(self, text: &'static str) -> Param {
        Param {
            description: Some(text),
            ..self
        }
    }

    /// A remark added to the description.
    pub const fn note(self, text: &'static str) -> Param {
        Param {
            note: Some(text),
            ..self
        }
    }

    /// Given as a JSON object in text.
    pub const fn json_object(self) -> Param {
        Param {
            json: Json::Object,
            ..self
        }
    }

    /// Given as a JSON array in text.
    pub const fn json_array(self) -> Param {
        Param {
            json: Json::Array,
            ..self
        }
    }

    /// Given as a JSON array in text, or a comma-separated list.
    pub const fn json_list(self) -> Param {
        Param {
            json: Json::List,
            ..self
        }
    }

    /// Any number, truncated to an integer.
    pub const fn truncated(self) -> Param {
        Param {
            truncate: true,
            ..self
        }
    }
}
