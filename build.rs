//! The release build that splits the meeting page off (feature `split`) links the wasm with its
//! relocations kept: wasm-split-cli needs them to cut the module (xtask/src/split.rs). Only the
//! final link changes, so the dependencies keep their compiled artifacts.

fn main() {
    println!("cargo:rerun-if-changed=build.rs");
    let split = std::env::var_os("CARGO_FEATURE_SPLIT").is_some();
    let wasm = std::env::var("CARGO_CFG_TARGET_ARCH").is_ok_and(|arch| arch == "wasm32");
    if split && wasm {
        println!("cargo:rustc-link-arg-bins=--emit-relocs");
    }
}
