//! `samestory serve`: opens the index (its page cache warmed in the background with what
//! queries look up, `Index::warm`), binds the address (loopback by default) and runs
//! samestory-server's router on a tokio runtime until Ctrl-C or SIGTERM, then lets the
//! requests in flight finish. Logs (tracing) go to stderr, filtered by `RUST_LOG`
//! (default `info`).

use crate::args::ServeArgs;
use crate::report::Status;
use anyhow::Context;
use samestory_server::AppState;
use samestory_store::IndexBuilder;
use std::sync::Arc;

/// Runs the server.
pub fn serve(args: ServeArgs) -> anyhow::Result<Status> {
    let config = args.config()?;
    if args.read_only && !args.index.exists() {
        anyhow::bail!(
            "{}: no index here to serve read-only (`samestory index add PATH…` creates one)",
            args.index.display()
        );
    }
    let filter = tracing_subscriber::EnvFilter::try_from_default_env()
        .unwrap_or_else(|_| tracing_subscriber::EnvFilter::new("info"));
    let _ = tracing_subscriber::fmt()
        .with_env_filter(filter)
        .with_writer(std::io::stderr)
        .with_ansi(std::io::IsTerminal::is_terminal(&std::io::stderr()))
        .try_init();
    let cache = args.cache_mib.saturating_mul(1 << 20);
    let index = IndexBuilder::new(config.clone())
        .cache_bytes(cache)
        .open(&args.index)
        .context("opening the index")?;
    let index = Arc::new(index);
    let warming = Arc::clone(&index);
    std::thread::spawn(move || match warming.warm(cache) {
        Ok(bytes) => tracing::info!(bytes, "page cache warmed with the query's lookup tables"),
        Err(e) => tracing::warn!("warming the page cache: {e}"),
    });
    let state = AppState::new(index, config, &args.options());
    let runtime = tokio::runtime::Builder::new_multi_thread()
        .enable_all()
        .build()
        .context("starting the async runtime")?;
    runtime.block_on(async {
        let listener = tokio::net::TcpListener::bind(args.bind)
            .await
            .with_context(|| format!("{}: cannot listen", args.bind))?;
        let addr = listener.local_addr().context("reading the bound address")?;
        tracing::info!(
            index = %args.index.display(),
            read_only = args.read_only,
            "listening on http://{addr}"
        );
        samestory_server::serve(listener, state, samestory_server::shutdown_signal())
            .await
            .context("serving")?;
        tracing::info!("stopped");
        Ok::<_, anyhow::Error>(())
    })?;
    Ok(Status::from_failures())
}
