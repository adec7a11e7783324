//! Panics of third-party decoders, caught. The parquet crate asserts (panics) on some damaged
//! pages and footers where it should return an error (the fuzz target finds them: bit
//! widths, dictionary indexes, offsets); a damaged file must be one error line, never the end
//! of a run. [`guarded`] runs a decoding step and turns its panic into an error;
//! [`in_guarded_decoder`] tells a binary's panic hook that the panic is being caught, so that
//! it prints nothing (the error line says what happened).
//!
//! Must not: catch panics of our own code, which are bugs.

use std::cell::Cell;
use std::panic::{catch_unwind, AssertUnwindSafe};

thread_local! {
    /// Whether this thread is inside [`guarded`].
    static GUARDED: Cell<bool> = const { Cell::new(false) };
}

/// `decode()`, with a panic turned into the error `the … decoder failed (MESSAGE)`, where
/// `decoder` names the library (`Parquet`).
pub fn guarded<T>(decoder: &str, decode: impl FnOnce() -> Result<T, String>) -> Result<T, String> {
    let outer = GUARDED.with(|g| g.replace(true));
    let result = catch_unwind(AssertUnwindSafe(decode));
    GUARDED.with(|g| g.set(outer));
    result.unwrap_or_else(|panic| {
        let what = panic
            .downcast_ref::<&str>()
            .map(|s| s.to_string())
            .or_else(|| panic.downcast_ref::<String>().cloned())
            .unwrap_or_else(|| "no message".into());
        Err(format!("the {decoder} decoder failed ({what})"))
    })
}

/// True while this thread runs a [`guarded`] step: a panic now is caught and reported as an
/// error, so a panic hook need not print it.
pub fn in_guarded_decoder() -> bool {
    GUARDED.with(Cell::get)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_panic_becomes_an_error_and_the_flag_is_reset() {
        assert!(!in_guarded_decoder());
        let seen = guarded("Test", || -> Result<(), String> {
            assert!(in_guarded_decoder());
            panic!("bit width 70")
        });
        assert_eq!(seen.unwrap_err(), "the Test decoder failed (bit width 70)");
        assert!(!in_guarded_decoder());
        assert_eq!(guarded("Test", || Ok(3)), Ok(3));
    }
}
