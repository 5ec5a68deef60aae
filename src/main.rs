//! The `parcours` binary: parses the command line, opens the window or runs a headless
//! command, and turns the result into an exit code.

use std::process::ExitCode;

use clap::Parser;
use parcours::cli::{self, Cli, Outcome};

fn main() -> ExitCode {
    let args = Cli::parse();
    let data_dir = match cli::resolve_data_dir(args.data_dir) {
        Ok(dir) => dir,
        Err(error) => return fail(&error),
    };
    // Fixed by the hidden `--today` (tests); the window follows the clock otherwise.
    let fixed_today = args.today;
    match args.command {
        None => match parcours::ui::run(data_dir, fixed_today) {
            Ok(()) => ExitCode::SUCCESS,
            Err(error) => fail(&error),
        },
        Some(command) => {
            let mut stdout = std::io::stdout().lock();
            match cli::run(
                &command,
                &data_dir,
                cli::resolve_today(fixed_today),
                &mut stdout,
            ) {
                Ok(Outcome::Success) => ExitCode::SUCCESS,
                Ok(Outcome::ProblemsFound) => ExitCode::from(1),
                Err(error) => fail(&error),
            }
        }
    }
}

/// Prints the error on stderr (our error messages already include their cause); exit code 2.
fn fail(error: &dyn std::fmt::Display) -> ExitCode {
    eprintln!("parcours : erreur : {error}");
    ExitCode::from(2)
}
