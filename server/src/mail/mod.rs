//! Email: messages built from templates and sent through lettre, by SMTP in production or into
//! `.eml` files (the default, for development); the outbox worker sends what intake queued.

mod breach_copy;
mod breach_mail;
mod case_email;
mod email_received;
mod outbox;
mod templates;
mod track_mail;

use std::path::PathBuf;

use anyhow::Context;
use lettre::message::Mailbox;
use lettre::transport::smtp::AsyncSmtpTransport;
use lettre::{AsyncTransport, Message, Tokio1Executor};
use tokio::io::AsyncWriteExt;

pub use breach_copy::{answer_lines, breach_copy, BreachCopyPayload};
pub use outbox::{deliver_due, run_outbox_worker};
pub use templates::{acknowledgement, AcknowledgementPayload};

/// Where mail goes.
#[derive(Debug, Clone)]
pub enum MailConfig {
    /// Write each message as an `.eml` file into this folder.
    Files(PathBuf),
    /// Send by SMTP, e.g. `smtp://127.0.0.1:2525` or `smtps://user:pass@host`.
    Smtp(String),
}

/// How long one SMTP command may take before the send fails (and is retried later).
const SMTP_TIMEOUT_SECONDS: u64 = 20;

/// A configured mail transport and the sender address.
#[derive(Clone)]
pub struct Mailer {
    transport: Transport,
    from: Mailbox,
}

#[derive(Clone)]
enum Transport {
    /// `.eml` files, `0600`, in a `0700` folder ([`private_files`](crate::private_files)).
    Files(PathBuf),
    Smtp(AsyncSmtpTransport<Tokio1Executor>),
}

impl Mailer {
    pub fn new(config: &MailConfig, from: &str) -> anyhow::Result<Mailer> {
        let transport = match config {
            MailConfig::Files(folder) => {
                crate::private_files::create_dir_all(folder)
                    .with_context(|| format!("creating {}", folder.display()))?;
                crate::private_files::narrow(folder, crate::private_files::DIR_MODE);
                Transport::Files(folder.clone())
            }
            MailConfig::Smtp(url) => Transport::Smtp(
                AsyncSmtpTransport::<Tokio1Executor>::from_url(url)
                    .context("PORTAL_SMTP_URL")?
                    // Bounds a batch's time within the outbox's claim on it.
                    .timeout(Some(std::time::Duration::from_secs(SMTP_TIMEOUT_SECONDS)))
                    .build(),
            ),
        };
        Ok(Mailer {
            transport,
            from: from.parse().context("PORTAL_MAIL_FROM")?,
        })
    }

    pub fn from(&self) -> &Mailbox {
        &self.from
    }

    /// Sends one message; the error text names no recipient.
    pub async fn send(&self, message: Message) -> Result<(), String> {
        match &self.transport {
            Transport::Files(folder) => write_eml(folder, &message.formatted())
                .await
                .map_err(|e| format!("writing a mail file: {e}")),
            Transport::Smtp(smtp) => smtp
                .send(message)
                .await
                .map(|_| ())
                .map_err(|e| e.to_string()),
        }
    }
}

/// Writes one message as `<random>.eml`, `0600`, synced to disk.
async fn write_eml(folder: &std::path::Path, bytes: &[u8]) -> std::io::Result<()> {
    let mut random = [0u8; 16];
    getrandom::fill(&mut random).map_err(|e| std::io::Error::other(e.to_string()))?;
    let name: String = random.iter().map(|b| format!("{b:02x}")).collect();
    let mut file =
        crate::private_files::create_new_file(&folder.join(format!("{name}.eml"))).await?;
    file.write_all(bytes).await?;
    file.flush().await?;
    file.sync_all().await
}
