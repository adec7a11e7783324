//! Wire credit and republication notices found in a document's byline and body text
//! (placeholder; being written).
