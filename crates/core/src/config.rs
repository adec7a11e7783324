//! The one configuration struct: every threshold of every stage, with its default.
//!
//! Sections live in sibling files (`config/ingest.rs`, `config/relate.rs`, `config/story.rs`);
//! precedence (defaults ← file ← env ← flags) is resolved by the CLI, not here.

mod ingest;
mod relate;
mod story;

pub use ingest::{IngestConfig, JsonlFields};
pub use relate::RelateConfig;
pub use story::StoryConfig;

use serde::{Deserialize, Serialize};
use std::path::{Path, PathBuf};

/// Every tunable of samestory. `Config::default()` is the documented behaviour.
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
#[serde(default, deny_unknown_fields)]
pub struct Config {
    /// Reading and cleaning inputs.
    pub ingest: IngestConfig,
    /// Duplicate and reprint detection.
    pub relate: RelateConfig,
    /// Story clustering.
    pub story: StoryConfig,
}

/// Why a config file could not be used.
#[derive(Debug, thiserror::Error)]
#[non_exhaustive]
pub enum ConfigError {
    /// The file could not be read.
    #[error("{path}: cannot read config: {source}")]
    Read {
        /// The config file.
        path: PathBuf,
        /// The I/O error.
        source: std::io::Error,
    },
    /// The file is not valid TOML for [`Config`].
    #[error("{path}: invalid config: {source}")]
    Parse {
        /// The config file.
        path: PathBuf,
        /// The TOML error (carries line and column).
        source: toml::de::Error,
    },
}

impl Config {
    /// Reads a TOML config file; missing keys keep their defaults.
    pub fn from_toml_file(path: &Path) -> Result<Config, ConfigError> {
        let text = std::fs::read_to_string(path).map_err(|source| ConfigError::Read {
            path: path.to_owned(),
            source,
        })?;
        toml::from_str(&text).map_err(|source| ConfigError::Parse {
            path: path.to_owned(),
            source,
        })
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn partial_toml_keeps_other_defaults() {
        let cfg: Config = toml::from_str("[ingest]\nmax_file_bytes = 10\n").unwrap();
        assert_eq!(cfg.ingest.max_file_bytes, 10);
        assert_eq!(cfg.relate, RelateConfig::default());
    }

    #[test]
    fn unknown_key_is_an_error() {
        assert!(toml::from_str::<Config>("[ingest]\nnope = 1\n").is_err());
    }
}
