//! Command-line flags (clap derive) and their resolution into the engine's one [`Config`]:
//! defaults ← `--config FILE` ← flags. A flag's doc comment is its help text.

use anyhow::Context;
use clap::{Args, Parser, Subcommand, ValueEnum};
use samestory_core::Config;
use std::path::PathBuf;

/// Finds the same story told many times: duplicates, reprints and shared stories in news.
#[derive(Debug, Parser)]
#[command(name = "samestory", version, about)]
pub struct Cli {
    /// What to do.
    #[command(subcommand)]
    pub command: Command,
}

/// The subcommands.
#[derive(Debug, Subcommand)]
pub enum Command {
    /// Print one JSON object per document (body and metadata) on stdout.
    Extract(ExtractArgs),
    /// Run the whole pipeline: documents.jsonl, relations.jsonl (and later stages) in --out.
    Run(RunArgs),
    /// Find exact and near-duplicates and reprints only: documents.jsonl with `group`,
    /// relations.jsonl, and with --keep-first kept.jsonl (one document per group).
    Dedup(DedupArgs),
    /// Score article pairs for "same event?": reads JSONL `{"pair_id", "a": {id, title,
    /// text, date, url}, "b": {…}}`, prints `{"pair_id", "score"}` per line.
    Similarity(SimilarityArgs),
    /// Write OUT_DIR/report.html, one self-contained page, from the documents.jsonl,
    /// relations.jsonl and stories.jsonl of a `run`.
    Report(ReportArgs),
    /// Keep a persistent index (one redb file): add articles as they arrive, ask where a
    /// new one belongs, remove or expire old ones, export what it holds.
    Index(IndexArgs),
    /// Serve an index over HTTP: a JSON API (`/api/…`, described at
    /// `/api/openapi.json`) and a web UI at `/` to browse stories, compare sources and
    /// place new articles.
    Serve(ServeArgs),
}

/// `samestory serve`.
#[derive(Debug, Args)]
pub struct ServeArgs {
    /// The index file (created when missing).
    #[arg(
        long,
        value_name = "PATH",
        default_value = ".samestory/index.redb",
        env = "SAMESTORY_INDEX"
    )]
    pub index: PathBuf,
    /// The address to listen on (loopback by default; anything else exposes the index).
    #[arg(long, value_name = "ADDR", default_value = "127.0.0.1:8080")]
    pub bind: std::net::SocketAddr,
    /// Refuse every write: adds and deletes answer 403.
    #[arg(long)]
    pub read_only: bool,
    /// The largest request body accepted, in bytes.
    #[arg(long, value_name = "BYTES", default_value_t = samestory_server::DEFAULT_BODY_LIMIT)]
    pub body_limit: usize,
    /// The longest a request may take, in seconds.
    #[arg(long, value_name = "SECONDS", default_value_t = 60)]
    pub timeout: u64,
    /// The index's page cache, in MiB. At start the tables a query looks its candidates up
    /// in are read into it (in the background, up to this size): with room for them (about
    /// 1.3 GB at a million documents) a query reads no random page of the file.
    #[arg(long, value_name = "MIB", default_value_t = 1024)]
    pub cache_mib: usize,
    /// A TOML file overriding any default threshold (the hashing parameters must match
    /// the index's).
    #[arg(long, value_name = "FILE", env = "SAMESTORY_CONFIG")]
    pub config: Option<PathBuf>,
    /// Override one setting, e.g. `--set story.window_days=3` (repeatable).
    #[arg(long = "set", value_name = "SECTION.KEY=VALUE")]
    pub settings: Vec<String>,
}

impl ServeArgs {
    /// The config: defaults, then the config file, then `--set`.
    pub fn config(&self) -> anyhow::Result<Config> {
        Config::load(self.config.as_deref(), &self.settings)
            .context("loading the config (--config, --set)")
    }

