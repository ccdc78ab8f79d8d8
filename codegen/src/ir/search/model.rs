//! What a search catalogue holds: the searchable fields of one operation, their names, types
//! and operators.

/// The searchable fields of one search endpoint.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct SearchCatalogue {
    /// The Rust name of the resource marker type (`Contacts`).
    pub resource: String,
    /// The Rust name of the type holding one constant or constructor per field (`ContactField`).
    pub field_type: String,
    /// `POST`.
    pub method: String,
    /// `/contacts/search`.
    pub path: String,
    /// The operation id (`SearchContacts`).
    pub operation_id: String,
    /// The generated call of the operation (`contacts().search`).
    pub call: String,
    /// The fields in table order.
    pub fields: Vec<SearchField>,
}

/// One row of a fields table.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct SearchField {
    /// The field as written in the table.
    pub name: FieldName,
    /// Text of the type cell after the type (`Accepts user or lead`), if any.
    pub note: Option<String>,
    /// One entry per type the field accepts (several for `String or Boolean or …`).
    pub kinds: Vec<SearchKind>,
}

/// A field name: fixed (`location.city`) or a template with one placeholder
/// (`custom_attributes.{attribute_name}`).
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum FieldName {
    /// A fixed dotted path.
    Fixed(String),
    /// `prefix{placeholder}suffix`.
    Template {
        /// Text before the placeholder (`custom_attributes.`).
        prefix: String,
        /// The placeholder's name (`attribute_name`).
        placeholder: String,
        /// Text after the placeholder (usually empty).
        suffix: String,
    },
}

impl FieldName {
    /// The name as the table writes it.
    pub fn spec(&self) -> String {
        match self {
            FieldName::Fixed(path) => path.clone(),
            FieldName::Template {
                prefix,
                placeholder,
                suffix,
            } => format!("{prefix}{{{placeholder}}}{suffix}"),
        }
    }
}

/// One type a field accepts, with the Rust name it gets and its allowed operators.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct SearchKind {
    /// The value type.
    pub ty: SearchType,
    /// The Rust name: a SHOUTY constant for fixed fields, a snake_case constructor for templates;
    /// suffixed with the type when the field accepts several.
    pub ident: String,
    /// The operators Intercom documents for this field and type, in [`SearchOperator::ALL`] order.
    pub operators: Vec<SearchOperator>,
    /// The generated string enum whose values the field takes (`ConversationPriority`), when
    /// the field is a `String` property of the search's result typed as an enum (see
    /// [`link_enums`](super::link_enums)); `None` for a free string.
    pub enum_type: Option<String>,
}

/// The value types of the tables.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum SearchType {
    /// `String`.
    String,
    /// `Integer`.
    Integer,
    /// `Float`.
    Float,
    /// `Boolean`.
    Boolean,
    /// `Date (UNIX Timestamp)`: Unix seconds matched by calendar day on contacts.
    Date,
    /// `Datetime (Unix timestamp in seconds)`: Unix seconds matched to the second.
    Datetime,
}

impl SearchType {
    /// The word the tables use.
    pub fn spec(self) -> &'static str {
        match self {
            SearchType::String => "String",
            SearchType::Integer => "Integer",
            SearchType::Float => "Float",
            SearchType::Boolean => "Boolean",
            SearchType::Date => "Date",
            SearchType::Datetime => "Datetime",
        }
    }
}

/// The search operators, in the order catalogues list them.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum SearchOperator {
    /// `=`
    Eq,
    /// `!=`
    Ne,
    /// `IN`
    In,
    /// `NIN`
    Nin,
    /// `>`
    Gt,
    /// `>=`
    Ge,
    /// `<`
    Lt,
    /// `<=`
    Le,
    /// `~`
    Contains,
    /// `!~`
    NotContains,
    /// `^`
    StartsWith,
    /// `$`
    EndsWith,
}

impl SearchOperator {
    /// Every operator, in catalogue order.
    pub const ALL: [SearchOperator; 12] = [
        SearchOperator::Eq,
        SearchOperator::Ne,
        SearchOperator::In,
        SearchOperator::Nin,
        SearchOperator::Gt,
        SearchOperator::Ge,
        SearchOperator::Lt,
        SearchOperator::Le,
        SearchOperator::Contains,
        SearchOperator::NotContains,
        SearchOperator::StartsWith,
        SearchOperator::EndsWith,
    ];

    /// The operator as sent (`!=`, `IN`).
    pub fn wire(self) -> &'static str {
        match self {
            SearchOperator::Eq => "=",
            SearchOperator::Ne => "!=",
            SearchOperator::In => "IN",
            SearchOperator::Nin => "NIN",
            SearchOperator::Gt => ">",
            SearchOperator::Ge => ">=",
            SearchOperator::Lt => "<",
            SearchOperator::Le => "<=",
            SearchOperator::Contains => "~",
            SearchOperator::NotContains => "!~",
            SearchOperator::StartsWith => "^",
            SearchOperator::EndsWith => "$",
        }
    }

    /// The Rust variant name (`Ne`), as for the spec's operator enum.
    pub fn variant(self) -> String {
        crate::ir::variant_name(self.wire())
    }

    /// Parses the operator as the tables write it.
    pub fn parse(text: &str) -> Option<SearchOperator> {
        Self::ALL.into_iter().find(|op| op.wire() == text)
    }
}
