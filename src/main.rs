//! Sets the panic hook and the error banner and mounts the app; everything
//! else lives in the library.

fn main() {
    lede::install_panic_hook();
    lede::report_uncaught_errors();
    leptos::mount::mount_to_body(lede::App);
}
