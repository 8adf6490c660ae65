//! Sets the panic hook and mounts the app; everything else lives in the library.

fn main() {
    lede::install_panic_hook();
    leptos::mount::mount_to_body(lede::App);
}
