//! Relation-engine settings (duplicates, near-duplicates, reprints). Filled in by the relation engine.

use serde::{Deserialize, Serialize};

/// Thresholds of the relation engine.
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
#[serde(default, deny_unknown_fields)]
pub struct RelateConfig {}
