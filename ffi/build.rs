//! Build script of the C library.
//!
//! * Gives the shared library the soname `libreglament.so.0` (Linux), so a
//!   host linked with `-lreglament` records the ABI version it was built for.
//! * With the `header` feature, generates the C header with cbindgen from
//!   `src/` and `cbindgen.toml` into `$OUT_DIR/reglament.h` (the committed
//!   copy is `bindings/c/reglament.h`; `bindings/c/check-header.sh` compares).

fn main() {
    if std::env::var("CARGO_CFG_TARGET_OS").as_deref() == Ok("linux") {
        println!("cargo:rustc-cdylib-link-arg=-Wl,-soname,libreglament.so.0");
    }
    #[cfg(feature = "header")]
    header();
}

#[cfg(feature = "header")]
fn header() {
    use std::path::PathBuf;
    let dir =
        PathBuf::from(std::env::var("CARGO_MANIFEST_DIR").expect("cargo sets CARGO_MANIFEST_DIR"));
    let out =
        PathBuf::from(std::env::var("OUT_DIR").expect("cargo sets OUT_DIR")).join("reglament.h");
    println!("cargo:rerun-if-changed=cbindgen.toml");
    println!("cargo:rerun-if-changed=src");
    let mut config = cbindgen::Config::from_file(dir.join("cbindgen.toml"))
        .expect("ffi/cbindgen.toml is readable");
    // The version macros come from the package version, so they cannot drift.
    let v = |k: &str| std::env::var(k).expect("cargo sets the package version");
    config.after_includes = Some(format!(
        "\n/** The version of the library this header belongs to, as text. */\n#define REGLAMENT_VERSION \"{}\"\n\
         /** Major version of the library this header belongs to. */\n#define REGLAMENT_VERSION_MAJOR {}\n\
         /** Minor version of the library this header belongs to. */\n#define REGLAMENT_VERSION_MINOR {}\n\
         /** Patch version of the library this header belongs to. */\n#define REGLAMENT_VERSION_PATCH {}",
        v("CARGO_PKG_VERSION"),
        v("CARGO_PKG_VERSION_MAJOR"),
        v("CARGO_PKG_VERSION_MINOR"),
        v("CARGO_PKG_VERSION_PATCH"),
    ));
    let mut text = Vec::new();
    cbindgen::Builder::new()
        .with_config(config)
        .with_src(dir.join("src/lib.rs"))
        .generate()
        .expect("cbindgen generates the header")
        .write(&mut text);
    let text = String::from_utf8(text).expect("cbindgen writes UTF-8");
    std::fs::write(&out, portable(&text)).expect("OUT_DIR is writable");
}

/// cbindgen's output made clean under C89 `-pedantic` (and so under every
/// later C and C++): `// x` comments after a preprocessor line or a closing
/// brace become `/* x */`, and the last enumerator of an enum loses its
/// trailing comma. Anything else cbindgen writes is left as it is.
#[cfg(feature = "header")]
fn portable(text: &str) -> String {
    let mut lines: Vec<String> = Vec::new();
    let mut in_enum = false;
    for line in text.lines() {
        let trimmed = line.trim_start();
        let mut line = line.to_string();
        if trimmed.starts_with('#') || trimmed.starts_with('}') {
            if let Some(at) = line.find("//") {
                let comment = line[at + 2..].trim().to_string();
                line = format!("{}/* {comment} */", &line[..at]);
            }
        }
        if (trimmed.starts_with("enum ") || trimmed.starts_with("typedef enum "))
            && trimmed.ends_with('{')
        {
            in_enum = true;
        } else if in_enum && trimmed.starts_with('}') {
            in_enum = false;
            // the last enumerator: the nearest line above that is code
            if let Some(last) = lines.iter_mut().rev().find(|l| {
                let t = l.trim_start();
                !t.is_empty() && !t.starts_with("/*") && !t.starts_with('*')
            }) {
                if last.ends_with(',') {
                    last.pop();
                }
            }
        }
        lines.push(line);
    }
    let mut out = lines.join("\n");
    out.push('\n');
    out
}
