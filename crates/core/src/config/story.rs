//! Story-clustering settings. Filled in by the story stage.

use serde::{Deserialize, Serialize};

/// Thresholds of story clustering.
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
#[serde(default, deny_unknown_fields)]
pub struct StoryConfig {}
