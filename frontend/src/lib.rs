//! The browser's entry point. The pages are rendered on the server; only their islands
//! (`#[island]`: the forms with a check before submit) run here, hydrated by Leptos' island
//! script, which calls this first.

// The islands are exported by the app's crate (`#[island]`); it must be linked in though
// nothing here names it.
extern crate jobspor_app;

#[wasm_bindgen::prelude::wasm_bindgen]
pub fn hydrate() {
    console_error_panic_hook::set_once();
    leptos::mount::hydrate_islands();
}
