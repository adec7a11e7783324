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

fn usage_error(e: clap::Error) -> ExitCode {
    let code = if e.use_stderr() { 1 } else { 0 };
    let _ = e.print();
    ExitCode::from(code)
}
