//! Where evidence documents are kept: a local folder (the default, for development and single
//! machines) or an S3-compatible bucket (AWS, MinIO, Ceph…).
//!
//! Documents are stored under opaque keys such as `documents/ab/abcdef…` ([`content_key`]); a key
//! never contains a file name, so keys may be logged and file names never are.
//!
//! | variable | default | meaning |
//! |---|---|---|
//! | `PORTAL_FILE_STORE` | `local` | `local` or `s3` |
//! | `PORTAL_FILE_DIR` | `data/files` | the folder of the local store |
//! | `PORTAL_S3_ENDPOINT` | AWS | e.g. `http://127.0.0.1:9000` for MinIO (`http://` allows plain HTTP) |
//! | `PORTAL_S3_BUCKET` | required for `s3` | the bucket, which must exist |
//! | `PORTAL_S3_REGION` | `eu-west-2` | the bucket's region |
//! | `PORTAL_S3_ACCESS_KEY_ID` | required for `s3` | credentials |
//! | `PORTAL_S3_SECRET_ACCESS_KEY` | required for `s3` | credentials |
//! | `PORTAL_S3_PREFIX` | none | a folder inside the bucket to keep the keys under |

mod local;
mod s3;

use std::path::PathBuf;
use std::sync::Arc;

use sha2::{Digest, Sha256};

pub use local::LocalFileStore;
pub use s3::S3FileStore;

/// Where evidence documents are kept. Keys are opaque strings like "documents/ab/abcdef…"
/// (lowercase hex, slashes); see [`validate_key`].
#[async_trait::async_trait]
pub trait FileStore: Send + Sync {
    /// Stores `bytes` under `key`; storing the same key twice with the same bytes is fine
    /// (idempotent). A reader sees either the old object, the new one or none, never a part.
    async fn put(&self, key: &str, bytes: &[u8], content_type: &str) -> Result<(), FileStoreError>;
    /// The bytes under `key`, or `None` when there are none.
    async fn get(&self, key: &str) -> Result<Option<Vec<u8>>, FileStoreError>;
    /// Removes `key`; removing a missing key is fine.
    async fn delete(&self, key: &str) -> Result<(), FileStoreError>;
    /// A short description for the startup log ("local folder data/files", "s3 bucket x at http://…").
    fn describe(&self) -> String;
}

#[derive(Debug, thiserror::Error)]
pub enum FileStoreError {
    /// The key is not of the allowed form (see [`validate_key`]).
    #[error("invalid file key {0:?}: only a-z, 0-9, '/', '_', '.', '-' in non-empty segments")]
    InvalidKey(String),
    /// Reading or writing the local folder failed.
    #[error("{action} {key}")]
    Io {
        action: &'static str,
        key: String,
        #[source]
        source: std::io::Error,
    },
    /// The remote store failed or refused.
    #[error("{0}")]
    Remote(String),
    /// The store cannot be set up from its configuration.
    #[error("file store configuration: {0}")]
    Config(String),
}

/// Content-addressed key for bytes: "documents/<first 2 hex of sha256>/<sha256 hex>".
pub fn content_key(bytes: &[u8]) -> String {
    let hex: String = Sha256::digest(bytes)
        .iter()
        .map(|byte| format!("{byte:02x}"))
        .collect();
    format!("documents/{}/{hex}", &hex[..2])
}

/// Accepts keys made of `[a-z0-9/_.-]` in non-empty segments, without a leading `/`, without `..`
/// and without a segment starting with `.` (the local store's temporary files do).
pub fn validate_key(key: &str) -> Result<(), FileStoreError> {
    let allowed = |c: char| matches!(c, 'a'..='z' | '0'..='9' | '/' | '_' | '.' | '-');
    let ok = !key.is_empty()
        && key.chars().all(allowed)
        && !key.contains("..")
        && key
            .split('/')
            .all(|segment| !segment.is_empty() && !segment.starts_with('.'));
    if ok {
        Ok(())
    } else {
        Err(FileStoreError::InvalidKey(key.to_owned()))
    }
}

/// Which store to open. `Debug` leaves the secret out.
#[derive(Clone)]
pub enum FileStoreConfig {
    Local {
        root: PathBuf,
    },
    S3 {
        endpoint: Option<String>,
        bucket: String,
        region: String,
        access_key_id: String,
        secret_access_key: String,
        allow_http: bool,
        prefix: Option<String>,
    },
}