    /// The server's options.
    pub fn options(&self) -> samestory_server::ServerOptions {
        samestory_server::ServerOptions {
            read_only: self.read_only,
            body_limit: self.body_limit,
            timeout: std::time::Duration::from_secs(self.timeout.max(1)),
        }
    }
}

/// `samestory index`.
#[derive(Debug, Args)]
pub struct IndexArgs {
    /// The index file (created by the first `add`).
    #[arg(
        long,
        global = true,
        value_name = "PATH",
        default_value = ".samestory/index.redb",
        env = "SAMESTORY_INDEX"
    )]
    pub index: PathBuf,
    /// A TOML file overriding any default threshold (the hashing parameters must match
    /// the index's).
    #[arg(long, global = true, value_name = "FILE", env = "SAMESTORY_CONFIG")]
    pub config: Option<PathBuf>,
    /// Override one setting, e.g. `--set story.window_days=3` (repeatable).
    #[arg(long = "set", global = true, value_name = "SECTION.KEY=VALUE")]
    pub settings: Vec<String>,
    /// The index's page cache, in MiB: an add into a large index writes its postings all
    /// over their tables, and pages the cache holds are not read again.
    #[arg(long, global = true, value_name = "MIB", default_value_t = 256)]
    pub cache_mib: usize,
    /// What to do with the index.
    #[command(subcommand)]
    pub command: IndexCommand,
}

/// The `samestory index` subcommands.
#[derive(Debug, Subcommand)]
pub enum IndexCommand {
    /// Add files, directories, globs or `-` as one batch: new ids are added, a known id
    /// with other content becomes its next revision, the same content is a no-op; groups,
    /// stories and comparisons are updated before the batch commits.
    Add(IndexAddArgs),
    /// Print where articles would belong — what they duplicate, reprint or are reprinted
    /// by, which story they would join, with the evidence — without adding them.
    Query(IndexQueryArgs),
    /// Remove documents by id, with their relations; groups and stories are updated.
    Remove(IndexRemoveArgs),
    /// Remove documents published before DATE, and undated ones added before it.
    Expire(IndexExpireArgs),
    /// Print counts, sizes and the format version (JSON).
    Stats,
    /// Re-derive every relation, group, story and comparison from the stored documents, as
    /// a batch run would (a change refreshes only the stories it touches; this also brings
    /// the scores of untouched stories up to the index's current document frequencies).
    Refresh,
    /// Give the file's free space back to the file system (a change's copy-on-write pages
    /// are reused by later changes, so the file holds some free space between them).
    Compact,
    /// Write documents.jsonl, relations.jsonl, stories.jsonl and report.html, as `run`
    /// writes them, into --out.
    Export(IndexExportArgs),
    /// Print where a story id points now (itself, or the story that holds its documents).
    Story(IndexStoryArgs),
}

/// `samestory index add`.
#[derive(Debug, Args)]
pub struct IndexAddArgs {
    /// Files, directories (read recursively), glob patterns, or `-` for stdin.
    #[arg(required = true, value_name = "PATH")]
    pub paths: Vec<String>,
    /// Keep boilerplate lines in bodies instead of removing them.
    #[arg(long)]
    pub no_clean: bool,
    /// Worker threads (default: all cores).
    #[arg(long, short = 'j', value_name = "N")]
    pub threads: Option<usize>,
    /// Never draw a progress bar.
    #[arg(long)]
    pub quiet: bool,
    /// documents, relations and stories as JSON Lines (`.jsonl`), Parquet (`.parquet`,
    /// nested columns mirroring the JSON; needs a build with the `parquet` feature) or both.
    /// report.html reads the JSON Lines files, so `parquet` alone writes none.
    #[arg(long, value_enum, default_value_t = FormatArg::Jsonl)]
    pub format: FormatArg,
}

