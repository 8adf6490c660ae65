//! Sets the panic hook and the error banner, mounts the app and registers the
//! service worker; everything else lives in the library.

fn main() {
    lede::install_panic_hook();
    lede::report_uncaught_errors();
    leptos::mount::mount_to_body(lede::App);
    lede::register_service_worker();
}
