//! Tells the browser test whether it can run: without Chromium it is marked ignored (with the reason)
//! rather than passing silently — unless `CI` is set, where a missing Chromium must fail the run.

fn main() {
    println!("cargo::rustc-check-cfg=cfg(bdl_without_chromium)");
    for var in ["CI", "PATH", "BDL_CHROMIUM"] {
        println!("cargo::rerun-if-env-changed={var}");
    }
    println!("cargo::rerun-if-changed=build.rs");
    let ci = std::env::var_os("CI").is_some_and(|v| !v.is_empty() && v != "false" && v != "0");
    let chromium = std::env::var_os("BDL_CHROMIUM").is_some()
        || std::env::var_os("PATH")
            .is_some_and(|path| std::env::split_paths(&path).any(|d| d.join("chromium").is_file()));
    if !chromium && !ci {
        println!("cargo::rustc-cfg=bdl_without_chromium");
    }
}