/// `samestory index query`.
#[derive(Debug, Args)]
pub struct IndexQueryArgs {
    /// The article(s): a file, directory, glob, or `-` for stdin.
    #[arg(required = true, value_name = "FILE")]
    pub paths: Vec<String>,
    /// `json` (one object per article per line) or `text` (a readable summary).
    #[arg(long, value_name = "FORMAT", default_value = "json", value_parser = ["json", "text"])]
    pub format: String,
    /// Relate and cluster the articles with every stored document, as an add would (also
    /// finds the story they would join by content alone; costs a batch run over the
    /// index). Without it, only the stored documents the index's sketches point to are
    /// verified, in milliseconds, and the story is the one those are in.
    #[arg(long)]
    pub exact: bool,
}

/// `samestory index remove`.
#[derive(Debug, Args)]
pub struct IndexRemoveArgs {
    /// Document ids.
    #[arg(required = true, value_name = "ID")]
    pub ids: Vec<String>,
}

/// `samestory index expire`.
#[derive(Debug, Args)]
pub struct IndexExpireArgs {
    /// `YYYY-MM-DD`: documents dated before it go, and undated ones added before it.
    #[arg(long, value_name = "DATE")]
    pub before: String,
}

/// `samestory index export`.
#[derive(Debug, Args)]
pub struct IndexExportArgs {
    /// Output directory (created if missing).
    #[arg(long, short = 'o', value_name = "DIR", default_value = "out")]
    pub out: PathBuf,
    /// Do not write report.html.
    #[arg(long)]
    pub no_report: bool,
}

/// `samestory index story`.
#[derive(Debug, Args)]
pub struct IndexStoryArgs {
    /// A story id, current or once issued.
    #[arg(value_name = "ID")]
    pub id: String,
}

impl IndexArgs {
    /// The config: defaults, then the config file, then `--set`.
    pub fn config(&self) -> anyhow::Result<Config> {
        Config::load(self.config.as_deref(), &self.settings)
            .context("loading the config (--config, --set)")
    }
}

/// `samestory report`.
#[derive(Debug, Args)]
pub struct ReportArgs {
    /// The output directory of `samestory run`.
    #[arg(value_name = "OUT_DIR")]
    pub out_dir: PathBuf,
}

/// `samestory similarity`.
#[derive(Debug, Args)]
pub struct SimilarityArgs {
    /// The pairs file (JSON Lines), or `-` for stdin.
    #[arg(long, value_name = "FILE")]
    pub pairs: PathBuf,
    /// A TOML file overriding any default threshold.
    #[arg(long, value_name = "FILE", env = "SAMESTORY_CONFIG")]
    pub config: Option<PathBuf>,
    /// Override one setting of the config, e.g. `--set story.embed_weight=0.8` (repeatable;
    /// wins over --config).
    #[arg(long = "set", value_name = "SECTION.KEY=VALUE")]
    pub settings: Vec<String>,
    /// Directory of an all-MiniLM-L6-v2 model (`model.safetensors`, `tokenizer.json`,
    /// `config.json`): pair scores then mix in embedding similarity. Needs a build with the
    /// `embed` feature.
    #[arg(long, value_name = "DIR", env = "SAMESTORY_MODEL_DIR")]
    pub model_dir: Option<PathBuf>,
}

/// Options shared by every command that reads inputs.
#[derive(Debug, Args)]
pub struct InputArgs {
    /// Files, directories (read recursively), glob patterns, or `-` for stdin.
    #[arg(required = true, value_name = "PATH")]
    pub paths: Vec<String>,
    /// A TOML file overriding any default threshold (see `Config`).
    #[arg(long, value_name = "FILE", env = "SAMESTORY_CONFIG")]
    pub config: Option<PathBuf>,
    /// Override one threshold, e.g. `--set relate.near_dup_jaccard=0.85` or
    /// `--set ingest.stream_block_bytes=1048576` (repeatable; wins over --config).
    #[arg(long = "set", value_name = "SECTION.KEY=VALUE")]
    pub settings: Vec<String>,
    /// Keep boilerplate lines in bodies instead of removing them.
    #[arg(long)]
    pub no_clean: bool,
    /// Worker threads (default: all cores).
    #[arg(long, short = 'j', value_name = "N")]
    pub threads: Option<usize>,
}

