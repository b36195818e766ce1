//! Parsing the command line, with the help in the run's language: `bdl --lang zh --help` (or a Chinese
//! locale) prints the help page in Chinese, from the catalogue.

use super::Cli;
use bdl::messages::{HELP_HEADINGS_ZH, Lang, help_zh};
use clap::{Arg, ArgAction, Command, CommandFactory, FromArgMatches};
use std::ffi::OsString;
use std::process::ExitCode;

/// The parsed command line, or the exit code after clap printed help, the version or an error.
pub fn parse() -> Result<Cli, ExitCode> {
    let args: Vec<OsString> = std::env::args_os().collect();
    let mut cmd = Cli::command();
    if language(&args) == Lang::Zh {
        cmd = chinese(cmd, "bdl");
    }
    let fail = |e: clap::Error| {
        let _ = e.print();
        ExitCode::from(u8::try_from(e.exit_code()).unwrap_or(2))
    };
    let matches = cmd.try_get_matches_from(args).map_err(fail)?;
    Cli::from_arg_matches(&matches).map_err(fail)
}

/// The language asked for before clap has parsed anything: `--lang zh`, `--lang=zh`, else the locale.
fn language(args: &[OsString]) -> Lang {
    let mut given = None;
    let mut iter = args.iter().skip(1);
    while let Some(a) = iter.next() {
        if a == "--" {
            break;
        }
        if a == "--lang" {
            given = iter.next().cloned();
        } else if let Some(v) = a.to_str().and_then(|s| s.strip_prefix("--lang=")) {
            given = Some(OsString::from(v));
        }
    }
    match given {
        Some(v) if v == "zh" => Lang::Zh,
        Some(_) => Lang::En,
        None => Lang::from_env(),
    }
}

/// The command with its help in Chinese: about texts, argument help, headings, help and version flags.
fn chinese(cmd: Command, key: &str) -> Command {
    let [usage, commands, arguments, options] = HELP_HEADINGS_ZH;
    let mut cmd = cmd
        .help_template(format!(
            "{{about-with-newline}}\n{usage}{{usage}}\n\n{{all-args}}{{after-help}}"
        ))
        .subcommand_help_heading(commands)
        .disable_help_flag(true)
        .disable_help_subcommand(true)
        .arg(
            Arg::new("help")
                .short('h')
                .long("help")
                .action(ArgAction::Help)
                .help(help_zh("bdl.help").unwrap_or_default())
                .global(true),
        );
    if key == "bdl" {
        cmd = cmd.disable_version_flag(true).arg(
            Arg::new("version")
                .short('V')
                .long("version")
                .action(ArgAction::Version)
                .help(help_zh("bdl.version").unwrap_or_default()),
        );
    }
    if let Some(about) = help_zh(key) {
        cmd = cmd.about(about);
    }
    let ids: Vec<(String, bool)> = cmd
        .get_arguments()
        .map(|a| (a.get_id().to_string(), a.is_positional()))
        .collect();
    for (id, positional) in ids {
        let text = help_zh(&format!("{key}.{id}")).or_else(|| help_zh(&format!("bdl.{id}")));
        let heading = if positional { arguments } else { options };
        cmd = cmd.mut_arg(id.as_str(), |a| {
            let values: Vec<String> = a
                .get_possible_values()
                .iter()
                .filter(|v| !v.is_hide_set())
                .map(|v| v.get_name().to_string())
                .collect();
            let default: Vec<String> = a
                .get_default_values()
                .iter()
                .map(|v| v.to_string_lossy().to_string())
                .collect();
            let mut help = text.map(str::to_string).unwrap_or_default();
            let takes_values = a.get_action().takes_values();
            if !values.is_empty() && takes_values {
                help.push_str(&format!("（可选：{}", values.join("、")));
                if !default.is_empty() {
                    help.push_str(&format!("；默认：{}", default.join("、")));
                }
                help.push('）');
            }
            let a = a.help_heading(heading);
            let a = if takes_values {
                a.hide_possible_values(true).hide_default_value(true)
            } else {
                a
            };
            if help.is_empty() { a } else { a.help(help) }
        });
    }
    let names: Vec<String> = cmd
        .get_subcommands()
        .map(|s| s.get_name().to_string())
        .collect();
    for name in names {
        cmd = cmd.mut_subcommand(name.as_str(), |sc| chinese(sc, &name));
    }
    cmd
}
