//! Reads `config.json`, then mounts the console.

use leptos::prelude::*;

fn main() {
    console_error_panic_hook::set_once();
    huikong::host::csp::watch();
    wasm_bindgen_futures::spawn_local(async {
        let loaded = huikong::host::config::load().await;
        leptos::mount::mount_to_body(move || {
            view! { <huikong::app::App loaded=loaded/> }
        });
        // index.html's loading line, shown while the module and config.json load.
        if let Some(boot) = web_sys::window()
            .and_then(|w| w.document())
            .and_then(|d| d.get_element_by_id("huikong-boot"))
        {
            boot.remove();
        }
        huikong::app::prefetch_meeting_page();
    });
}
