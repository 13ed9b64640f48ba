//! Documents as files in a local folder, one file per key (`<root>/<key>`): files `0600`,
//! folders `0700` ([`private_files`](crate::private_files)), as they hold people's evidence.

use std::io::ErrorKind;
use std::path::{Path, PathBuf};
use std::sync::atomic::{AtomicU64, Ordering};

use tokio::io::AsyncWriteExt;

use super::{validate_key, FileStore, FileStoreError};
use crate::private_files;

/// A local folder. Each `put` writes a temporary file beside the target, syncs it to disk and
/// renames it over the key, so a crash never leaves a partial file under a real key (temporary
/// names start with `.`, which keys cannot).
#[derive(Debug, Clone)]
pub struct LocalFileStore {
    root: PathBuf,
}

impl LocalFileStore {
    /// Opens `root`, creating it (`0700`) if it is missing, narrowing it if it is wider.
    pub async fn open(root: PathBuf) -> Result<LocalFileStore, FileStoreError> {
        private_files::create_dir_all_async(&root)
            .await
            .map_err(|source| FileStoreError::Io {
                action: "creating the file store folder",
                key: root.display().to_string(),
                source,
            })?;
        private_files::narrow(&root, private_files::DIR_MODE);
        Ok(LocalFileStore { root })
    }

    fn path(&self, key: &str) -> Result<PathBuf, FileStoreError> {
        validate_key(key)?;
        Ok(self.root.join(key))
    }
}

fn io_error(action: &'static str, key: &str) -> impl FnOnce(std::io::Error) -> FileStoreError {
    let key = key.to_owned();
    move |source| FileStoreError::Io {
        action,
        key,
        source,
    }
}

/// Nothing is stored under the key (a file in place of one of its folders counts as nothing).
fn missing(error: &std::io::Error) -> bool {
    matches!(error.kind(), ErrorKind::NotFound | ErrorKind::NotADirectory)
}

/// A name no other writer (thread or process) uses at the same time.
fn temporary_name(final_name: &str) -> String {
    static COUNTER: AtomicU64 = AtomicU64::new(0);
    let count = COUNTER.fetch_add(1, Ordering::Relaxed);
    let nanos = std::time::SystemTime::now()
        .duration_since(std::time::UNIX_EPOCH)
        .map(|d| d.subsec_nanos())
        .unwrap_or_default();
    format!(".{final_name}.{}-{count}-{nanos}.tmp", std::process::id())
}

async fn write_synced(path: &Path, bytes: &[u8]) -> std::io::Result<()> {
    let mut file = private_files::create_new_file(path).await?;
    file.write_all(bytes).await?;
    // `flush` reports a failed buffered write, which `sync_all` alone would not.
    file.flush().await?;
    file.sync_all().await
}

/// Makes a rename in `folder` durable (directory entries are only on disk once the folder is).
async fn sync_folder(folder: &Path) -> std::io::Result<()> {
    tokio::fs::File::open(folder).await?.sync_all().await
}

#[async_trait::async_trait]
impl FileStore for LocalFileStore {
    async fn put(
        &self,
        key: &str,
        bytes: &[u8],
        _content_type: &str,
    ) -> Result<(), FileStoreError> {
        let path = self.path(key)?;
        let (Some(folder), Some(name)) = (path.parent(), path.file_name()) else {
            return Err(FileStoreError::InvalidKey(key.to_owned()));
        };
        private_files::create_dir_all_async(folder)
            .await
            .map_err(io_error("creating the folder for", key))?;
        let temporary = folder.join(temporary_name(&name.to_string_lossy()));
        let written = match write_synced(&temporary, bytes).await {
            Ok(()) => tokio::fs::rename(&temporary, &path).await,
            Err(error) => Err(error),
        };
        if let Err(error) = written {
            if let Err(cleanup) = tokio::fs::remove_file(&temporary).await {
                if cleanup.kind() != ErrorKind::NotFound {
                    tracing::warn!(key, error = %cleanup, "could not remove a temporary file");
                }
            }
            return Err(io_error("writing", key)(error));
        }
        sync_folder(folder)
            .await
            .map_err(io_error("syncing the folder of", key))
    }

    async fn get(&self, key: &str) -> Result<Option<Vec<u8>>, FileStoreError> {
        match tokio::fs::read(self.path(key)?).await {
            Ok(bytes) => Ok(Some(bytes)),
            Err(error) if missing(&error) => Ok(None),
            Err(error) => Err(io_error("reading", key)(error)),
        }
    }

    async fn delete(&self, key: &str) -> Result<(), FileStoreError> {
        match tokio::fs::remove_file(self.path(key)?).await {
            Ok(()) => Ok(()),
            Err(error) if missing(&error) => Ok(()),
            Err(error) => Err(io_error("deleting", key)(error)),
        }
    }

    fn describe(&self) -> String {
        format!("local folder {}", self.root.display())
    }
}
