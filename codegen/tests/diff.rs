//! `codegen::diff`: the classification of each kind of change on two tiny descriptions
//! (`diff_fixtures/`), and known lines of real version moves on the shared descriptions.

use std::path::PathBuf;

use codegen::diff::{Area, Report, What};

/// The surface of a fixture, without the project's override layer.
fn fixture(name: &str) -> codegen::surface::Surface {
    let options = codegen::Options {
        spec: PathBuf::from(env!("CARGO_MANIFEST_DIR"))
            .join("tests/diff_fixtures")
            .join(format!("{name}.yaml")),
        overrides: None,
        names: None,
        capabilities: None,
        version: name.to_string(),
        runtime: "crate".to_string(),
        channel: codegen::Channel::Stable,
    };
    codegen::describe(&options).unwrap_or_else(|e| panic!("{e}"))
}

/// The report from `from` to `to` of the shared descriptions, with the override layer of each.
fn versions(from: &str, to: &str) -> Report {
    let describe = |version: &str| {
        codegen::describe(&codegen::testing::options(version))
            .unwrap_or_else(|e| panic!("{version}: {e}"))
    };
    Report::compare(from, &describe(from), to, &describe(to))
}

/// `(breaking, line)` of every change.
fn lines(report: &Report) -> Vec<(bool, String)> {
    report
        .changes
        .iter()
        .map(|c| (c.breaking, c.text.clone()))
        .collect()
}

#[test]
fn every_kind_of_change_is_classified() {
    let report = Report::compare("before", &fixture("before"), "after", &fixture("after"));
    let expected: &[(bool, &str)] = &[
        (false, "`GET /gadgets` `gadgets().list`: added"),
        (
            true,
            "`GET /widgets` `widgets().list`: parameter `color` removed",
        ),
        (
            true,
            "`GET /widgets` `widgets().list`: parameter `page`: `i64` -> `String`",
        ),
        (
            true,
            "`GET /widgets` `widgets().list`: parameter `size` now required",
        ),
        (
            false,
            "`GET /widgets` `widgets().list`: optional parameter `per_page: i64` added",
        ),
        (
            true,
            "`POST /widgets` `widgets().create`: response `Widget` -> `Gadget`",
        ),
        (true, "`DELETE /widgets/{id}` `widgets().delete`: removed"),
        (false, "`Gadget`: struct added"),
        (true, "`OldThing`: struct removed"),
        (false, "`Triangle`: struct added"),
        (
            true,
            "`WidgetPriority`: removed priority, not_priority; added none, low, high",
        ),
        (
            false,
            "`WidgetShape`: alternatives added `Triangle(Triangle)`",
        ),
        (
            true,
            "`CreateWidgetRequest.name`: added, `String`, required",
        ),
        (
            true,
            "`CreateWidgetRequest.note`: `String` -> `Option<String>`, now optional",
        ),
        (false, "`Widget.color`: added, `Option<String>`"),
        (true, "`Widget.legacy`: removed (was `Option<String>`)"),
        (true, "`Widget.owner_id`: `Option<i64>` -> `Option<String>`"),
    ];
    let got = lines(&report);
    for (breaking, line) in expected {
        assert!(
            got.contains(&(*breaking, line.to_string())),
            "missing ({}) {line}\ngot:\n{got:#?}",
            if *breaking { "breaking" } else { "additive" }
        );
    }
    assert_eq!(got.len(), expected.len(), "unexpected changes:\n{got:#?}");
    // A renamed path parameter is the same operation: `GET /widgets/{widget_id}` is unchanged.
    assert!(
        !got.iter().any(|(_, l)| l.contains("widgets().find")),
        "{got:#?}"
    );
}

#[test]
fn the_markdown_counts_and_sections() {
    let report = Report::compare("before", &fixture("before"), "after", &fixture("after"));
    let text = report.markdown(2);
    let breaking = report.breaking();
    assert_eq!(breaking, 11);
    assert!(
        text.starts_with(
            "## Intercom API before -> after\n\n17 changes: 11 breaking, 6 additive.\n"
        ),
        "{text}"
    );
    assert!(
        text.contains("| operations | 1 | 1 | 5 | 5 | 2 |"),
        "{text}"
    );
    assert!(
        text.contains(
            "\n### Breaking (11)\n\n- `GET /widgets` `widgets().list`: parameter `color` removed\n"
        ),
        "{text}"
    );
    assert!(text.contains("\n### Additive (6)\n"), "{text}");
    assert_eq!(text.lines().filter(|l| l.starts_with("- ")).count(), 17);
    let same = Report::compare("before", &fixture("before"), "before", &fixture("before"));
    assert!(same.changes.is_empty());
    assert_eq!(
        same.markdown(3),
        "### Intercom API before -> before\n\nNo changes.\n"
    );
}

