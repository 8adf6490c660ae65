//! The analysis worker: a second WebAssembly module that Trunk builds
//! (`data-type="worker"` in `index.html`) and the page starts to read long
//! files and analyse every article but the sample, whose analysis the build
//! writes into the page (`src/analyst.rs` in the app). The engine is in this
//! module alone, so that a first visit does not fetch it.
//!
//! It takes a [`Job`] as bincode bytes and answers with each of its replies
//! as bincode bytes, their buffer transferred rather than copied. It says
//! "ready" once it listens: messages sent before then would be lost.

use lede_analysis::job::{Job, serve};
use wasm_bindgen::JsCast;
use wasm_bindgen::prelude::*;
use web_sys::{DedicatedWorkerGlobalScope, MessageEvent};

fn main() {
    console_error_panic_hook::set_once();
    let scope: DedicatedWorkerGlobalScope = js_sys::global().unchecked_into();
    let replies = scope.clone();
    let on_message = Closure::<dyn Fn(MessageEvent)>::new(move |ev: MessageEvent| {
        let bytes = js_sys::Uint8Array::new(&ev.data()).to_vec();
        let Ok(job) = bincode::deserialize::<Job>(&bytes) else {
            web_sys::console::error_1(&"lede-worker: a job it could not read".into());
            return;
        };
        serve(&job, |reply| {
            let Ok(bytes) = bincode::serialize(&reply) else {
                return;
            };
            let array = js_sys::Uint8Array::from(&bytes[..]);
            let transfer = js_sys::Array::of1(&array.buffer());
            let _ = replies.post_message_with_transfer(&array, &transfer);
        });
    });
    scope.set_onmessage(Some(on_message.as_ref().unchecked_ref()));
    on_message.forget();
    let _ = scope.post_message(&JsValue::from_str("ready"));
}