/// `samestory extract`.
#[derive(Debug, Args)]
pub struct ExtractArgs {
    #[command(flatten)]
    pub input: InputArgs,
}

/// `samestory run`.
#[derive(Debug, Args)]
pub struct RunArgs {
    #[command(flatten)]
    pub output: OutputArgs,
    /// Do not write report.html (written by default for up to 200,000 documents; larger
    /// runs can write it afterwards with `samestory report DIR`).
    #[arg(long)]
    pub no_report: bool,
}

/// Inputs and the output directory, shared by `run` and `dedup`.
#[derive(Debug, Args)]
pub struct OutputArgs {
    #[command(flatten)]
    pub input: InputArgs,
    /// Output directory (created if missing).
    #[arg(long, short = 'o', value_name = "DIR", default_value = "out")]
    pub out: PathBuf,
    /// Leave `body` out of documents.jsonl.
    #[arg(long)]
    pub no_body: bool,
    /// Never draw a progress bar.
    #[arg(long)]
    pub quiet: bool,
    /// documents, relations and stories as JSON Lines (`.jsonl`), Parquet (`.parquet`,
    /// nested columns mirroring the JSON; needs a build with the `parquet` feature) or both.
    /// report.html reads the JSON Lines files, so `parquet` alone writes none.
    #[arg(long, value_enum, default_value_t = FormatArg::Jsonl)]
    pub format: FormatArg,
    /// Write every verified pair to relations.jsonl (all pairs of each duplicate group,
    /// every reprint pair between two groups' members) instead of one row per group member
    /// and one per reprint between representatives: `relate.all_pairs=true`.
    #[arg(long)]
    pub all_pairs: bool,
}

impl OutputArgs {
    /// The config these flags ask for: [`InputArgs::config`], then `--all-pairs`.
    pub fn config(&self) -> anyhow::Result<Config> {
        let mut cfg = self.input.config()?;
        cfg.relate.all_pairs |= self.all_pairs;
        Ok(cfg)
    }

    /// How the output files are written.
    pub fn options(&self) -> samestory_output::OutputOptions {
        use samestory_output::Format;
        samestory_output::OutputOptions {
            no_body: self.no_body,
            format: match self.format {
                FormatArg::Jsonl => Format::Jsonl,
                FormatArg::Parquet => Format::Parquet,
                FormatArg::Both => Format::Both,
            },
        }
    }
}

/// `--format`: the files of documents, relations and stories.
#[derive(Clone, Copy, Debug, PartialEq, Eq, ValueEnum)]
pub enum FormatArg {
    /// `NAME.jsonl`.
    Jsonl,
    /// `NAME.parquet`.
    Parquet,
    /// Both, side by side.
    Both,
}

/// `samestory dedup`.
#[derive(Debug, Args)]
pub struct DedupArgs {
    #[command(flatten)]
    pub output: OutputArgs,
    /// Also write kept.jsonl: the representative of every duplicate group (the earliest
    /// published member, wire-credited first, then the smallest id).
    #[arg(long)]
    pub keep_first: bool,
}

impl InputArgs {
    /// The config these flags ask for: defaults, then the config file, then `--set`, then
    /// the shorthand flags.
    pub fn config(&self) -> anyhow::Result<Config> {
        let mut cfg = Config::load(self.config.as_deref(), &self.settings)
            .context("loading the config (--config, --set)")?;
        if self.no_clean {
            cfg.ingest.clean_boilerplate = false;
        }
        Ok(cfg)
    }

