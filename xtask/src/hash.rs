//! SHA-256 digests as lowercase hex, the form `spec/pin.toml` records.

use std::path::Path;

use sha2::{Digest, Sha256};

use crate::error::{Context, Result};

/// The SHA-256 of `bytes` as 64 lowercase hex digits.
pub fn sha256_hex(bytes: &[u8]) -> String {
    const DIGITS: &[u8; 16] = b"0123456789abcdef";
    Sha256::digest(bytes)
        .iter()
        .flat_map(|byte| [byte >> 4, byte & 0xf])
        .map(|nibble| char::from(DIGITS[usize::from(nibble)]))
        .collect()
}

/// The SHA-256 of the file at `path` as 64 lowercase hex digits.
pub fn sha256_file(path: &Path) -> Result<String> {
    let bytes = std::fs::read(path).context(|| format!("cannot read {}", path.display()))?;
    Ok(sha256_hex(&bytes))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn sha256_of_known_input() {
        assert_eq!(
            sha256_hex(b"abc"),
            "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad"
        );
    }
}