impl std::fmt::Debug for FileStoreConfig {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self {
            FileStoreConfig::Local { root } => f.debug_struct("Local").field("root", root).finish(),
            FileStoreConfig::S3 {
                endpoint,
                bucket,
                region,
                access_key_id,
                allow_http,
                prefix,
                ..
            } => f
                .debug_struct("S3")
                .field("endpoint", endpoint)
                .field("bucket", bucket)
                .field("region", region)
                .field("access_key_id", access_key_id)
                .field("secret_access_key", &"<redacted>")
                .field("allow_http", allow_http)
                .field("prefix", prefix)
                .finish(),
        }
    }
}

impl FileStoreConfig {
    /// From env: `PORTAL_FILE_STORE` = "local" (default) | "s3", and the variables in the module
    /// documentation. `get` looks a variable up (`|name| std::env::var(name).ok()` in production);
    /// empty values count as unset. Plain HTTP is allowed when the endpoint starts with `http://`.
    pub fn from_lookup(get: impl Fn(&str) -> Option<String>) -> Result<FileStoreConfig, String> {
        let var = |name: &str| {
            get(name)
                .map(|v| v.trim().to_owned())
                .filter(|v| !v.is_empty())
        };
        let kind = var("PORTAL_FILE_STORE").unwrap_or_else(|| "local".to_owned());
        match kind.to_ascii_lowercase().as_str() {
            "local" => Ok(FileStoreConfig::Local {
                root: var("PORTAL_FILE_DIR")
                    .unwrap_or_else(|| "data/files".to_owned())
                    .into(),
            }),
            "s3" => {
                let required = [
                    "PORTAL_S3_BUCKET",
                    "PORTAL_S3_ACCESS_KEY_ID",
                    "PORTAL_S3_SECRET_ACCESS_KEY",
                ];
                let missing: Vec<&str> = required
                    .into_iter()
                    .filter(|name| var(name).is_none())
                    .collect();
                let [Some(bucket), Some(access_key_id), Some(secret_access_key)] =
                    required.map(var)
                else {
                    return Err(format!(
                        "PORTAL_FILE_STORE=s3 needs {} to be set",
                        missing.join(", ")
                    ));
                };
                let endpoint = var("PORTAL_S3_ENDPOINT");
                Ok(FileStoreConfig::S3 {
                    allow_http: endpoint
                        .as_deref()
                        .is_some_and(|e| e.starts_with("http://")),
                    endpoint,
                    bucket,
                    region: var("PORTAL_S3_REGION").unwrap_or_else(|| "eu-west-2".to_owned()),
                    access_key_id,
                    secret_access_key,
                    prefix: var("PORTAL_S3_PREFIX"),
                })
            }
            _ => Err(format!(
                "PORTAL_FILE_STORE must be \"local\" or \"s3\", not {kind:?}"
            )),
        }
    }
}

/// Opens the configured store; the local folder is created if it is missing.
pub async fn open(config: &FileStoreConfig) -> Result<Arc<dyn FileStore>, FileStoreError> {
    Ok(match config {
        FileStoreConfig::Local { root } => Arc::new(LocalFileStore::open(root.clone()).await?),
        FileStoreConfig::S3 { .. } => Arc::new(S3FileStore::new(config)?),
    })
}

/// Keeps an upload that passed the checks, under its content key, and describes it for the case.
pub async fn keep_evidence(
    files: &dyn FileStore,
    kind: app::domain::submission::EvidenceKind,
    bytes: &[u8],
    checked: app::domain::evidence::CheckedFile,
) -> Result<app::domain::submission::EvidenceFile, FileStoreError> {
    let key = content_key(bytes);
    files.put(&key, bytes, checked.file_type.mime()).await?;
    Ok(app::domain::submission::EvidenceFile {
        kind,
        file_name: checked.display_name,
        file_type: checked.file_type,
        size: checked.size,
        key,
    })
}

/// The evidence port (`app::ports::EvidenceFiles`) over a file store.
pub struct Evidence(pub Arc<dyn FileStore>);

#[async_trait::async_trait]
impl app::ports::EvidenceFiles for Evidence {
    async fn keep(
        &self,
        kind: app::domain::submission::EvidenceKind,
        bytes: &[u8],
        checked: app::domain::evidence::CheckedFile,
    ) -> Result<app::domain::submission::EvidenceFile, app::ports::StoreError> {
        keep_evidence(self.0.as_ref(), kind, bytes, checked)
            .await
            .map_err(|error| app::ports::StoreError(error.to_string()))
    }
}
