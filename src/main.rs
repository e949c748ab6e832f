//! The `referat` binary: parses the command line and maps the outcome to an exit code.

fn main() {
    referat::guard::quiet_caught_panics();
    std::process::exit(referat::cli::run());
}
