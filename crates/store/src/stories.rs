//! Story ids that keep resolving. A story's id is its smallest member id, so it changes
//! when stories merge or split and when documents come and go; every id ever issued is
//! kept with its members as they were when it was last current, and resolves to itself
//! while current, else to the story that now holds most of those members.
//!
//! Must not: write.

use crate::error::{db, StoreError};
use crate::read;
use crate::tables::{BODY_PIECES, ISSUED_STORIES, PLACES, STORIES};
use crate::Index;
use redb::ReadableDatabase;
use serde::Serialize;
use std::collections::BTreeMap;

/// Where a story id points now.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
#[serde(tag = "status", rename_all = "snake_case")]
pub enum StoryResolution {
    /// The id is a current story.
    Current {
        /// The id.
        story: String,
    },
    /// The id was issued; its documents are now (mostly) in `story`.
    Moved {
        /// The id asked for.
        from: String,
        /// The story that holds most of its documents.
        story: String,
    },
    /// The id was issued, but every one of its documents was removed.
    Removed {
        /// The id asked for.
        from: String,
    },
    /// The id was never issued by this index.
    Unknown {
        /// The id asked for.
        from: String,
    },
}

impl Index {
    /// Where story id `id` points now.
    pub fn resolve_story(&self, id: &str) -> Result<StoryResolution, StoreError> {
        let name = self.name.as_str();
        let txn = self.db.begin_read().map_err(db(name))?;
        let stories = txn.open_table(STORIES).map_err(db(name))?;
        if crate::pieces::read(&stories, id, name)?.is_some() {
            return Ok(StoryResolution::Current {
                story: id.to_string(),
            });
        }
        let issued = txn.open_table(ISSUED_STORIES).map_err(db(name))?;
        let Some(members) = issued.get(id).map_err(db(name))? else {
            return Ok(StoryResolution::Unknown {
                from: id.to_string(),
            });
        };
        let members = crate::encode::members_from_bytes(id, members.value())
            .map_err(|e| read::damaged(name, "issued_stories", id, e))?;
        let places = txn.open_table(PLACES).map_err(db(name))?;
        let mut now = BTreeMap::<String, usize>::new();
        for member in &members {
            if let Some(v) = places.get(member.as_str()).map_err(db(name))? {
                *now.entry(read::place(name, member, v.value())?.story)
                    .or_default() += 1;
            }
        }
        let best = now
            .into_iter()
            .max_by(|a, b| a.1.cmp(&b.1).then(b.0.cmp(&a.0)));
        Ok(match best {
            Some((story, _)) => StoryResolution::Moved {
                from: id.to_string(),
                story,
            },
            None => StoryResolution::Removed {
                from: id.to_string(),
            },
        })
    }

    /// The stories.jsonl line of current story `id`.
    pub fn story_line(&self, id: &str) -> Result<Option<String>, StoreError> {
        let name = self.name.as_str();
        let txn = self.db.begin_read().map_err(db(name))?;
        let stories = txn.open_table(STORIES).map_err(db(name))?;
        let Some(line) = crate::pieces::read(&stories, id, name)? else {
            return Ok(None);
        };
        let bodies = txn.open_table(BODY_PIECES).map_err(db(name))?;
        read::story_line(name, &bodies, id, &line).map(Some)
    }
}
