//! `cargo xtask dist`: the release console as plain files, every asset with a precompressed copy
//! beside it (`.gz`, `.br`) for servers that send them, and a checksum list beside the
//! directory (not in it, so it is not published) to check a server's copy against the build.

use std::path::{Path, PathBuf};
use std::sync::Mutex;

use crate::build;
use crate::install;
use crate::procs::run;
use crate::util::{capture, cmd, heading, root, target_dir};

/// The deployment's own file: edited on the server, so neither compressed (a stale copy would
/// be sent instead of the edit) nor in the checksum list (an edit is not a corruption).
pub const CONFIG: &str = "config.json";
const COMPRESSED: [&str; 2] = ["gz", "br"];

pub fn main(args: &[String]) -> Result<(), String> {
    if !args.is_empty() {
        return Err(format!("dist takes no arguments, got {args:?}"));
    }
    let dist = root().join("dist");
    release(&dist)?;
    let sums = sums_path(&dist);
    let listed = write_sums(&dist, &sums)?;
    println!(
        "{listed} files in {} (config.json left out), their checksums in {}; check a copy in \
         its directory with `sha256sum -c {}`",
        dist.display(),
        sums.display(),
        sums.display()
    );
    Ok(())
}

/// `dist.sha256sums` beside `dist/`.
pub fn sums_path(dist: &Path) -> PathBuf {
    let name = dist
        .file_name()
        .map_or("dist".into(), |n| n.to_string_lossy());
    dist.with_file_name(format!("{name}.sha256sums"))
}

/// The release build in `dist`, compressed. Other steps of one xtask run (the size budget,
/// the nginx test) share one build of the test directory: it takes minutes.
pub fn release(dist: &Path) -> Result<(), String> {
    static BUILT: Mutex<Vec<PathBuf>> = Mutex::new(Vec::new());
    let mut built = BUILT.lock().unwrap_or_else(|e| e.into_inner());
    if built.iter().any(|d| d == dist) {
        return Ok(());
    }
    install::build_tools()?;
    install::compressors()?;
    build::console(true, dist)?;
    compress(dist)?;
    built.push(dist.to_path_buf());
    Ok(())
}

/// The release build the test steps use, outside the checkout's `dist/`.
pub fn test_dist() -> PathBuf {
    target_dir().join("release-dist")
}

/// `gzip -9` and `brotli -q 11` copies beside every file but `config.json`.
fn compress(dist: &Path) -> Result<(), String> {
    heading("compressing the assets (gzip -9, brotli -q 11)");
    let files: Vec<String> = files_of(dist)?
        .into_iter()
        .filter(|f| f != CONFIG && !is_compressed(f))
        .collect();
    run(
        "gzip",
        cmd("gzip")
            .current_dir(dist)
            .args(["-9", "-k", "-n", "-f", "--"])
            .args(&files),
    )?;
    run(
        "brotli",
        cmd("brotli")
            .current_dir(dist)
            .args(["-q", "11", "-k", "-f", "--"])
            .args(&files),
    )
}

pub fn is_compressed(file: &str) -> bool {
    COMPRESSED
        .iter()
        .any(|ext| file.ends_with(&format!(".{ext}")))
}

/// Writes the checksums of every file in `dist` but `config.json` to `sums`; how many.
pub fn write_sums(dist: &Path, sums: &Path) -> Result<usize, String> {
    let files: Vec<String> = files_of(dist)?
        .into_iter()
        .filter(|f| f != CONFIG)
        .collect();
    let mut sha = cmd("sha256sum");
    sha.current_dir(dist).arg("--").args(&files);
    let list = capture(&mut sha).ok_or("sha256sum failed (coreutils is needed)")?;
    std::fs::write(sums, &list).map_err(|e| format!("writing {}: {e}", sums.display()))?;
    Ok(files.len())
}

/// Every file under `dir`, as paths relative to it, sorted.
pub fn files_of(dir: &Path) -> Result<Vec<String>, String> {
    let mut out = Vec::new();
    let mut pending = vec![dir.to_path_buf()];
    while let Some(d) = pending.pop() {
        let entries = std::fs::read_dir(&d).map_err(|e| format!("reading {}: {e}", d.display()))?;
        for entry in entries.flatten() {
            let path = entry.path();
            if path.is_dir() {
                pending.push(path);
            } else if let Ok(rel) = path.strip_prefix(dir) {
                out.push(rel.to_string_lossy().into_owned());
            }
        }
    }
    out.sort();
    Ok(out)
}
