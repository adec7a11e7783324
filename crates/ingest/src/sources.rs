//! Expands command-line arguments (files, directories, globs, `-`) into [`InputFile`]s with the
//! stable ids of DESIGN.md, sorted by id. Reads no file contents.

use crate::IngestError;
use std::path::{Path, PathBuf};

/// Where an input's bytes come from.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum InputSource {
    /// A file on disk.
    Path(PathBuf),
    /// Standard input (the argument `-`).
    Stdin,
}

/// One input file with its document id and display name.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct InputFile {
    /// The id of the document read from it: the file name for a file given directly, the
    /// path relative to the directory argument for a file found under a directory.
    pub id: String,
    /// The path to show in messages (as given / as found).
    pub display: String,
    /// Where to read.
    pub source: InputSource,
}

impl InputFile {
    /// An input for a path given directly; its id is the file name.
    pub fn from_path(path: &Path) -> InputFile {
        let id = path
            .file_name()
            .map(|n| n.to_string_lossy().into_owned())
            .unwrap_or_else(|| path.display().to_string());
        InputFile {
            id,
            display: path.display().to_string(),
            source: InputSource::Path(path.to_owned()),
        }
    }

    fn under_dir(root: &Path, path: &Path) -> InputFile {
        let rel = path.strip_prefix(root).unwrap_or(path);
        let id = rel
            .components()
            .map(|c| c.as_os_str().to_string_lossy())
            .collect::<Vec<_>>()
            .join("/");
        InputFile {
            id,
            display: path.display().to_string(),
            source: InputSource::Path(path.to_owned()),
        }
    }

    fn stdin() -> InputFile {
        InputFile {
            id: "stdin".into(),
            display: "<stdin>".into(),
            source: InputSource::Stdin,
        }
    }
}

/// Expands arguments into input files sorted by id (then display path), plus one error per
/// argument or directory entry that could not be used.
pub fn collect_inputs<S: AsRef<str>>(args: &[S]) -> (Vec<InputFile>, Vec<IngestError>) {
    let mut files = Vec::new();
    let mut errors = Vec::new();
    for arg in args {
        expand_arg(arg.as_ref(), &mut files, &mut errors);
    }
    files.sort_by(|a, b| (&a.id, &a.display).cmp(&(&b.id, &b.display)));
    files.dedup_by(|a, b| a.source == b.source);
    (files, errors)
}

fn expand_arg(arg: &str, files: &mut Vec<InputFile>, errors: &mut Vec<IngestError>) {
    let path = Path::new(arg);
    if arg == "-" {
        files.push(InputFile::stdin());
    } else if path.is_dir() {
        walk_dir(path, files, errors);
    } else if path.exists() {
        files.push(InputFile::from_path(path));
    } else if is_glob(arg) {
        expand_glob(arg, files, errors);
    } else {
        errors.push(IngestError::NotFound { path: arg.into() });
    }
}

fn is_glob(arg: &str) -> bool {
    arg.contains(['*', '?', '['])
}

fn expand_glob(pattern: &str, files: &mut Vec<InputFile>, errors: &mut Vec<IngestError>) {
    let paths = match glob::glob(pattern) {
        Ok(paths) => paths,
        Err(e) => {
            let why = e.to_string();
            return errors.push(IngestError::BadGlob {
                pattern: pattern.into(),
                why,
            });
        }
    };
    let before = files.len();
    for entry in paths {
        match entry {
            Ok(p) if p.is_dir() => walk_dir(&p, files, errors),
            Ok(p) => files.push(InputFile::from_path(&p)),
            Err(e) => errors.push(read_error(e.path().display().to_string(), e.into())),
        }
    }
    if files.len() == before {
        errors.push(IngestError::NotFound {
            path: pattern.into(),
        });
    }
}

fn walk_dir(root: &Path, files: &mut Vec<InputFile>, errors: &mut Vec<IngestError>) {
    let walker = walkdir::WalkDir::new(root)
        .follow_links(true)
        .sort_by_file_name();
    for entry in walker {
        match entry {
            Ok(e) if e.file_type().is_file() && !is_hidden(root, e.path()) => {
                files.push(InputFile::under_dir(root, e.path()))
            }
            Ok(_) => {}
            Err(e) => errors.push(walk_error(root, e)),
        }
    }
}

fn is_hidden(root: &Path, path: &Path) -> bool {
    let rel = path.strip_prefix(root).unwrap_or(path);
    rel.components()
        .any(|c| c.as_os_str().to_string_lossy().starts_with('.'))
}

fn walk_error(root: &Path, e: walkdir::Error) -> IngestError {
    let path = e.path().unwrap_or(root).display().to_string();
    let io = e
        .into_io_error()
        .unwrap_or_else(|| std::io::Error::other("filesystem loop"));
    read_error(path, io)
}

fn read_error(path: String, source: std::io::Error) -> IngestError {
    IngestError::Read { path, source }
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::fs;

    #[test]
    fn ids_follow_the_design_contract() {
        let dir = tempfile::tempdir().unwrap();
        fs::create_dir(dir.path().join("sub")).unwrap();
        fs::write(dir.path().join("b.txt"), "x").unwrap();
        fs::write(dir.path().join("sub/a.txt"), "x").unwrap();
        fs::write(dir.path().join(".hidden"), "x").unwrap();
        let root = dir.path().to_str().unwrap();
        let (files, errors) = collect_inputs(&[root]);
        let ids: Vec<_> = files.iter().map(|f| f.id.as_str()).collect();
        assert_eq!(ids, ["b.txt", "sub/a.txt"]);
        assert!(errors.is_empty());
        let direct = dir.path().join("sub/a.txt");
        let (files, _) = collect_inputs(&[direct.to_str().unwrap()]);
        assert_eq!(files[0].id, "a.txt");
    }

    #[test]
    fn missing_path_and_empty_glob_are_errors() {
        let (files, errors) = collect_inputs(&["/no/such/file", "/no/such/*.txt"]);
        assert!(files.is_empty());
        assert_eq!(errors.len(), 2);
        assert!(errors[0].to_string().contains("/no/such/file"));
    }

    #[test]
    fn glob_expands_to_files() {
        let dir = tempfile::tempdir().unwrap();
        fs::write(dir.path().join("x.txt"), "x").unwrap();
        fs::write(dir.path().join("y.md"), "x").unwrap();
        let pattern = format!("{}/*.txt", dir.path().display());
        let (files, errors) = collect_inputs(&[pattern]);
        assert_eq!(files.len(), 1);
        assert_eq!(files[0].id, "x.txt");
        assert!(errors.is_empty());
    }
}
