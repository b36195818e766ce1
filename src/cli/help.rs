//! Parsing the command line, with the help in the run's language: `bdl --lang zh --help` (or a Chinese
//! locale) prints the help page in Chinese, from the catalogue, `bdl help [COMMAND]` too, and the
//! common usage errors (a missing argument, an unknown command or option, a value not among those an
//! option takes, two options that exclude each other) are said in Chinese. clap has no way to translate
//! its own texts, so the Chinese command replaces its help flag and help command with ones whose
//! words come from the catalogue, and errors are rewritten from their kind and context; a rarer error
//! (a wrong number of values, a value clap's parser rejects, such as a port out of range) stays in
//! clap's English.

use super::Cli;
use bdl::messages::{HELP_HEADINGS_ZH, Lang, USAGE_MORE_HELP_ZH, UsageZh, help_zh, usage_error_zh};
use clap::error::{ContextKind, ContextValue, ErrorKind};
use clap::{Arg, ArgAction, Command, CommandFactory, FromArgMatches};
use std::ffi::OsString;
use std::process::ExitCode;

/// The parsed command line, or the exit code after clap printed help, the version or an error.
pub fn parse() -> Result<Cli, ExitCode> {
    let args: Vec<OsString> = std::env::args_os().collect();
    let zh = language(&args) == Lang::Zh;
    let mut cmd = Cli::command();
    if zh {
        cmd = chinese(cmd.subcommand(help_command()), "bdl");
    }
    let fail = |e: clap::Error| {
        match chinese_error(&e).filter(|_| zh) {
            Some(text) => eprint!("{text}"),
            None => {
                let _ = e.print();
            }
        }
        ExitCode::from(u8::try_from(e.exit_code()).unwrap_or(2))
    };
    let matches = cmd.clone().try_get_matches_from(args).map_err(fail)?;
    if let Some(("help", sub)) = matches.subcommand() {
        let path: Vec<String> = sub
            .get_many::<String>("subcommand")
            .map(|v| v.cloned().collect())
            .unwrap_or_default();
        return Err(print_help_of(&mut cmd, &path)
            .map_err(fail)
            .unwrap_or_else(|c| c));
    }
    Cli::from_arg_matches(&matches).map_err(fail)
}

/// `bdl help [COMMAND]…` for the Chinese command, whose own help command clap would print in English.
fn help_command() -> Command {
    Command::new("help").arg(
        Arg::new("subcommand")
            .action(ArgAction::Append)
            .num_args(..)
            .value_name("COMMAND"),
    )
}

/// Prints the help of the command at `path` (`[]` is bdl itself), as `bdl help build` does.
fn print_help_of(cmd: &mut Command, path: &[String]) -> Result<ExitCode, clap::Error> {
    // Built, every command knows its full name (`bdl build`) for its usage line.
    cmd.build();
    let mut at = cmd.clone();
    for name in path {
        let Some(next) = at.find_subcommand(name).cloned() else {
            let mut e = clap::Error::new(ErrorKind::InvalidSubcommand).with_cmd(&at);
            e.insert(
                ContextKind::InvalidSubcommand,
                ContextValue::String(name.clone()),
            );
            return Err(e);
        };
        at = next;
    }
    Ok(match at.print_help() {
        Ok(()) => ExitCode::SUCCESS,
        Err(_) => ExitCode::from(2),
    })
}

/// A usage error in Chinese, when it is one of the common kinds (see the module comment).
fn chinese_error(e: &clap::Error) -> Option<String> {
    let one = |k: ContextKind| match e.get(k) {
        Some(ContextValue::String(s)) => Some(s.clone()),
        Some(ContextValue::StyledStr(s)) => Some(s.to_string()),
        _ => None,
    };
    let many = |k: ContextKind| match e.get(k) {
        Some(ContextValue::Strings(v)) => v.clone(),
        Some(ContextValue::String(s)) => vec![s.clone()],
        Some(ContextValue::StyledStrs(v)) => v.iter().map(ToString::to_string).collect(),
        _ => Vec::new(),
    };
    let suggested = many(ContextKind::SuggestedSubcommand)
        .into_iter()
        .chain(many(ContextKind::SuggestedArg))
        .chain(many(ContextKind::SuggestedValue))
        .next();
    let (missing, valid);
    let (invalid_arg, invalid_value, prior);
    let text = match e.kind() {
        ErrorKind::MissingRequiredArgument => {
            missing = many(ContextKind::InvalidArg);
            UsageZh::Missing(&missing)
        }
        ErrorKind::InvalidSubcommand => {
            invalid_value = one(ContextKind::InvalidSubcommand)?;
            UsageZh::UnknownCommand(&invalid_value)
        }
        ErrorKind::UnknownArgument => {
            invalid_arg = one(ContextKind::InvalidArg)?;
            UsageZh::UnknownArgument(&invalid_arg)
        }
        ErrorKind::InvalidValue => {
            invalid_arg = one(ContextKind::InvalidArg)?;
            invalid_value = one(ContextKind::InvalidValue)?;
            valid = many(ContextKind::ValidValue);
            UsageZh::InvalidValue(&invalid_value, &invalid_arg, &valid)
        }
        ErrorKind::ArgumentConflict => {
            invalid_arg = one(ContextKind::InvalidArg)?;
            prior = many(ContextKind::PriorArg).join("、");
            UsageZh::Conflict(&invalid_arg, &prior)
        }
        _ => return None,
    };
    let mut out = usage_error_zh(&text, suggested.as_deref());
    if let Some(usage) = one(ContextKind::Usage) {
        let usage = usage.trim_start_matches("Usage:").trim();
        let [heading, ..] = HELP_HEADINGS_ZH;
        out.push_str(&format!("\n{heading}{usage}\n"));
    }
    out.push_str(&format!("\n{USAGE_MORE_HELP_ZH}\n"));
    Some(out)
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
