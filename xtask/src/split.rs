//! The release console's module cut in two at the meeting page's split point (src/app/lazy.rs):
//! the first module holds the join page and what it shares, the second what only the meeting
//! page uses, fetched once the join page is up. Trunk builds the page, the styles and the raw
//! module (feature `split`, linked with relocations by build.rs); then wasm-split-cli cuts the
//! raw module, wasm-bindgen binds the first part, wasm-opt shrinks each part, and every piece
//! gets one hash of them all in its name (they name each other, so a hash of each file alone
//! would be circular). index.html then points at the new names, as Trunk pointed at its own.

use std::path::{Path, PathBuf};

use crate::install::wasm_bindgen_version;
use crate::procs::run;
use crate::util::{binaryen_bin_dir, capture, cargo, cmd, heading, target_dir};

const CLI_CRATE: &str = "wasm_split_cli_support";
const CLI_VERSION: &str = "0.2.4";
/// The module wasm-split-cli has the first part import its loader from, and the loader's file.
const LOADER: &str = "__wasm_split.js";

/// wasm-split-cli from crates.io, when missing (it has no `--version`: cargo's list says).
pub fn install() -> Result<(), String> {
    let listed = capture(cargo().args(["install", "--list"])).unwrap_or_default();
    if listed.contains(&format!("{CLI_CRATE} v{CLI_VERSION}:")) {
        return Ok(());
    }
    heading(&format!(
        "installing wasm-split-cli {CLI_VERSION} (a few minutes)"
    ));
    run(
        "cargo install wasm_split_cli_support",
        cargo()
            .args(["install", "--locked", "--force", CLI_CRATE])
            .args(["--version", CLI_VERSION, "--features", "build-binary"]),
    )
}

/// Where the pieces are made; `bound/huikong_bg.wasm` is the first part before wasm-opt, with
/// its names (twiggy.rs reads it).
pub fn work_dir() -> PathBuf {
    target_dir().join("wasm-split")
}

/// Replaces Trunk's module in `dist` by the split one.
pub fn apply(dist: &Path) -> Result<(), String> {
    heading("splitting the meeting page off the module (wasm-split-cli, wasm-bindgen, wasm-opt)");
    let raw = target_dir().join("wasm32-unknown-unknown/release/huikong.wasm");
    let work = work_dir();
    let _ = std::fs::remove_dir_all(&work);
    let (cut, bound) = (work.join("cut"), work.join("bound"));
    run(
        "wasm-split-cli",
        cmd("wasm-split-cli").arg(&raw).arg(&cut).args([
            "--target",
            "web",
            "--out-name",
            "huikong",
        ]),
    )?;
    // Its lld exports kept: the table and globals the other part imports.
    let bindgen = format!("wasm-bindgen {}", wasm_bindgen_version()?);
    run(
        &bindgen,
        cmd("wasm-bindgen")
            .args(["--target", "web", "--keep-lld-exports", "--no-typescript"])
            .arg("--out-dir")
            .arg(&bound)
            .args(["--out-name", "huikong"])
            .arg(cut.join("huikong.wasm")),
    )?;
    let chunks = chunks(&cut)?;
    let first = optimize(
        &bound.join("huikong_bg.wasm"),
        &work.join("huikong_bg.wasm"),
    )?;
    let mut parts = Vec::new();
    for (file, name) in &chunks {
        parts.push((file, name, optimize(&cut.join(file), &work.join(file))?));
    }
    let glue = read_text(&bound.join("huikong.js"))?;
    let loader = read_text(&cut.join(LOADER))?;

    let mut all: Vec<&[u8]> = vec![&first, glue.as_bytes(), loader.as_bytes()];
    all.extend(parts.iter().map(|(_, _, bytes)| bytes.as_slice()));
    let hash = fnv1a(&all);
    let js = format!("huikong-{hash}.js");
    let wasm = format!("huikong-{hash}_bg.wasm");
    let loader_js = format!("huikong-split-{hash}.js");

    // The wasm's import names the loader's old file; only the JS import statement moves.
    let glue = replace_once(
        &glue,
        &format!("from \"./{LOADER}\""),
        &format!("from \"./{loader_js}\""),
    )?;
    let mut loader = replace_once(
        &loader,
        "from \"./huikong.js\"",
        &format!("from \"./{js}\""),
    )?;
    let mut written = vec![(js.clone(), glue.into_bytes()), (wasm.clone(), first)];
    for (file, name, bytes) in parts {
        let renamed = format!("huikong-{name}-{hash}.wasm");
        loader = replace_once(
            &loader,
            &format!("\"./{file}\""),
            &format!("\"./{renamed}\""),
        )?;
        written.push((renamed, bytes));
    }
    written.push((loader_js.clone(), loader.into_bytes()));
    for (name, bytes) in &written {
        write(&dist.join(name), bytes)?;
    }
    point_index_at(dist, &js, &wasm, &loader_js)
}

