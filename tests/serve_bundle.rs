//! The editor bundle of `bdl serve` (src/serve/assets/editor.js, committed so that building bdl needs
//! no Node) is the one editors/web/build.sh makes from the committed source and the pinned packages:
//! its header names exactly the packages of editors/web/package-lock.json that go into it, and the
//! CRC-32 of editors/web/src/editor.js. Rebuild with `cd editors/web && npm ci && sh build.sh`.

// Tests, benches and examples may unwrap, panic and index: a failure there is a failed check, not a crash.
#![allow(
    clippy::unwrap_used,
    clippy::expect_used,
    clippy::panic,
    clippy::indexing_slicing,
    clippy::string_slice
)]

use serde_json::Value;

const BUNDLE: &str = "src/serve/assets/editor.js";
const REBUILD: &str = "rebuild it: cd editors/web && npm ci && sh build.sh";

fn header() -> String {
    let bundle = std::fs::read_to_string(BUNDLE).unwrap();
    let first = bundle.lines().next().unwrap();
    assert!(
        first.starts_with("/* bdl serve editor.") && first.ends_with(" */"),
        "{first}"
    );
    first.to_string()
}

#[test]
fn the_bundle_names_exactly_the_locked_package_versions() {
    let lock: Value =
        serde_json::from_str(&std::fs::read_to_string("editors/web/package-lock.json").unwrap())
            .unwrap();
    let locked: Vec<String> = lock["packages"]
        .as_object()
        .unwrap()
        .iter()
        .filter_map(|(path, p)| {
            let name = path.strip_prefix("node_modules/")?;
            (p["dev"] != Value::Bool(true))
                .then(|| format!("{name}@{}", p["version"].as_str().unwrap()))
        })
        .collect();
    assert!(locked.iter().any(|p| p.starts_with("@codemirror/view@")));
    let header = header();
    let named: Vec<&str> = header
        .split_once("(MIT, https://codemirror.net):")
        .unwrap()
        .1
        .split(';')
        .next()
        .unwrap()
        .split_whitespace()
        .collect();
    assert_eq!(
        named, locked,
        "the bundle is not built from the lock: {REBUILD}"
    );
}

#[test]
fn the_bundle_is_built_from_the_committed_source() {
    let source = std::fs::read_to_string("editors/web/src/editor.js")
        .unwrap()
        .replace("\r\n", "\n");
    let mut crc = flate2::Crc::new();
    crc.update(source.as_bytes());
    let expected = format!("src/editor.js crc32 {:08x} */", crc.sum());
    assert!(
        header().ends_with(&expected),
        "editors/web/src/editor.js changed since the bundle was built ({expected}): {REBUILD}"
    );
}
