//! The `config` and `settings` arguments every function takes, turned into the engine's one
//! `Config` through `Config::load` — the same precedence as the CLI's `--config` and `--set`
//! (defaults ← file ← settings).

use crate::errors::{InputError, Result};
use pyo3::prelude::*;
use pyo3::types::{PyBool, PyDict, PyString};
use samestory_core::Config;
use std::path::PathBuf;

/// `config` (a TOML file) and `settings` (`SECTION.KEY=VALUE` strings) as given.
#[derive(Debug, Default)]
pub struct ConfigArgs {
    file: Option<PathBuf>,
    settings: Vec<String>,
}

impl ConfigArgs {
    /// Reads the arguments: `config` a path or `None`; `settings` `None`, a sequence of
    /// `"SECTION.KEY=VALUE"` strings, or a mapping `{"SECTION.KEY": value}` whose values are
    /// written as TOML (bools, numbers, strings, lists of those).
    pub fn new(config: Option<PathBuf>, settings: Option<&Bound<'_, PyAny>>) -> PyResult<Self> {
        let settings = match settings {
            None => Vec::new(),
            Some(s) if s.is_none() => Vec::new(),
            Some(s) => match s.cast::<PyDict>() {
                Ok(dict) => dict
                    .iter()
                    .map(|(k, v)| Ok(format!("{}={}", k.extract::<String>()?, toml_value(&v)?)))
                    .collect::<PyResult<_>>()?,
                Err(_) if s.is_instance_of::<PyString>() => {
                    return Err(InputError::new_err(
                        "settings: a mapping or a list of \"SECTION.KEY=VALUE\" strings, not one string",
                    ))
                }
                Err(_) => s.extract::<Vec<String>>()?,
            },
        };
        Ok(ConfigArgs {
            file: config,
            settings,
        })
    }

    /// The engine config these arguments ask for.
    pub fn load(&self) -> Result<Config> {
        Ok(Config::load(self.file.as_deref(), &self.settings)?)
    }
}

/// A Python value written as a TOML value: bools as `true`/`false`, strings quoted, numbers
/// and lists as JSON writes them (which TOML reads the same).
fn toml_value(v: &Bound<'_, PyAny>) -> PyResult<String> {
    if v.is_instance_of::<PyBool>() {
        return Ok(if v.extract::<bool>()? {
            "true"
        } else {
            "false"
        }
        .into());
    }
    if let Ok(s) = v.extract::<String>() {
        return Ok(serde_json::to_string(&s).expect("a string serialises"));
    }
    let json = v.py().import("json")?;
    json.call_method1("dumps", (v,))?.extract()
}
