//! Whole folders at once: finding the declarations under a folder, compiling them on a thread pool
//! with results delivered in path order, and the roll-up of every department.
//!
//! Nothing of a file is kept once its work is done: a worker returns only what the caller asks for
//! (rendered diagnostics, a roll-up line), and results are handed on in path order as soon as every
//! earlier path is done; workers never run more than a small window ahead of the next path to hand
//! on, so memory stays flat however many files there are.

pub mod printed;
pub mod rollup;

use std::collections::BTreeMap;
use std::path::{Component, Path, PathBuf};
use std::sync::atomic::{AtomicUsize, Ordering};
use std::sync::{Condvar, Mutex, MutexGuard, PoisonError, mpsc};

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
    /// Why, in both languages (the operating system's message is English only).
    pub reason: crate::messages::Text,
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
                    reason: e.io_error().map_or_else(
                        || crate::messages::Text::new(e.to_string(), e.to_string()),
                        crate::messages::io_reason,
                    ),
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

/// How many results may wait, per thread, for an earlier item still being worked on.
const WINDOW_PER_THREAD: usize = 64;

/// Runs `work` on every item on a pool of `threads` threads (0: `RAYON_NUM_THREADS`, else every
/// core) and calls `deliver` with each result on the calling thread, in the items' order, as soon as
/// every earlier item is delivered. Workers take items in order from a shared counter, and a worker
/// does not start an item more than a window (64 per thread) ahead of the next one to deliver: a slow
/// early file holds back at most that many finished results, however many files follow it.
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
    let window = pool.current_num_threads().max(1) * WINDOW_PER_THREAD;
    let next_item = AtomicUsize::new(0);
    let gate = Gate::default();
    let (tx, rx) = mpsc::channel::<(usize, R)>();
    std::thread::scope(|scope| {
        let (work, next_item, gate) = (&work, &next_item, &gate);
        scope.spawn(move || {
            pool.broadcast(|_| {
                // Should `work` panic, the others stop waiting for its item.
                let _abort = AbortOnUnwind(gate);
                let tx = tx.clone();
                loop {
                    let i = next_item.fetch_add(1, Ordering::Relaxed);
                    let Some(item) = items.get(i) else { break };
                    if !gate.wait_for(i, window) {
                        break;
                    }
                    // The receiver lives until every sender is gone.
                    let _ = tx.send((i, work(item)));
                }
            });
            drop(tx);
        });
        let mut pending = BTreeMap::new();
        let mut next = 0;
        for (i, r) in rx {
            pending.insert(i, r);
            let before = next;
            while let Some(r) = pending.remove(&next) {
                deliver(next, r);
                next += 1;
            }
            if next != before {
                gate.delivered(next);
            }
        }
        // Workers still waiting (only after a panic) are let go.
        gate.abort();
    });
    Ok(())
}

/// How far delivery has got, for workers waiting to start an item too far ahead.
#[derive(Default)]
struct Gate {
    state: Mutex<GateState>,
    moved: Condvar,
}

#[derive(Default)]
struct GateState {
    delivered: usize,
    aborted: bool,
}

impl Gate {
    fn lock(&self) -> MutexGuard<'_, GateState> {
        self.state.lock().unwrap_or_else(PoisonError::into_inner)
    }

    /// Waits until item `i` is within `window` of the next item to deliver; false when the run is
    /// being abandoned.
    fn wait_for(&self, i: usize, window: usize) -> bool {
        let mut s = self.lock();
        while i >= s.delivered.saturating_add(window) && !s.aborted {
            s = self.moved.wait(s).unwrap_or_else(PoisonError::into_inner);
        }
        !s.aborted
    }

    fn delivered(&self, n: usize) {
        self.lock().delivered = n;
        self.moved.notify_all();
    }

    fn abort(&self) {
        self.lock().aborted = true;
        self.moved.notify_all();
    }
}

struct AbortOnUnwind<'a>(&'a Gate);

impl Drop for AbortOnUnwind<'_> {
    fn drop(&mut self) {
        if std::thread::panicking() {
            self.0.abort();
        }
    }
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
    fn a_slow_early_item_holds_back_only_a_window_of_results() {
        let items: Vec<usize> = (0..2000).collect();
        let delivered = AtomicUsize::new(0);
        let furthest_ahead = AtomicUsize::new(0);
        run_ordered(
            &items,
            2,
            |i| {
                let ahead = i - delivered.load(Ordering::SeqCst);
                furthest_ahead.fetch_max(ahead, Ordering::SeqCst);
                if *i == 3 {
                    std::thread::sleep(std::time::Duration::from_millis(300));
                }
                *i
            },
            |i, r| {
                assert_eq!(i, r);
                delivered.store(i + 1, Ordering::SeqCst);
            },
        )
        .expect("pool builds");
        assert_eq!(delivered.load(Ordering::SeqCst), items.len());
        let ahead = furthest_ahead.load(Ordering::SeqCst);
        assert!(ahead < 2 * WINDOW_PER_THREAD, "{ahead} items ahead");
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