    /// Sets the global thread pool size when `--threads` is given.
    pub fn init_threads(&self) -> anyhow::Result<()> {
        if let Some(n) = self.threads {
            rayon::ThreadPoolBuilder::new()
                .num_threads(n.max(1))
                .build_global()
                .context("starting worker threads")?;
        }
        Ok(())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn run_flags_parse() {
        let cli =
            Cli::try_parse_from(["samestory", "run", "a", "b", "--out", "o", "--no-body"]).unwrap();
        let Command::Run(run) = cli.command else {
            panic!("run expected")
        };
        assert_eq!(run.output.input.paths, ["a", "b"]);
        assert!(run.output.no_body);
        assert_eq!(run.output.out, PathBuf::from("o"));
    }

    #[test]
    fn dedup_keep_first_parses() {
        let cli = Cli::try_parse_from(["samestory", "dedup", "a", "--keep-first"]).unwrap();
        let Command::Dedup(dedup) = cli.command else {
            panic!("dedup expected")
        };
        assert!(dedup.keep_first);
        assert_eq!(dedup.output.out, PathBuf::from("out"));
        assert!(!dedup.output.config().unwrap().relate.all_pairs);
        let cli = Cli::try_parse_from(["samestory", "dedup", "a", "--all-pairs"]).unwrap();
        let Command::Dedup(dedup) = cli.command else {
            panic!("dedup expected")
        };
        assert!(dedup.output.config().unwrap().relate.all_pairs);
    }

    #[test]
    fn format_chooses_the_output_files() {
        use samestory_output::Format;
        let format = |args: &[&str]| {
            let cli = Cli::try_parse_from(args).unwrap();
            match cli.command {
                Command::Run(run) => run.output.options().format,
                Command::Dedup(dedup) => dedup.output.options().format,
                _ => panic!("run or dedup expected"),
            }
        };
        assert_eq!(format(&["samestory", "run", "a"]), Format::Jsonl);
        assert_eq!(
            format(&["samestory", "run", "a", "--format", "both"]),
            Format::Both
        );
        assert_eq!(
            format(&["samestory", "dedup", "a", "--format", "parquet"]),
            Format::Parquet
        );
        assert!(Cli::try_parse_from(["samestory", "run", "a", "--format", "csv"]).is_err());
    }

    #[test]
    fn report_takes_one_directory() {
        let cli = Cli::try_parse_from(["samestory", "report", "out"]).unwrap();
        let Command::Report(report) = cli.command else {
            panic!("report expected")
        };
        assert_eq!(report.out_dir, PathBuf::from("out"));
        assert!(Cli::try_parse_from(["samestory", "report"]).is_err());
    }

    #[test]
    fn paths_are_required() {
        assert!(Cli::try_parse_from(["samestory", "extract"]).is_err());
    }

    #[test]
    fn no_clean_reaches_the_config() {
        let cli = Cli::try_parse_from(["samestory", "extract", "x", "--no-clean"]).unwrap();
        let Command::Extract(ex) = cli.command else {
            panic!("extract expected")
        };
        assert!(!ex.input.config().unwrap().ingest.clean_boilerplate);
    }

    #[test]
    fn serve_binds_loopback_unless_told_and_reads_its_limits() {
        let cli = Cli::try_parse_from(["samestory", "serve", "--index", "i.redb"]).unwrap();
        let Command::Serve(serve) = cli.command else {
            panic!("serve expected")
        };
        assert!(serve.bind.ip().is_loopback());
        assert_eq!(serve.bind.port(), 8080);
        assert!(!serve.options().read_only);
        let cli = Cli::try_parse_from([
            "samestory",
            "serve",
            "--bind",
            "0.0.0.0:9000",
            "--read-only",
            "--body-limit",
            "1024",
            "--timeout",
            "5",
        ])
        .unwrap();
        let Command::Serve(serve) = cli.command else {
            panic!("serve expected")
        };
        assert_eq!(serve.bind.to_string(), "0.0.0.0:9000");
        let options = serve.options();
        assert!(options.read_only);
        assert_eq!(options.body_limit, 1024);
        assert_eq!(options.timeout, std::time::Duration::from_secs(5));
        assert!(Cli::try_parse_from(["samestory", "serve", "--bind", "nowhere"]).is_err());
    }
}
