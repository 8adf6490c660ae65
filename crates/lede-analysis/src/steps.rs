//! A count of the steps of work whose number must grow no faster than the
//! input, kept in the crate's own tests only: a test compares the count for
//! two sizes of a crafted input, which is deterministic where a clock is not.
//! Outside tests [`step`] compiles to nothing.

#[cfg(test)]
thread_local! {
    static STEPS: std::cell::Cell<u64> = const { std::cell::Cell::new(0) };
}

/// Counts one step (in tests).
#[inline(always)]
pub(crate) fn step() {
    #[cfg(test)]
    STEPS.with(|s| s.set(s.get() + 1));
}

/// Counts `n` steps at once (in tests): a pass over `n` bytes.
#[inline(always)]
pub(crate) fn steps(n: usize) {
    #[cfg(test)]
    STEPS.with(|s| s.set(s.get() + n as u64));
    #[cfg(not(test))]
    let _ = n;
}

/// How many steps `f` takes on this thread.
#[cfg(test)]
pub(crate) fn count(f: impl FnOnce()) -> u64 {
    let before = STEPS.with(std::cell::Cell::get);
    f();
    STEPS.with(std::cell::Cell::get) - before
}

/// A named maker of crafted inputs of size `n`.
#[cfg(test)]
pub(crate) type Case<T> = (&'static str, fn(usize) -> T);

/// Checks, for each case, that the steps taken on the input of `make(4 * n)`
/// are at most five times those on `make(n)`: linear work gives about four,
/// quadratic sixteen.
#[cfg(test)]
pub(crate) fn assert_linear<T>(cases: &[Case<T>], n: usize, run: impl Fn(&T)) {
    for (name, make) in cases {
        let (small, large) = (make(n), make(4 * n));
        let (a, b) = (count(|| run(&small)), count(|| run(&large)));
        assert!(a > 0, "{name}: no steps counted");
        assert!(b <= 5 * a, "{name}: {a} steps for n = {n}, {b} for 4n");
    }
}
