//! The `errdoc` binary. Everything is in the library ([`errdoc::main`]), so
//! that the library can keep its modules to itself.

use std::process::ExitCode;

fn main() -> ExitCode {
    errdoc::main()
}
