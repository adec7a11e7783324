//! Story clustering (placeholder doc, rewritten below).

mod background;
mod dates;
mod entities;
mod extract;
mod features;
mod gazetteer;
mod kind;
mod lexicon;
mod model;
mod pair;
mod score;
mod source;
mod vector;

pub use features::{build, DocFeatures, Features};
pub use kind::Kind;
pub use model::Model;
pub use pair::{pair_score, PairContext, PairDoc};
pub use score::story_score;
pub use source::{DocSource, StoryDoc};
pub use vector::SparseVec;
