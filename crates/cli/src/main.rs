//! The `samestory` binary: parses flags, wires the library crates together, prints.
//!
//! Exit status (DESIGN.md): 0 all inputs read; 2 some inputs failed (each reported on stderr,
//! the good ones written); 1 nothing could be done (bad flags, unwritable output).

mod args;
mod commands;
mod report;

use clap::Parser;
use std::process::ExitCode;

fn main() -> ExitCode {
    quiet_caught_decoder_panics();
    let cli = match args::Cli::try_parse() {
        Ok(cli) => cli,
        Err(e) => return usage_error(e),
    };
    match commands::dispatch(cli) {
        Ok(status) => status.into(),
        Err(e) => {
            report::fatal(&e);
            ExitCode::from(1)
        }
    }
}

/// A third-party decoder's panic that ingest catches (a damaged Parquet page) is reported as
/// that file's one error line; the default hook would print the panic as well.
fn quiet_caught_decoder_panics() {
    let default = std::panic::take_hook();
    std::panic::set_hook(Box::new(move |info| {
        if !samestory_ingest::guard::in_guarded_decoder() {
            default(info);
        }
    }));
}

fn usage_error(e: clap::Error) -> ExitCode {
    let code = if e.use_stderr() { 1 } else { 0 };
    let _ = e.print();
    ExitCode::from(code)
}
