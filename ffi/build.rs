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
    cbindgen::Builder::new()
        .with_config(config)
        .with_src(dir.join("src/lib.rs"))
        .generate()
        .expect("cbindgen generates the header")
        .write_to_file(&out);
}
