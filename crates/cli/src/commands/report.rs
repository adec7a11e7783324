//! `samestory report OUT_DIR`: writes `OUT_DIR/report.html` from the files a `run` wrote
//! there (the page itself is `samestory_report`'s), and prints where it went.

use crate::args::ReportArgs;
use crate::report::{self, Status};
use anyhow::Context;

/// Writes the report and prints a one-line summary.
pub fn report(args: ReportArgs) -> anyhow::Result<Status> {
    let path = samestory_report::write_report(&args.out_dir)
        .with_context(|| format!("writing the report of {}", args.out_dir.display()))?;
    let size = std::fs::metadata(&path).map_or(0, |m| m.len());
    report::summary(&format!("report.html, {size} bytes"), &path);
    Ok(Status::from_failures())
}
