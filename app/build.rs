//! Generates the `i18n` module from the translation files (`locales/<language>/<part>.json`)
//! with leptos_i18n: a key the code uses but no file has fails the build. A key missing in
//! English only warns here (leptos_i18n shows the Danish); `lang::tests` fails on it.
use leptos_i18n_build::options::CodegenOptions;
use leptos_i18n_build::{Config, ParseOptions, TranslationsInfos};
use std::error::Error;
use std::path::PathBuf;

fn main() -> Result<(), Box<dyn Error>> {
    println!("cargo::rerun-if-changed=build.rs");
    let out = PathBuf::from(std::env::var_os("OUT_DIR").ok_or("OUT_DIR")?).join("i18n");
    // The parts the translations are split into (one file per part and language): the
    // Danish files name them; `lang::tests` checks English has the same files and keys.
    println!("cargo::rerun-if-changed=locales/da");
    let mut namespaces: Vec<String> = std::fs::read_dir("locales/da")?
        .filter_map(|e| e.ok())
        .filter_map(|e| {
            e.file_name()
                .to_str()
                .and_then(|n| n.strip_suffix(".json"))
                .map(str::to_string)
        })
        .collect();
    namespaces.sort();
    // Interpolations as plain strings too (`td_string!`): attributes and titles need them.
    let options = ParseOptions::default().interpolate_display(true);
    let cfg = Config::new("da")?
        .add_locale("en")?
        .add_namespaces(&namespaces)?
        .parse_options(options);
    let translations = TranslationsInfos::parse(cfg)?;
    translations.emit_diagnostics();
    translations.rerun_if_locales_changed();
    // The generated code spells paths in full, which the workspace's lints would flag.
    let allow: proc_macro2::TokenStream = "#![allow(unused_qualifications)]".parse()?;
    let codegen = CodegenOptions::default()
        .top_level_attributes(Some(allow))
        .gen_docs(false);
    translations.generate_i18n_module_with_options(out, codegen)?;
    Ok(())
}