/// Asserts that `report` has each `(breaking, line)`.
fn assert_has(report: &Report, expected: &[(bool, &str)]) {
    let got = lines(report);
    for (breaking, line) in expected {
        assert!(
            got.contains(&(*breaking, line.to_string())),
            "{} -> {}: missing ({}) {line}",
            report.from,
            report.to,
            if *breaking { "breaking" } else { "additive" }
        );
    }
}

#[test]
fn from_2_15_to_2_16() {
    let report = versions("2.15", "2.16");
    assert_has(
        &report,
        &[
            // The five moves of issue 22.
            (true, "`Contact.owner_id`: `Option<i64>` -> `Option<String>`"),
            (true, "`CreateContactRequest.owner_id`: `Nullable<i64>` -> `Nullable<String>`"),
            (
                true,
                "`ConversationPriority`: removed priority, not_priority; added none, low, medium, high, urgent",
            ),
            (true, "`Ticket.admin_assignee_id`: `Option<String>` -> `Option<i64>`"),
            (true, "`Ticket.team_assignee_id`: `Option<String>` -> `Option<i64>`"),
            (true, "`ArticleListItem.parent_id`: removed (was `Option<i64>`)"),
            (
                true,
                "`ArticleListItem.parent_type`: removed (was `Option<ArticleListItemParentType>`)",
            ),
            (true, "`ConversationSource.type`: `ConversationSourceType` -> `String`"),
            (
                true,
                "`ConversationSourceType`: enum removed (values conversation, email, facebook, \
                 instagram, phone_call, phone_switch, push, sms, twitter, whatsapp)",
            ),
            // Operations.
            (
                true,
                "`POST /contacts/search` `contacts().search`: request body `SearchRequest` -> `ContactSearchRequest`",
            ),
            (true, "`POST /tags` `tags().create`: response `TagBasic` -> `TagCreateResponse`"),
            (false, "`GET /audiences` `audiences().list`: added"),
            (
                false,
                "`GET /contacts` `contacts().list`: optional parameter `include_merge_history: bool` added",
            ),
        ],
    );
    let removed = |area| {
        report
            .changes
            .iter()
            .filter(|c| c.area == area && c.what == What::Removed)
            .count()
    };
    assert_eq!(removed(Area::Operations), 0, "2.16 removes no operation");
}

#[test]
fn from_2_13_to_2_14() {
    let report = versions("2.13", "2.14");
    assert_has(
        &report,
        &[
            (
                true,
                "`GET /articles/search` `articles().search`: parameter `state`: `String` -> `SearchArticlesState`",
            ),
            (
                true,
                "`PUT /companies/{company_id}` `companies().update`: request body `UpdateCompanyRequest` added",
            ),
            (true, "`ContactAvatar`: struct -> union"),
            (true, "`Contact.role`: `String` -> `ContactRole`"),
            (true, "`UpdateTicketRequestAssignment`: struct removed"),
            (
                true,
                "`UpdateDataAttributeRequest.kind`: added, `UpdateDataAttributeRequestKind`, required",
            ),
            (false, "`GET /calls` `calls().list`: added"),
            (
                false,
                "`GET /conversations/{conversation_id}` `conversations().find`: optional parameter `include_translations: bool` added",
            ),
        ],
    );
}

/// The operations the 2.14 -> 2.16 move added, as the `api_surface` snapshot's diff counted
/// them when the pin moved: 81 added, none removed.
#[test]
fn from_2_14_to_2_16_adds_81_operations() {
    let report = versions("2.14", "2.16");
    let count = |what| {
        report
            .changes
            .iter()
            .filter(|c| c.area == Area::Operations && c.what == what)
            .count()
    };
    assert_eq!((count(What::Added), count(What::Removed)), (81, 0));
}
