//! `concierge`: parses the command line and hands over to the library.

mod app;
mod cli;
mod commands;

use clap::Parser;
use std::process::ExitCode;

fn main() -> ExitCode {
    let started = std::time::Instant::now();
    // Everything this program writes (stores, printed PDFs, logs, staging files) holds passenger
    // or staff data: its owner's alone, whatever umask it was started with.
    #[cfg(unix)]
    // SAFETY: umask only sets the process's file-creation mask; it cannot fail.
    unsafe {
        libc::umask(0o077);
    }
    // argon2 (a staff PIN, an agent's password) takes 19 MiB at a time. glibc would raise its
    // mmap threshold after the first such block is freed and keep later ones in per-thread
    // heaps: the desk grew to 400 MiB under 50 sign-ins. A fixed threshold gives every large
    // block back when it is freed.
    #[cfg(all(target_os = "linux", target_env = "gnu"))]
    // SAFETY: mallopt only tunes the allocator; it is called before any other thread exists.
    unsafe {
        libc::mallopt(libc::M_MMAP_THRESHOLD, 128 * 1024);
    }
    // Bad usage exits 1 (2 means "the engine met an exception"); --help and --version exit 0.
    let cli = match cli::Cli::try_parse() {
        Ok(cli) => cli,
        Err(e) => {
            let _ = e.print();
            return ExitCode::from(if e.use_stderr() { 1 } else { 0 });
        }
    };
    app::logging::init();
    match commands::dispatch(cli, started) {
        Ok(code) => code,
        Err(e) => {
            eprintln!("concierge: {e:#}");
            ExitCode::from(1)
        }
    }
}
