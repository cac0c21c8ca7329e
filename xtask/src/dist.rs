//! `cargo xtask dist`: the release console as plain files, with a checksum list beside them so
//! the copy on a web server can be checked against the build (`sha256sum -c SHA256SUMS`).

use std::path::Path;

use crate::build;
use crate::util::{capture, cmd, root};

const SUMS: &str = "SHA256SUMS";

pub fn main(args: &[String]) -> Result<(), String> {
    if !args.is_empty() {
        return Err(format!("dist takes no arguments, got {args:?}"));
    }
    let dist = root().join("dist");
    build::console(true, &dist)?;
    let files = files_of(&dist)?;
    let mut sha = cmd("sha256sum");
    sha.current_dir(&dist).arg("--").args(&files);
    let sums = capture(&mut sha).ok_or("sha256sum failed (coreutils is needed)")?;
    std::fs::write(dist.join(SUMS), &sums).map_err(|e| format!("writing {SUMS}: {e}"))?;
    println!("{sums}");
    println!(
        "{} files in {} with their checksums in {SUMS}; check a copy with `sha256sum -c {SUMS}`",
        files.len(),
        dist.display()
    );
    Ok(())
}

/// Every file under `dir`, as paths relative to it, sorted; the checksum list itself left out.
fn files_of(dir: &Path) -> Result<Vec<String>, String> {
    let mut out = Vec::new();
    let mut pending = vec![dir.to_path_buf()];
    while let Some(d) = pending.pop() {
        let entries = std::fs::read_dir(&d).map_err(|e| format!("reading {}: {e}", d.display()))?;
        for entry in entries.flatten() {
            let path = entry.path();
            if path.is_dir() {
                pending.push(path);
            } else if let Ok(rel) = path.strip_prefix(dir) {
                let rel = rel.to_string_lossy().into_owned();
                if rel != SUMS {
                    out.push(rel);
                }
            }
        }
    }
    out.sort();
    Ok(out)
}
