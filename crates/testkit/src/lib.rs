//! Test support: the one place that knows where the shared evaluation data (`../shared`:
//! seeds, dev sets) lives and what a test does when it is missing.
//!
//! [`shared_dir`] honours `SAMESTORY_SHARED` (a path), else looks beside the repository.
//! Missing data skips the calling test with a message on stderr — unless `CI` is set, where
//! it is a failure (CI always has the data beside the clone). Used by tests only; never by
//! library or binary code.

use std::path::{Path, PathBuf};

/// The environment variable naming the shared data directory.
pub const SHARED_ENV: &str = "SAMESTORY_SHARED";

/// The shared data directory, or `None` when it is missing outside CI (the caller then
/// returns early: the test skips). Panics when it is missing under CI.
pub fn shared_dir() -> Option<PathBuf> {
    locate(&configured())
}

/// The seeds directory (`shared/seeds`), under the same rules as [`shared_dir`].
pub fn seeds_dir() -> Option<PathBuf> {
    shared_dir().map(|d| d.join("seeds"))
}

/// Where the shared data should be: `SAMESTORY_SHARED`, else `../shared` beside the
/// repository.
fn configured() -> PathBuf {
    std::env::var_os(SHARED_ENV)
        .map(PathBuf::from)
        .unwrap_or_else(|| Path::new(env!("CARGO_MANIFEST_DIR")).join("../../../shared"))
}

#[allow(clippy::print_stderr)]
fn locate(dir: &Path) -> Option<PathBuf> {
    if dir.join("seeds").is_dir() {
        return Some(dir.to_path_buf());
    }
    assert!(
        std::env::var_os("CI").is_none(),
        "shared data missing under CI: {} (set {SHARED_ENV} or put it beside the clone)",
        dir.display()
    );
    eprintln!(
        "skipping: shared data not found at {} (set {SHARED_ENV}; under CI this fails)",
        dir.display()
    );
    None
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_directory_with_seeds_is_found() {
        let dir = std::env::temp_dir().join(format!("samestory-testkit-{}", std::process::id()));
        std::fs::create_dir_all(dir.join("seeds")).unwrap();
        assert_eq!(locate(&dir), Some(dir.clone()));
        std::fs::remove_dir_all(&dir).unwrap();
    }

    #[test]
    fn a_missing_directory_skips_outside_ci() {
        if std::env::var_os("CI").is_some() {
            return;
        }
        assert_eq!(locate(Path::new("/nonexistent/samestory-shared")), None);
    }
}
