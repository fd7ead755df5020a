//! The Leadline app: the Tauri shell (window, state, commands) and the CLI, both
//! thin layers over `leadline-core`.

mod cli;
mod clock;
mod commands;
mod dialogs;
pub mod paths;
mod state;

use clap::Parser;

pub use cli::Cli;
pub use state::AppState;

/// Runs the CLI when a subcommand is given, the window otherwise. Returns the exit code.
pub fn main_entry() -> i32 {
    let cli = Cli::parse();
    match cli.command {
        Some(_) => cli::run(cli),
        None => {
            tracing_subscriber::fmt()
                .with_env_filter(
                    tracing_subscriber::EnvFilter::try_from_default_env()
                        .unwrap_or_else(|_| "info".into()),
                )
                .init();
            match run_window(cli.workspace, cli.demo) {
                Ok(()) => 0,
                Err(e) => {
                    eprintln!("error: {e}");
                    1
                }
            }
        }
    }
}

fn run_window(workspace: Option<std::path::PathBuf>, demo: bool) -> tauri::Result<()> {
    configure(
        tauri::Builder::default(),
        AppState::new(paths::Paths::from_env()),
    )
    .setup(move |app| {
        state::open_at_start(app.handle(), workspace, demo);
        Ok(())
    })
    .run(tauri::generate_context!())
}

/// The app's plugins, state and commands on a builder: shared by `run_window`
/// and the command tests (which pass a mock runtime's builder).
pub fn configure<R: tauri::Runtime>(
    builder: tauri::Builder<R>,
    state: AppState,
) -> tauri::Builder<R> {
    builder
        .plugin(tauri_plugin_dialog::init())
        .plugin(tauri_plugin_clipboard_manager::init())
        .manage(state)
        .invoke_handler(commands::handler())
}
