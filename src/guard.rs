//! The panic boundary: a panic while reading or parsing one file becomes that file's error
//! instead of ending the run, and is reported once (not also by the panic hook).

thread_local! {
    /// Set while a panic would be caught and reported as the file's error.
    static CAUGHT: std::cell::Cell<bool> = const { std::cell::Cell::new(false) };
}

/// `catch_unwind`, with the panic reported only as the returned error: the panic hook installed
/// by `quiet_caught_panics` prints nothing for it.
pub fn catch_quietly<T>(f: impl FnOnce() -> T + std::panic::UnwindSafe) -> std::thread::Result<T> {
    let outer = CAUGHT.replace(true);
    let r = std::panic::catch_unwind(f);
    CAUGHT.set(outer);
    r
}

/// Installs a panic hook that stays silent for panics caught by `catch_quietly` (they become
/// the file's error, with the panic message) and prints the others as usual.
pub fn quiet_caught_panics() {
    let default = std::panic::take_hook();
    std::panic::set_hook(Box::new(move |info| {
        if !CAUGHT.get() {
            default(info);
        }
    }));
}

/// The message of a caught panic.
pub fn panic_message(p: &Box<dyn std::any::Any + Send>) -> String {
    p.downcast_ref::<&str>()
        .map(|s| s.to_string())
        .or_else(|| p.downcast_ref::<String>().cloned())
        .unwrap_or_else(|| "panic".into())
}
