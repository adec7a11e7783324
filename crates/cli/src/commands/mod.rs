//! One module per subcommand; `dispatch` routes the parsed command line.

mod dedup;
mod extract;
mod index;
mod related;
mod report;
mod run;
mod serve;
mod similarity;

use crate::args::{Cli, Command};
use crate::report::Status;

/// Runs the chosen subcommand.
pub fn dispatch(cli: Cli) -> anyhow::Result<Status> {
    match cli.command {
        Command::Extract(args) => extract::extract(args),
        Command::Run(args) => run::run(args),
        Command::Dedup(args) => dedup::dedup(args),
        Command::Similarity(args) => similarity::similarity(args),
        Command::Report(args) => report::report(args),
        Command::Index(args) => index::index(args),
        Command::Serve(args) => serve::serve(args),
    }
}
