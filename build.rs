//! Tells the browser tests whether they can run: without Chromium (and, for `bdl serve`'s test,
//! chromedriver) they are marked ignored (with the reason) rather than passing silently — unless `CI`
//! is set, where a missing browser must fail the run.

fn main() {
    println!("cargo::rustc-check-cfg=cfg(bdl_without_chromium)");
    println!("cargo::rustc-check-cfg=cfg(bdl_without_chromedriver)");
    for var in ["CI", "PATH", "BDL_CHROMIUM", "BDL_CHROMEDRIVER"] {
        println!("cargo::rerun-if-env-changed={var}");
    }
    println!("cargo::rerun-if-changed=build.rs");
    let ci = std::env::var_os("CI").is_some_and(|v| !v.is_empty() && v != "false" && v != "0");
    let on_path = |name: &str| {
        std::env::var_os("PATH")
            .is_some_and(|path| std::env::split_paths(&path).any(|d| d.join(name).is_file()))
    };
    let chromium = std::env::var_os("BDL_CHROMIUM").is_some() || on_path("chromium");
    if !chromium && !ci {
        println!("cargo::rustc-cfg=bdl_without_chromium");
    }
    let chromedriver = std::env::var_os("BDL_CHROMEDRIVER").is_some() || on_path("chromedriver");
    if !chromedriver && !ci {
        println!("cargo::rustc-cfg=bdl_without_chromedriver");
    }
}
