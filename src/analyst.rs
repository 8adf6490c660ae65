//! Long documents are read and analysed in a Web Worker (`crates/lede-worker`),
//! so that the page stays responsive however long the text: the page sends
//! a [`Job`] and gets back [`Reply`]s, each as bincode bytes.
//!
//! Jobs run one at a time, in order, with one exception: a new analysis
//! supersedes an analysis in flight (the worker is stopped mid-way and a
//! fresh one started) and any still waiting, rather than queueing behind
//! stale work. Reading a file is never dropped. A file the worker reads goes
//! straight on to its analysis, which the page adopts when it asks for the
//! same document's analysis.
//!
//! The engine lives in the worker's module alone, so that a first visit does
//! not fetch it (the sample's analysis comes in the page: `src/prerender.rs`).
//! Where no worker can run (it fails to load, or a policy forbids it), a
//! file is still read on the main thread, and an analysis gets
//! [`Reply::Failed`]: the article shows, without highlights, and says why.
//! Built with the `main-thread-analysis` feature, as the component tests
//! are (their pages have no worker files), the main thread analyses instead.
//!
//! Each reply is read in one task and handed over in the next, so that
//! reading a long document's analysis and showing it are two tasks, not one
//! long one.

use std::cell::{Cell, RefCell};
use std::collections::VecDeque;
use std::rc::Rc;

use lede_analysis::Document;
use lede_analysis::job::{Job, Reply, Request};
use lede_analysis::themes::Theme;
use leptos::prelude::set_timeout;
use wasm_bindgen::JsCast;
use wasm_bindgen::prelude::*;
use web_sys::{ErrorEvent, Event, MessageEvent, Worker};

/// Files up to this size are read on the main thread, without waiting for a
/// worker (their analysis goes to the worker all the same); past 32 KB
/// reading would begin to hold the page up for more than a few frames.
pub const WORKER_BYTES: usize = 32 * 1024;

/// The worker's loader, which Trunk writes beside the page
/// (`data-loader-shim`); relative, so that the site works under any path.
/// The build's site step renames the worker's files after their content and
/// names the loader in `<meta name="lede-worker">`, so that a page starts
/// the worker of its own build, never a newer one a deploy put beside it.
const LOADER: &str = "./lede-worker_loader.js";

/// The loader this page's build names, or Trunk's own name.
fn loader() -> String {
    crate::site::page_meta("lede-worker").unwrap_or_else(|| LOADER.to_owned())
}

type OnReply = Rc<dyn Fn(Reply)>;

struct Running {
    worker: Worker,
    /// Whether the worker listens yet: until it says so, jobs wait.
    ready: bool,
    in_flight: Option<(Job, OnReply)>,
    /// A file read that goes on to its analysis, until the page adopts it.
    orphan: Option<Orphan>,
    waiting: VecDeque<(Job, OnReply)>,
    _on_message: Closure<dyn Fn(MessageEvent)>,
    _on_error: Closure<dyn Fn(Event)>,
}

/// The analysis of a file the worker read, which the page has not asked for
/// yet: it asks once it has shown the document (after keeping it, which
/// takes a while), and the replies that came before are kept for it.
struct Orphan {
    job: u32,
    document: Document,
    custom: Vec<Theme>,
    replies: Vec<Reply>,
}

thread_local! {
    static RUNNING: RefCell<Option<Running>> = const { RefCell::new(None) };
    static LAST_ID: Cell<u32> = const { Cell::new(0) };
}

fn next_id() -> u32 {
    LAST_ID.with(|n| {
        n.set(n.get().wrapping_add(1));
        n.get()
    })
}

/// Starts the worker ahead of need (as a long file is being read), so that
/// the document does not wait for it to load.
pub fn warm_up() {
    RUNNING.with(|running| {
        let mut running = running.borrow_mut();
        if running.is_none() {
            *running = spawn();
        }
    });
}

