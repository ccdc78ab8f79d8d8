//! What differs between API versions: the `Intercom-Version` each sends, and which of the
//! hand-written layer's capabilities (`spec/capabilities.yaml`) each meets.

fn generate(version: &str) -> codegen::Output {
    codegen::generate(&codegen::testing::options(version))
        .unwrap_or_else(|e| panic!("version {version}: {e}"))
}

fn api_version(output: &codegen::Output) -> &str {
    let root = &output.files["mod.rs"];
    root.lines()
        .find_map(|l| l.strip_prefix("pub const API_VERSION: &str = "))
        .unwrap_or_else(|| panic!("no API_VERSION in mod.rs:\n{root}"))
}

#[test]
fn the_pinned_version_meets_every_capability() {
    let output = generate("2.14");
    assert!(output.capabilities.len() >= 7, "{:?}", output.capabilities);
    let unmet: Vec<&str> = output
        .capabilities
        .iter()
        .filter(|c| !c.met)
        .map(|c| c.name.as_str())
        .collect();
    assert!(unmet.is_empty(), "the pinned version lacks {unmet:?}");
    let root = &output.files["mod.rs"];
    for capability in &output.capabilities {
        let arm = format!(
            "({} => $($item:tt)*) => {{\n        $($item)*",
            capability.name
        );
        assert!(
            root.contains(&arm),
            "no expanding arm for {}",
            capability.name
        );
    }
}

#[test]
fn an_older_version_lacks_what_its_description_lacks() {
    let output = generate("2.8");
    let met = |name: &str| {
        output
            .capabilities
            .iter()
            .find(|c| c.name == name)
            .unwrap_or_else(|| panic!("no capability {name}"))
            .met
    };
    assert!(!met("ticket_tags"), "2.8 has no tickets");
    assert!(!met("ticket_assign"), "2.8 has no tickets");
    assert!(met("article_update"), "2.8 updates articles");
    assert!(output.files["mod.rs"].contains("(ticket_tags => $($item:tt)*) => {};"));
}

#[test]
fn each_version_sends_its_descriptions_default_version() {
    assert_eq!(api_version(&generate("2.13")), "\"2.13\";");
    assert_eq!(
        api_version(&generate("0")),
        "\"Preview\";",
        "the Preview description (directory 0) says `default: Preview`"
    );
}
