//! The resource features of `intercom-api/Cargo.toml`: a marked block of its `[features]`
//! table that regen writes from the generator's feature list and `--check` compares.

use crate::error::{Error, Result};

/// The line that opens the generated block.
pub const BEGIN: &str = "# BEGIN resource features: written by `cargo xtask regen`, do not edit.";
/// The line that closes it.
pub const END: &str = "# END resource features";

/// The feature that turns every resource on (the default; `testing` needs it too, and the
/// models no operation reaches are compiled under it).
pub const ALL: &str = codegen::ir::ALL_RESOURCES;

/// The block's lines for `features`: `default` is [`ALL`], which turns every resource on, and
/// each resource is a feature of its own.
fn block(features: &[String]) -> String {
    let quoted: Vec<String> = features.iter().map(|f| format!("{f:?}")).collect();
    let mut text = format!(
        "{BEGIN}\ndefault = [\"{ALL}\"]\n{ALL} = [{}]\n",
        quoted.join(", ")
    );
    for feature in features {
        text.push_str(&format!("{feature} = []\n"));
    }
    text.push_str(END);
    text
}

/// Where the marked block stands in `manifest`, from the start of `BEGIN` to the end of `END`.
pub fn span(manifest: &str) -> Result<std::ops::Range<usize>> {
    let missing = || {
        Error::msg(format!(
            "intercom-api/Cargo.toml has no block between `{BEGIN}` and `{END}`"
        ))
    };
    let start = manifest.find(BEGIN).ok_or_else(missing)?;
    let end = manifest[start..].find(END).ok_or_else(missing)? + start + END.len();
    Ok(start..end)
}

/// `manifest` with its marked block replaced by the one for `features`.
pub fn rewrite(manifest: &str, features: &[String]) -> Result<String> {
    let span = span(manifest)?;
    Ok(format!(
        "{}{}{}",
        &manifest[..span.start],
        block(features),
        &manifest[span.end..]
    ))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_block_is_replaced_and_the_rest_kept() {
        let manifest =
            format!("[features]\n{BEGIN}\ndefault = [\"old\"]\nold = []\n{END}\nserialize = []\n");
        let features = ["contacts".to_string(), "tickets".to_string()];
        let rewritten = rewrite(&manifest, &features).expect("block");
        assert_eq!(
            rewritten,
            format!(
                "[features]\n{BEGIN}\ndefault = [\"all-resources\"]\nall-resources = [\"contacts\", \"tickets\"]\ncontacts = []\ntickets = []\n{END}\nserialize = []\n"
            )
        );
        assert_eq!(rewrite(&rewritten, &features).expect("block"), rewritten);
    }

    #[test]
    fn a_manifest_without_the_block_is_an_error() {
        assert!(rewrite("[features]\n", &[]).is_err());
    }
}