/// Analyses `document` with the reader's `custom` themes, handing `on_reply`
/// each reply: in the worker, superseding any analysis not yet done (unless
/// it is this one).
pub fn analyse(document: Document, custom: Vec<Theme>, on_reply: impl Fn(Reply) + 'static) {
    let on_reply: OnReply = Rc::new(on_reply);
    let adopted = RUNNING.with(|running| {
        let mut running = running.borrow_mut();
        let r = running.as_mut()?;
        let orphan = r.orphan.take()?;
        if orphan.document != document || orphan.custom != custom {
            return None;
        }
        if let Some((job, to)) = r.in_flight.as_mut()
            && job.id() == orphan.job
        {
            *to = on_reply.clone();
        }
        Some(orphan.replies)
    });
    if let Some(replies) = adopted {
        for reply in replies {
            on_reply(reply);
        }
        return;
    }
    let job = Job::Analyse(Request {
        id: next_id(),
        document,
        custom,
    });
    submit(job, on_reply);
}

/// Reads `bytes` (a file called `name`, or pasted text) into a document, or
/// says what stopped it: in the worker if they are long, which then goes on
/// to analyse it with the reader's `custom` themes (see [`analyse`]).
pub fn import(
    name: Option<String>,
    bytes: Vec<u8>,
    custom: Vec<Theme>,
    done: impl FnOnce(Result<Document, String>) + 'static,
) {
    let long = bytes.len() > WORKER_BYTES;
    let job = Job::Import {
        id: next_id(),
        name,
        bytes,
        analyse: long.then_some(custom),
    };
    let done = RefCell::new(Some(done));
    let on_reply = move |reply: Reply| {
        if let (Reply::Imported { document, .. }, Some(done)) = (reply, done.take()) {
            done(document);
        }
    };
    if long {
        submit(job, Rc::new(on_reply));
    } else {
        read_here(&job, on_reply);
    }
}

/// Reads the file of an import `job` on the main thread, without analysing it.
fn read_here(job: &Job, on_reply: impl Fn(Reply)) {
    if let Job::Import {
        id, name, bytes, ..
    } = job
    {
        let document = lede_analysis::import(name.as_deref(), bytes).map_err(|e| e.to_string());
        on_reply(Reply::Imported { id: *id, document });
    }
}

fn submit(job: Job, on_reply: OnReply) {
    let unserved = RUNNING.with(|running| {
        let mut running = running.borrow_mut();
        if matches!(job, Job::Analyse(_)) {
            if let Some(r) = running.as_mut() {
                r.waiting.retain(|(j, _)| !matches!(j, Job::Analyse(_)));
            }
            // Analysing another document, or the same with other themes.
            let stale = running.as_ref().is_some_and(|r| match &r.in_flight {
                Some((Job::Analyse(_), _)) => true,
                Some((job, _)) => r.orphan.as_ref().is_some_and(|o| o.job == job.id()),
                None => false,
            });
            if let Some(r) = running.as_mut() {
                r.orphan = None;
            }
            if stale && let Some(old) = running.take() {
                old.worker.terminate();
                *running = spawn().map(|mut fresh| {
                    fresh.waiting = old.waiting;
                    fresh
                });
            }
        }
        if running.is_none() {
            *running = spawn();
        }
        let Some(r) = running.as_mut() else {
            return Some((job, on_reply));
        };
        r.waiting.push_back((job, on_reply));
        pump(r);
        None
    });
    if let Some((job, on_reply)) = unserved {
        serve_here(job, on_reply, NO_WORKER);
    }
}

/// Does what it can of `job` on the main thread, where no worker runs: reads
/// its file (the page's own request for the analysis follows the document,
/// so a file read here is not analysed twice), and analyses only if built to.
fn serve_here(job: Job, on_reply: OnReply, reason: &str) {
    match job {
        Job::Import { .. } => read_here(&job, |reply| on_reply(reply)),
        #[cfg(feature = "main-thread-analysis")]
        Job::Analyse(_) => {
            let _ = reason;
            lede_analysis::job::serve(&job, |reply| on_reply(reply));
        }
        #[cfg(not(feature = "main-thread-analysis"))]
        Job::Analyse(request) => on_reply(Reply::Failed {
            id: request.id,
            reason: reason.to_owned(),
        }),
    }
}

