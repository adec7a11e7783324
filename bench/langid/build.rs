//! Finds whichlang's generated `weights.rs` (MIT) in the cargo registry, so `detect.rs` can score
//! with it and expose the softmax probability that `whichlang::detect_language` throws away.
use std::process::Command;

fn main() {
    println!("cargo:rerun-if-changed=build.rs");
    if std::env::var_os("CARGO_FEATURE_WHICHLANG").is_none() {
        return;
    }
    let cargo = std::env::var("CARGO").unwrap_or_else(|_| "cargo".into());
    let dir = std::env::var("CARGO_MANIFEST_DIR").expect("CARGO_MANIFEST_DIR");
    let out = Command::new(cargo)
        .args([
            "metadata",
            "--format-version",
            "1",
            "--offline",
            "--manifest-path",
        ])
        .arg(format!("{dir}/Cargo.toml"))
        .output()
        .expect("cargo metadata");
    let json = String::from_utf8_lossy(&out.stdout);
    let key = "\"manifest_path\":\"";
    let path = json
        .match_indices(key)
        .map(|(i, _)| &json[i + key.len()..])
        .map(|s| &s[..s.find('"').unwrap_or(0)])
        .find(|p| p.contains("/whichlang-0.1.1/"))
        .expect("whichlang 0.1.1 in cargo metadata");
    let weights = path.replace("Cargo.toml", "src/weights.rs");
    println!("cargo:rustc-env=WHICHLANG_WEIGHTS={weights}");
}