/// The split-off parts wasm-split-cli wrote: (`split_<name>.wasm`, `<name>`).
fn chunks(cut: &Path) -> Result<Vec<(String, String)>, String> {
    let mut out = Vec::new();
    for entry in std::fs::read_dir(cut).map_err(|e| format!("{}: {e}", cut.display()))? {
        let file = entry.map_err(|e| e.to_string())?.file_name();
        let file = file.to_string_lossy();
        if let Some(name) = file
            .strip_prefix("split_")
            .and_then(|f| f.strip_suffix(".wasm"))
        {
            out.push((file.to_string(), name.to_string()));
        }
    }
    if out.is_empty() {
        return Err(format!(
            "wasm-split-cli found no split point in the module ({}): was it built with \
             `--features split`?",
            cut.display()
        ));
    }
    out.sort();
    Ok(out)
}

/// wasm-opt -Os, as Trunk ran it on the whole module; the optimized bytes.
fn optimize(input: &Path, output: &Path) -> Result<Vec<u8>, String> {
    run(
        "wasm-opt",
        cmd(binaryen_bin_dir().join("wasm-opt"))
            .arg("-Os")
            .arg(input)
            .arg("-o")
            .arg(output),
    )?;
    std::fs::read(output).map_err(|e| format!("{}: {e}", output.display()))
}

/// index.html's boot tag and preload links at the split files; Trunk's module files removed.
fn point_index_at(dist: &Path, js: &str, wasm: &str, loader: &str) -> Result<(), String> {
    let index = dist.join("index.html");
    let html = read_text(&index)?;
    let old_js = attribute(&html, "data-huikong-js")?;
    let old_wasm = attribute(&html, "data-huikong-wasm")?;
    let mut html = strip_preloads(&html);
    html = replace_once(&html, &format!("\"{old_js}\""), &format!("\"./{js}\""))?;
    html = replace_once(&html, &format!("\"{old_wasm}\""), &format!("\"./{wasm}\""))?;
    // The loader too, or it would be found only once the glue runs; no integrity attribute:
    // same-origin files named by their content gain nothing from one.
    let links = format!(
        "<link rel=\"modulepreload\" href=\"./{js}\" crossorigin=\"anonymous\">\
         <link rel=\"modulepreload\" href=\"./{loader}\" crossorigin=\"anonymous\">\
         <link rel=\"preload\" href=\"./{wasm}\" crossorigin=\"anonymous\" as=\"fetch\" \
         type=\"application/wasm\">"
    );
    html = replace_once(&html, "</head>", &format!("{links}</head>"))?;
    for old in [&old_js, &old_wasm] {
        let path = dist.join(old.trim_start_matches("./"));
        std::fs::remove_file(&path).map_err(|e| format!("{}: {e}", path.display()))?;
    }
    write(&index, html.as_bytes())
}