/// Posts the next waiting job, if the worker is ready and idle.
fn pump(r: &mut Running) {
    if !r.ready || r.in_flight.is_some() {
        return;
    }
    let Some((job, on_reply)) = r.waiting.pop_front() else {
        return;
    };
    if let Ok(bytes) = bincode::serialize(&job) {
        let array = js_sys::Uint8Array::from(&bytes[..]);
        let transfer = js_sys::Array::of1(&array.buffer());
        let _ = r.worker.post_message_with_transfer(&array, &transfer);
    }
    r.in_flight = Some((job, on_reply));
}

fn spawn() -> Option<Running> {
    let worker = Worker::new(&loader()).ok()?;
    let on_message = Closure::<dyn Fn(MessageEvent)>::new(receive);
    // An error inside the worker comes as an ErrorEvent; a script that
    // failed to load, as a plain Event with no message.
    let on_error = Closure::<dyn Fn(Event)>::new(|ev: Event| {
        ev.prevent_default();
        let message = ev
            .dyn_ref::<ErrorEvent>()
            .map(ErrorEvent::message)
            .unwrap_or_default();
        fail(if message.is_empty() {
            STOPPED.to_owned()
        } else {
            format!("{STOPPED} ({message})")
        });
    });
    worker.set_onmessage(Some(on_message.as_ref().unchecked_ref()));
    worker.set_onerror(Some(on_error.as_ref().unchecked_ref()));
    Some(Running {
        worker,
        ready: false,
        in_flight: None,
        orphan: None,
        waiting: VecDeque::new(),
        _on_message: on_message,
        _on_error: on_error,
    })
}

/// A message from the worker: "ready", or a reply.
fn receive(ev: MessageEvent) {
    let data = ev.data();
    if data.as_string().as_deref() == Some("ready") {
        RUNNING.with(|running| {
            if let Some(r) = running.borrow_mut().as_mut() {
                r.ready = true;
                pump(r);
            }
        });
        return;
    }
    let bytes = js_sys::Uint8Array::new(&data).to_vec();
    let Ok(reply) = bincode::deserialize::<Reply>(&bytes) else {
        return;
    };
    set_timeout(move || deliver(reply), std::time::Duration::ZERO);
}

/// Hands `reply` to whoever its job is for now.
fn deliver(reply: Reply) {
    // Out of the borrow before the reply runs: it may submit more.
    let to = RUNNING.with(|running| {
        let mut running = running.borrow_mut();
        let r = running.as_mut()?;
        let (job, on_reply) = r.in_flight.as_ref()?;
        if job.id() != reply.id() {
            return None;
        }
        let on_reply = on_reply.clone();
        let last = reply.is_last_for(job);
        if let (
            Job::Import {
                analyse: Some(custom),
                ..
            },
            Reply::Imported {
                document: Ok(doc), ..
            },
        ) = (job, &reply)
        {
            r.orphan = Some(Orphan {
                job: job.id(),
                document: doc.clone(),
                custom: custom.clone(),
                replies: Vec::new(),
            });
        }
        if last {
            r.in_flight = None;
            pump(r);
        }
        match r.orphan.as_mut() {
            Some(o) if o.job == reply.id() && !matches!(reply, Reply::Imported { .. }) => {
                o.replies.push(reply);
                None
            }
            _ => Some((on_reply, reply)),
        }
    });
    if let Some((on_reply, reply)) = to {
        on_reply(reply);
    }
}

/// Why an analysis did not run, as the reader is told.
const NO_WORKER: &str = "this browser did not let the page start its analysis worker";
const STOPPED: &str = "the analysis worker stopped";

/// The worker failed (its files missing, or the analysis panicked in it):
/// what can of the jobs it held runs on the main thread ([`serve_here`]),
/// and the next job starts a new worker.
fn fail(reason: String) {
    let jobs: Vec<(Job, OnReply)> = RUNNING.with(|running| {
        let Some(mut old) = running.borrow_mut().take() else {
            return Vec::new();
        };
        old.worker.terminate();
        let jobs = old
            .in_flight
            .take()
            .into_iter()
            .chain(old.waiting.drain(..))
            .collect();
        // Its error handler is running now: drop it once it has returned.
        wasm_bindgen_futures::spawn_local(async move { drop(old) });
        jobs
    });
    for (job, on_reply) in jobs {
        serve_here(job, on_reply, &reason);
    }
}
