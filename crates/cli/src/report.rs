//! The only place that writes diagnostics to stderr: one line per bad input, per warning, and
//! for fatal errors. Keeps the count that decides the exit status.

use std::fmt::Display;
use std::sync::atomic::{AtomicUsize, Ordering};

static FAILURES: AtomicUsize = AtomicUsize::new(0);

/// Reports a bad input or record (counted: makes the exit status 2).
pub fn input_error(e: &impl Display) {
    FAILURES.fetch_add(1, Ordering::Relaxed);
    eprintln!("samestory: error: {e}");
}

/// Reports a problem that did not stop reading.
pub fn warning(w: &impl Display) {
    eprintln!("samestory: warning: {w}");
}

/// Reports an error that stops the command (exit status 1).
pub fn fatal(e: &anyhow::Error) {
    eprintln!("samestory: fatal: {e:#}");
}

/// Prints the one-line summary of a pipeline command on stdout.
pub fn summary(what: &str, out: &std::path::Path) {
    let failed = failures();
    let failed = if failed > 0 {
        format!(", {failed} inputs failed")
    } else {
        String::new()
    };
    println!("samestory: {what}{failed} → {}", out.display());
}

/// How many inputs failed so far.
pub fn failures() -> usize {
    FAILURES.load(Ordering::Relaxed)
}

/// The status to exit with after a command that ran to its end.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Status {
    /// Every input was read.
    AllRead,
    /// Some inputs failed.
    SomeFailed,
}

impl Status {
    /// The status implied by the failures reported so far.
    pub fn from_failures() -> Status {
        if failures() == 0 {
            Status::AllRead
        } else {
            Status::SomeFailed
        }
    }
}

impl From<Status> for std::process::ExitCode {
    fn from(s: Status) -> Self {
        std::process::ExitCode::from(match s {
            Status::AllRead => 0,
            Status::SomeFailed => 2,
        })
    }
}

/// What reading reports, shown here: errors and warnings on stderr (errors counted), and a
/// progress bar when asked for.
pub struct ReadReport {
    bar: indicatif::ProgressBar,
}

impl ReadReport {
    /// Reports with a progress bar on stderr when `progress` is true.
    pub fn new(progress: bool) -> ReadReport {
        let bar = if progress {
            let bar = indicatif::ProgressBar::new(0);
            if let Ok(style) = indicatif::ProgressStyle::with_template(
                "{spinner} reading {pos}/{len} files, {msg} {wide_bar} {eta}",
            ) {
                bar.set_style(style);
            }
            bar
        } else {
            indicatif::ProgressBar::hidden()
        };
        ReadReport { bar }
    }
}

impl Drop for ReadReport {
    fn drop(&mut self) {
        self.bar.finish_and_clear();
    }
}

impl samestory_pipeline::ReadEvents for ReadReport {
    fn error(&self, error: &samestory_ingest::IngestError) {
        input_error(error);
    }

    fn warning(&self, w: &samestory_ingest::IngestWarning) {
        warning(w);
    }

    fn files_found(&self, files: usize) {
        self.bar.set_length(files as u64);
    }

    fn file_done(&self) {
        self.bar.inc(1);
    }

    fn documents_read(&self, documents: usize) {
        self.bar.set_message(format!("{documents} documents"));
    }
}
