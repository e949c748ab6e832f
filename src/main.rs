//! The `referat` binary: parses the command line and maps the outcome to an exit code.

fn main() {
    std::process::exit(referat::cli::run());
}
