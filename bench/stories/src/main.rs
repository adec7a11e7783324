//! Story-stage benchmark (filled in below).
fn main() {}
