//! The API surface of the generated client: one line per operation of the pinned spec, so a
//! version bump shows up as a readable diff of `snapshots/api_surface__api_surface.snap`.

#[test]
fn api_surface() {
    let options = codegen::testing::options("2.14");
    let output = codegen::generate(&options).unwrap_or_else(|e| panic!("{e}"));
    let lines: Vec<&str> = output.surface.lines().collect();
    assert_eq!(lines.len(), 150, "2.14 has 150 operations");
    for line in &lines {
        let method = line.split(' ').next().unwrap_or_default();
        assert!(
            ["GET", "POST", "PUT", "DELETE", "PATCH"].contains(&method),
            "{line}"
        );
    }
    insta::assert_snapshot!("api_surface", output.surface);
}

#[test]
fn regeneration_is_deterministic() {
    let options = codegen::testing::options("2.14");
    let first = codegen::generate(&options).unwrap_or_else(|e| panic!("{e}"));
    let second = codegen::generate(&options).unwrap_or_else(|e| panic!("{e}"));
    assert_eq!(first, second);
}