/// The value of the one `name="..."` attribute in `html`.
fn attribute(html: &str, name: &str) -> Result<String, String> {
    let start = html
        .find(&format!("{name}=\""))
        .ok_or(format!("index.html has no {name} attribute"))?
        + name.len()
        + 2;
    let len = html[start..]
        .find('"')
        .ok_or(format!("index.html's {name} is not closed"))?;
    Ok(html[start..start + len].to_string())
}

/// `html` without Trunk's `<link rel="preload">` and `<link rel="modulepreload">` tags.
fn strip_preloads(html: &str) -> String {
    let (mut out, mut rest) = (String::new(), html);
    while let Some(at) = rest.find("<link rel=\"") {
        let end = rest[at..].find('>').map_or(rest.len(), |e| at + e + 1);
        let tag = &rest[at..end];
        out.push_str(&rest[..at]);
        if !(tag.contains("rel=\"preload\"") || tag.contains("rel=\"modulepreload\"")) {
            out.push_str(tag);
        }
        rest = &rest[end..];
    }
    out.push_str(rest);
    out
}

/// `text` with `from` replaced by `to`, which must occur exactly once: a tool that writes
/// its files differently must stop the build rather than ship a console that cannot load.
fn replace_once(text: &str, from: &str, to: &str) -> Result<String, String> {
    match text.matches(from).count() {
        1 => Ok(text.replacen(from, to, 1)),
        n => Err(format!(
            "expected `{from}` once in a generated file, found it {n} times"
        )),
    }
}

/// FNV-1a, 64 bits, over all the pieces: enough to tell one build's files from another's.
fn fnv1a(parts: &[&[u8]]) -> String {
    let mut hash: u64 = 0xcbf2_9ce4_8422_2325;
    for byte in parts.iter().flat_map(|p| p.iter()) {
        hash ^= u64::from(*byte);
        hash = hash.wrapping_mul(0x0100_0000_01b3);
    }
    format!("{hash:016x}")
}

fn read_text(path: &Path) -> Result<String, String> {
    std::fs::read_to_string(path).map_err(|e| format!("{}: {e}", path.display()))
}

fn write(path: &Path, bytes: &[u8]) -> Result<(), String> {
    std::fs::write(path, bytes).map_err(|e| format!("{}: {e}", path.display()))
}

#[cfg(test)]
mod tests {
    use super::{attribute, fnv1a, replace_once, strip_preloads};

    const HTML: &str = "<head><link rel=\"stylesheet\" href=\"./a-1.css\"/>\
        <script type=\"module\" src=\"./boot.js\" data-huikong-js=\"./h-1.js\" \
        data-huikong-wasm=\"./h-1_bg.wasm\"></script>\
        <link rel=\"modulepreload\" href=\"./h-1.js\"><link rel=\"preload\" \
        href=\"./h-1_bg.wasm\" as=\"fetch\"></head>";

    #[test]
    fn the_boot_tag_names_the_module_and_trunks_preloads_go() {
        assert_eq!(attribute(HTML, "data-huikong-js").unwrap(), "./h-1.js");
        assert_eq!(
            attribute(HTML, "data-huikong-wasm").unwrap(),
            "./h-1_bg.wasm"
        );
        let bare = strip_preloads(HTML);
        assert!(bare.contains("rel=\"stylesheet\""), "{bare}");
        assert!(!bare.contains("preload"), "{bare}");
        assert!(bare.ends_with("</script></head>"), "{bare}");
    }

    #[test]
    fn a_replacement_must_match_exactly_once() {
        assert_eq!(replace_once("a b", "b", "c").unwrap(), "a c");
        assert!(replace_once("a b b", "b", "c").is_err());
        assert!(replace_once("a", "b", "c").is_err());
    }

    #[test]
    fn the_hash_is_sixteen_hex_digits_and_follows_every_byte() {
        let one = fnv1a(&[b"ab", b"c"]);
        assert_eq!(one.len(), 16);
        assert_eq!(one, fnv1a(&[b"abc"]));
        assert_ne!(one, fnv1a(&[b"abd"]));
    }
}
