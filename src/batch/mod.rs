//! Whole folders at once: finding the declarations under a folder, compiling them on a thread pool
//! with results delivered in path order, and the roll-up of every department.
//!
//! Nothing of a file is kept once its work is done: a worker returns only what the caller asks for
//! (rendered diagnostics, a roll-up line), and results are handed on in path order as soon as every
//! earlier path is done, so memory stays flat however many files there are.

pub mod rollup;

use rayon::prelude::*;
use std::collections::BTreeMap;
use std::path::{Component, Path, PathBuf};
use std::sync::mpsc;

/// One declaration found under a folder.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Source {
    /// The path to read (the folder joined with `relative`).
    pub path: PathBuf,
    /// The path inside the folder, made only of plain names (never `..`, never absolute).
    pub relative: PathBuf,
}

impl Source {
    /// The relative path with `/` separators, as roll-ups and messages show it.
    pub fn display_relative(&self) -> String {
        self.relative
            .components()
            .map(|c| c.as_os_str().to_string_lossy())
            .collect::<Vec<_>>()
            .join("/")
    }

    /// Where this source's output goes under `out_dir`, with `extension` in place of `.bdl`. `None`
    /// when the relative path is not made of plain names (which a walk never produces).
    pub fn output_path(&self, out_dir: &Path, extension: &str) -> Option<PathBuf> {
        let mut out = out_dir.to_path_buf();
        for c in self.relative.components() {
            match c {
                Component::Normal(name) => out.push(name),
                _ => return None,
            }
        }
        out.set_extension(extension);
        Some(out)
    }
}

/// A problem met while walking a folder (an unreadable subfolder, a loop).
#[derive(Debug)]
pub struct WalkError {
    pub path: PathBuf,
    pub message: String,
}

/// Every `.bdl` file under `dir`, sorted by relative path. Symbolic links are not followed (neither
/// out of the folder nor in circles) and are skipped; hidden entries (`.git`, editors' temporary
/// files) are skipped too. Problems are returned beside the files found.
pub fn walk(dir: &Path) -> (Vec<Source>, Vec<WalkError>) {
    let mut sources = Vec::new();
    let mut errors = Vec::new();
    let walker = walkdir::WalkDir::new(dir)
        .follow_links(false)
        .sort_by_file_name()
        .into_iter()
        .filter_entry(|e| e.depth() == 0 || !e.file_name().to_string_lossy().starts_with('.'));
    for entry in walker {
        let entry = match entry {
            Ok(e) => e,
            Err(e) => {
                errors.push(WalkError {
                    path: e
                        .path()
                        .map_or_else(|| dir.to_path_buf(), Path::to_path_buf),
                    message: e.to_string(),
                });
                continue;
            }
        };
        if !entry.file_type().is_file() || entry.path().extension().is_none_or(|x| x != "bdl") {
            continue;
        }
        let Ok(relative) = entry.path().strip_prefix(dir) else {
            continue;
        };
        if !relative
            .components()
            .all(|c| matches!(c, Component::Normal(_)))
        {
            continue;
        }
        sources.push(Source {
            path: entry.path().to_path_buf(),
            relative: relative.to_path_buf(),
        });
    }
    sources.sort_by(|a, b| a.relative.cmp(&b.relative));
    (sources, errors)
}

/// Runs `work` on every item on a pool of `threads` threads (0: `RAYON_NUM_THREADS`, else every
/// core) and calls `deliver` with each result on the calling thread, in the items' order, as soon as
/// every earlier item is delivered. Items are handed to workers in order, so at most about `threads`
/// results wait for an earlier one.
pub fn run_ordered<T, R, W, D>(
    items: &[T],
    threads: usize,
    work: W,
    mut deliver: D,
) -> Result<(), rayon::ThreadPoolBuildError>
where
    T: Sync,
    R: Send,
    W: Fn(&T) -> R + Sync,
    D: FnMut(usize, R),
{
    let pool = rayon::ThreadPoolBuilder::new()
        .num_threads(threads)
        .build()?;
    let (tx, rx) = mpsc::channel::<(usize, R)>();
    std::thread::scope(|scope| {
        let work = &work;
        scope.spawn(move || {
            pool.install(|| {
                items
                    .iter()
                    .enumerate()
                    .par_bridge()
                    .for_each_with(tx, |tx, (i, item)| {
                        // The receiver lives until every sender is gone.
                        let _ = tx.send((i, work(item)));
                    });
            });
        });
        let mut pending = BTreeMap::new();
        let mut next = 0;
        for (i, r) in rx {
            pending.insert(i, r);
            while let Some(r) = pending.remove(&next) {
                deliver(next, r);
                next += 1;
            }
        }
    });
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn results_arrive_in_order_whatever_the_threads() {
        let items: Vec<u64> = (0..500).collect();
        for threads in [1, 2, 4] {
            let mut seen = Vec::new();
            run_ordered(
                &items,
                threads,
                |n| {
                    // Uneven work, so results finish out of order.
                    (0..(n % 7) * 1000).fold(*n, |a, b| a.wrapping_add(b))
                        - (0..(n % 7) * 1000).sum::<u64>()
                },
                |i, r| seen.push((i, r)),
            )
            .expect("pool builds");
            let want: Vec<(usize, u64)> = items.iter().map(|n| (*n as usize, *n)).collect();
            assert_eq!(seen, want);
        }
    }

    #[test]
    fn output_paths_stay_under_the_output_folder() {
        let s = Source {
            path: PathBuf::from("in/a/b.bdl"),
            relative: PathBuf::from("a/b.bdl"),
        };
        assert_eq!(
            s.output_path(Path::new("out"), "json"),
            Some(PathBuf::from("out/a/b.json"))
        );
        let evil = Source {
            path: PathBuf::from("x"),
            relative: PathBuf::from("../b.bdl"),
        };
        assert_eq!(evil.output_path(Path::new("out"), "json"), None);
        let abs = Source {
            path: PathBuf::from("x"),
            relative: PathBuf::from("/etc/b.bdl"),
        };
        assert_eq!(abs.output_path(Path::new("out"), "json"), None);
    }
}
