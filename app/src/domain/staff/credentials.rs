//! Email addresses and passwords of staff accounts. Errors are i18n keys.

/// The fewest characters a password may have.
pub const MIN_PASSWORD_CHARS: usize = 12;
/// The most characters a password may have (hashing a huge one is work for nothing).
pub const MAX_PASSWORD_CHARS: usize = 128;
/// The longest email address (RFC 5321 path limit).
pub const MAX_EMAIL_CHARS: usize = 254;
/// The longest name.
pub const MAX_NAME_CHARS: usize = 100;

/// Why an email, name or password was refused.
#[derive(Debug, Clone, Copy, PartialEq, Eq, thiserror::Error)]
pub enum CredentialError {
    #[error("email required")]
    EmailRequired,
    #[error("email invalid")]
    EmailInvalid,
    #[error("name required")]
    NameRequired,
    #[error("name too long")]
    NameTooLong,
    #[error("password required")]
    PasswordRequired,
    #[error("password too short")]
    PasswordTooShort,
    #[error("password too long")]
    PasswordTooLong,
    #[error("password is one character repeated")]
    PasswordRepetitive,
}

impl CredentialError {
    /// The i18n key of the message shown to the person.
    pub fn key(self) -> &'static str {
        match self {
            CredentialError::EmailRequired => "staff.error.email.required",
            CredentialError::EmailInvalid => "staff.error.email.invalid",
            CredentialError::NameRequired => "staff.error.name.required",
            CredentialError::NameTooLong => "staff.error.name.too_long",
            CredentialError::PasswordRequired => "staff.error.password.required",
            CredentialError::PasswordTooShort => "staff.error.password.too_short",
            CredentialError::PasswordTooLong => "staff.error.password.too_long",
            CredentialError::PasswordRepetitive => "staff.error.password.repetitive",
        }
    }
}

/// The address trimmed and in lower case, if it looks like an email address.
pub fn normalise_email(email: &str) -> Result<String, CredentialError> {
    let email = email.trim().to_lowercase();
    if email.is_empty() {
        return Err(CredentialError::EmailRequired);
    }
    let Some((local, domain)) = email.split_once('@') else {
        return Err(CredentialError::EmailInvalid);
    };
    let valid = email.chars().count() <= MAX_EMAIL_CHARS
        && !local.is_empty()
        && !domain.contains('@')
        && domain.contains('.')
        && !domain.starts_with('.')
        && !domain.ends_with('.')
        && !email.chars().any(|c| c.is_whitespace() || c.is_control());
    if valid {
        Ok(email)
    } else {
        Err(CredentialError::EmailInvalid)
    }
}

/// The name trimmed, if it is given and not too long.
pub fn check_name(name: &str) -> Result<String, CredentialError> {
    let name = name.trim();
    if name.is_empty() {
        Err(CredentialError::NameRequired)
    } else if name.chars().count() > MAX_NAME_CHARS {
        Err(CredentialError::NameTooLong)
    } else {
        Ok(name.to_owned())
    }
}

/// Whether a new password may be used: 12 to 128 characters, not one character repeated.
pub fn check_password(password: &str) -> Result<(), CredentialError> {
    let count = password.chars().count();
    let mut chars = password.chars();
    let first = chars.next();
    if count == 0 {
        Err(CredentialError::PasswordRequired)
    } else if count < MIN_PASSWORD_CHARS {
        Err(CredentialError::PasswordTooShort)
    } else if count > MAX_PASSWORD_CHARS {
        Err(CredentialError::PasswordTooLong)
    } else if chars.all(|c| Some(c) == first) {
        Err(CredentialError::PasswordRepetitive)
    } else {
        Ok(())
    }
}
