//! The one configuration struct: every threshold of every stage, with its default.
//!
//! Sections live in sibling files (`config/ingest.rs`, `config/relate.rs`, `config/story.rs`,
//! `config/compare.rs`);
//! precedence: defaults ← TOML file ← `SECTION.KEY=VALUE` settings ([`Config::load`]); the
//! CLI adds the flags that are shorthands (`--no-clean`).

mod compare;
mod ingest;
mod relate;
mod story;

pub use compare::CompareConfig;
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
    /// Per-document facts for the comparison (quotes, numbers).
    pub compare: CompareConfig,
}

/// Why a config file could not be used. The underlying I/O or TOML error is the error's
/// `source()` (not repeated in its message), so a reporter prints the chain once.
#[derive(Debug, thiserror::Error)]
#[non_exhaustive]
pub enum ConfigError {
    /// The file could not be read.
    #[error("{path}: cannot read config")]
    Read {
        /// The config file.
        path: PathBuf,
        /// The I/O error.
        source: std::io::Error,
    },
    /// The file is not valid TOML for [`Config`].
    #[error("{path}: invalid config")]
    Parse {
        /// The config file.
        path: PathBuf,
        /// The TOML error (carries line and column).
        source: toml::de::Error,
    },
    /// A `SECTION.KEY=VALUE` setting is not of that form.
    #[error("setting {setting:?}: expected SECTION.KEY=VALUE, e.g. relate.near_dup_jaccard=0.85")]
    Setting {
        /// The setting as given.
        setting: String,
    },
    /// The settings name a key that does not exist or give a value of the wrong type.
    #[error("invalid setting")]
    Settings {
        /// The TOML error (names the key).
        source: toml::de::Error,
    },
}

impl Config {
    /// Reads a TOML config file; missing keys keep their defaults.
    pub fn from_toml_file(path: &Path) -> Result<Config, ConfigError> {
        parse(path, &read_text(path)?)
    }

    /// The defaults, then the TOML `file` if given, then each `SECTION.KEY=VALUE` of
    /// `settings` in order (the value is TOML — `0.85`, `true`, `["a", "b"]` — or else taken
    /// as a string). Unknown keys and wrong types are errors.
    pub fn load(file: Option<&Path>, settings: &[String]) -> Result<Config, ConfigError> {
        let mut table = match file {
            Some(path) => file_table(path)?,
            None => toml::Table::new(),
        };
        for setting in settings {
            apply_setting(&mut table, setting)?;
        }
        toml::Value::Table(table)
            .try_into()
            .map_err(|source| ConfigError::Settings { source })
    }
}

/// A config file's TOML table (checked against [`Config`] on its own first, so its errors
/// name the file with line and column).
fn file_table(path: &Path) -> Result<toml::Table, ConfigError> {
    let text = read_text(path)?;
    parse::<Config>(path, &text)?;
    parse(path, &text)
}

fn read_text(path: &Path) -> Result<String, ConfigError> {
    std::fs::read_to_string(path).map_err(|source| ConfigError::Read {
        path: path.to_owned(),
        source,
    })
}

fn parse<T: serde::de::DeserializeOwned>(path: &Path, text: &str) -> Result<T, ConfigError> {
    toml::from_str(text).map_err(|source| ConfigError::Parse {
        path: path.to_owned(),
        source,
    })
}

/// Sets `SECTION.KEY=VALUE` in `table`.
fn apply_setting(table: &mut toml::Table, setting: &str) -> Result<(), ConfigError> {
    let bad = || ConfigError::Setting {
        setting: setting.to_owned(),
    };
    let (path, raw) = setting.split_once('=').ok_or_else(bad)?;
    let keys: Vec<&str> = path.trim().split('.').collect();
    let (last, parents) = keys.split_last().ok_or_else(bad)?;
    if keys.len() < 2 || keys.iter().any(|k| k.is_empty()) {
        return Err(bad());
    }
    let mut node = table;
    for key in parents {
        let entry = node
            .entry(key.to_string())
            .or_insert_with(|| toml::Value::Table(toml::Table::new()));
        node = entry.as_table_mut().ok_or_else(bad)?;
    }
    node.insert(last.to_string(), setting_value(raw.trim()));
    Ok(())
}

/// A setting's value: TOML when it parses as a TOML value, else the text as a string.
fn setting_value(raw: &str) -> toml::Value {
    toml::from_str::<toml::Table>(&format!("v = {raw}"))
        .ok()
        .and_then(|mut t| t.remove("v"))
        .unwrap_or_else(|| toml::Value::String(raw.to_owned()))
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

    fn set(settings: &[&str]) -> Result<Config, ConfigError> {
        let owned: Vec<String> = settings.iter().map(|s| s.to_string()).collect();
        Config::load(None, &owned)
    }

    #[test]
    fn settings_override_defaults_in_order() {
        let cfg = set(&[
            "relate.near_dup_jaccard=0.9",
            "relate.near_dup_jaccard = 0.85",
            "ingest.jsonl.text=[\"content\"]",
            "ingest.clean_boilerplate=false",
        ])
        .unwrap();
        assert_eq!(cfg.relate.near_dup_jaccard, 0.85);
        assert_eq!(cfg.ingest.jsonl.text, ["content"]);
        assert!(!cfg.ingest.clean_boilerplate);
        assert_eq!(cfg.story, StoryConfig::default());
    }

    #[test]
    fn bad_settings_are_errors() {
        for bad in [
            "relate.near_dup_jaccard",
            "near_dup_jaccard=1",
            "relate..x=1",
        ] {
            assert!(
                matches!(set(&[bad]), Err(ConfigError::Setting { .. })),
                "{bad}"
            );
        }
        for bad in ["relate.nope=1", "relate.shingle=many"] {
            assert!(
                matches!(set(&[bad]), Err(ConfigError::Settings { .. })),
                "{bad}"
            );
        }
    }

    #[test]
    fn settings_win_over_the_file() {
        let dir = std::env::temp_dir().join(format!("samestory-cfg-{}", std::process::id()));
        std::fs::create_dir_all(&dir).unwrap();
        let path = dir.join("c.toml");
        std::fs::write(&path, "[relate]\nshingle = 4\nnear_dup_jaccard = 0.7\n").unwrap();
        let cfg = Config::load(Some(&path), &["relate.shingle=6".to_string()]).unwrap();
        std::fs::remove_dir_all(&dir).unwrap();
        assert_eq!((cfg.relate.shingle, cfg.relate.near_dup_jaccard), (6, 0.7));
    }
}
