//! `server create-admin --email EMAIL --name NAME`: creates the first admin account (or another
//! one) from the command line. The password comes from `PORTAL_ADMIN_PASSWORD`, else is asked for
//! without echo on a terminal, else is one line read from standard input. It migrates the
//! database first, refuses weak passwords with the reason, and exits non-zero on any error.

use std::io::{BufRead, IsTerminal};

use anyhow::{bail, Context};
use app::domain::staff::{check_name, check_password, normalise_email, CredentialError, Role};
use app::ports::staff::{NewStaff, StaffChangeError};

use super::StaffAuth;
use crate::config::Config;
use crate::db::Database;

const USAGE: &str = "usage: server create-admin --email EMAIL --name NAME \
    (password from PORTAL_ADMIN_PASSWORD, or typed, or one line on standard input)";

/// The command's arguments.
#[derive(Debug, PartialEq, Eq)]
pub struct Args {
    pub email: String,
    pub name: String,
}

/// Reads `--email EMAIL --name NAME` (also `--email=EMAIL`).
pub fn parse_args(args: &[String]) -> anyhow::Result<Args> {
    let (mut email, mut name) = (None, None);
    let mut iter = args.iter();
    while let Some(arg) = iter.next() {
        let (flag, inline) = match arg.split_once('=') {
            Some((flag, value)) => (flag, Some(value.to_owned())),
            None => (arg.as_str(), None),
        };
        let mut value = || inline.clone().or_else(|| iter.next().cloned());
        match flag {
            "--email" => email = value(),
            "--name" => name = value(),
            "-h" | "--help" => bail!("{USAGE}"),
            other => bail!("unknown argument {other}\n{USAGE}"),
        }
    }
    match (email, name) {
        (Some(email), Some(name)) => Ok(Args { email, name }),
        _ => bail!("{USAGE}"),
    }
}

/// What a refused password or address means, for the person at the terminal.
fn explain(error: CredentialError) -> &'static str {
    match error {
        CredentialError::EmailRequired | CredentialError::EmailInvalid => {
            "the email address is not valid"
        }
        CredentialError::NameRequired => "the name is empty",
        CredentialError::NameTooLong => "the name is longer than 100 characters",
        CredentialError::PasswordRequired => "no password was given",
        CredentialError::PasswordTooShort => "the password is shorter than 12 characters",
        CredentialError::PasswordTooLong => "the password is longer than 128 characters",
        CredentialError::PasswordRepetitive => "the password is one character repeated",
    }
}

fn read_password() -> anyhow::Result<String> {
    if let Ok(password) = std::env::var("PORTAL_ADMIN_PASSWORD") {
        return Ok(password);
    }
    if std::io::stdin().is_terminal() {
        let first = rpassword::prompt_password("Password for the new admin: ")
            .context("reading the password")?;
        let again = rpassword::prompt_password("The same password again: ")
            .context("reading the password")?;
        if first != again {
            bail!("the two passwords are different");
        }
        return Ok(first);
    }
    let mut line = String::new();
    std::io::stdin()
        .lock()
        .read_line(&mut line)
        .context("reading the password from standard input")?;
    Ok(line.trim_end_matches(['\r', '\n']).to_owned())
}

/// Runs the command with the arguments after `create-admin`.
pub async fn run(args: &[String]) -> anyhow::Result<()> {
    let args = parse_args(args)?;
    let email = normalise_email(&args.email)
        .map_err(|error| anyhow::anyhow!("refused: {}", explain(error)))?;
    let name =
        check_name(&args.name).map_err(|error| anyhow::anyhow!("refused: {}", explain(error)))?;
    let password = read_password()?;
    check_password(&password).map_err(|error| anyhow::anyhow!("refused: {}", explain(error)))?;
    // Only what adding an account needs: the serving settings (API keys among them) are not
    // asked for by an operator's command.
    let var = |name: &str| std::env::var(name).ok().filter(|v| !v.trim().is_empty());
    let mut config = Config::default();
    if let Some(url) = var("PORTAL_DATABASE_URL") {
        config.database_url = url;
    }
    crate::auth::policy_from_env(&mut config.staff_sessions, var)?;
    let database = Database::connect(&config.database_url)
        .await
        .context("opening the database")?;
    let auth = StaffAuth::new(database, config.staff_sessions);
    let new = NewStaff {
        email,
        name,
        roles: vec![Role::Admin],
        password,
    };
    match auth.add(new).await {
        Ok(member) => {
            println!("Admin account created (id {}).", member.id);
            Ok(())
        }
        Err(StaffChangeError::EmailTaken) => {
            bail!("refused: there is already a staff account with this email address")
        }
        Err(error) => Err(anyhow::Error::new(error).context("creating the admin account")),
    }
}

#[cfg(test)]
mod tests {
    #![allow(clippy::unwrap_used)]
    use super::*;

    fn strings(args: &[&str]) -> Vec<String> {
        args.iter().map(|a| (*a).to_owned()).collect()
    }

    #[test]
    fn arguments_are_read_in_either_form() {
        let args = parse_args(&strings(&["--email", "a@b.uk", "--name=Ann Lee"])).unwrap();
        assert_eq!(
            args,
            Args {
                email: "a@b.uk".to_owned(),
                name: "Ann Lee".to_owned()
            }
        );
        assert!(parse_args(&strings(&["--email", "a@b.uk"])).is_err());
        assert!(parse_args(&strings(&["--role", "admin"])).is_err());
    }
}
