//! The feature vocabulary of one build: every feature string (see [`crate::Kind`]) gets a
//! `u32` id the first time any thread meets it, so documents are kept as compact id counts
//! between the document-frequency pass and the vector pass. These ids depend on thread
//! timing; [`crate::Model`] renumbers features by name before anything is compared, so no
//! output depends on them.
//!
//! Each `Vocab` has a process-unique generation number: per-thread caches of word → id
//! ([`crate::extract`]) are valid for one generation only.

use std::collections::HashMap;
use std::sync::atomic::{AtomicU64, Ordering};
use std::sync::{PoisonError, RwLock};

/// A concurrent feature interner.
#[derive(Debug)]
pub struct Vocab {
    generation: u64,
    inner: RwLock<Inner>,
}

#[derive(Debug, Default)]
struct Inner {
    ids: HashMap<Box<str>, u32>,
    names: Vec<Box<str>>,
}

impl Default for Vocab {
    fn default() -> Self {
        static NEXT: AtomicU64 = AtomicU64::new(1);
        Vocab {
            generation: NEXT.fetch_add(1, Ordering::Relaxed),
            inner: RwLock::default(),
        }
    }
}

impl Vocab {
    /// This vocabulary's process-unique generation.
    pub fn generation(&self) -> u64 {
        self.generation
    }

    /// The id of `name`, adding it when new.
    pub fn intern(&self, name: &str) -> u32 {
        let read = self.inner.read().unwrap_or_else(PoisonError::into_inner);
        if let Some(&id) = read.ids.get(name) {
            return id;
        }
        drop(read);
        let mut inner = self.inner.write().unwrap_or_else(PoisonError::into_inner);
        if let Some(&id) = inner.ids.get(name) {
            return id;
        }
        let id = inner.names.len() as u32;
        inner.ids.insert(name.into(), id);
        inner.names.push(name.into());
        id
    }

    /// Every name so far, by id.
    pub fn names(&self) -> Vec<Box<str>> {
        let read = self.inner.read().unwrap_or_else(PoisonError::into_inner);
        read.names.clone()
    }

    /// The name of one id.
    pub fn name(&self, id: u32) -> Box<str> {
        let read = self.inner.read().unwrap_or_else(PoisonError::into_inner);
        read.names[id as usize].clone()
    }

    /// Every name, by id (consumes the vocabulary).
    pub fn into_names(self) -> Vec<Box<str>> {
        self.inner
            .into_inner()
            .unwrap_or_else(PoisonError::into_inner)
            .names
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn ids_are_dense_and_stable() {
        let v = Vocab::default();
        assert_eq!(v.intern("troop"), 0);
        assert_eq!(v.intern("@kuleba"), 1);
        assert_eq!(v.intern("troop"), 0);
        assert_eq!(&*v.name(1), "@kuleba");
        assert_ne!(v.generation(), Vocab::default().generation());
        assert_eq!(v.into_names().len(), 2);
    }
}
