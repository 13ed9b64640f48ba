//! Files and folders only the portal's own user may read: files `0600`, folders `0700`. The
//! SQLite database (SQLite gives its `-wal` and `-shm` files the database file's mode), the
//! `.eml` mail files and the local evidence store are all made through here.
//!
//! Modes are set at creation (and so never open wider for a moment); a store's folder or a
//! database file left wider by an earlier version is narrowed when it is opened.

use std::io;
use std::path::Path;

/// Files: read and written by the portal's user only.
pub const FILE_MODE: u32 = 0o600;
/// Folders: entered and listed by the portal's user only.
pub const DIR_MODE: u32 = 0o700;

/// `create_dir_all`, each folder it makes `0700` (folders already there keep their mode).
pub fn create_dir_all(path: &Path) -> io::Result<()> {
    let mut builder = std::fs::DirBuilder::new();
    builder.recursive(true);
    #[cfg(unix)]
    std::os::unix::fs::DirBuilderExt::mode(&mut builder, DIR_MODE);
    builder.create(path)
}

/// [`create_dir_all`] for async code.
pub async fn create_dir_all_async(path: &Path) -> io::Result<()> {
    let mut builder = tokio::fs::DirBuilder::new();
    builder.recursive(true);
    #[cfg(unix)]
    builder.mode(DIR_MODE);
    builder.create(path).await
}

/// Opens a new file for writing, `0600`; fails if something is already there.
pub async fn create_new_file(path: &Path) -> io::Result<tokio::fs::File> {
    let mut options = tokio::fs::OpenOptions::new();
    options.write(true).create_new(true);
    #[cfg(unix)]
    options.mode(FILE_MODE);
    options.open(path).await
}

/// Creates an empty `0600` file at `path` unless something is there (a new SQLite database).
pub fn create_file_if_missing(path: &Path) -> io::Result<()> {
    let mut options = std::fs::OpenOptions::new();
    options.write(true).create_new(true);
    #[cfg(unix)]
    std::os::unix::fs::OpenOptionsExt::mode(&mut options, FILE_MODE);
    match options.open(path) {
        Ok(_) => Ok(()),
        Err(error) if error.kind() == io::ErrorKind::AlreadyExists => Ok(()),
        Err(error) => Err(error),
    }
}

/// Narrows an existing file or folder to `mode` if others may read it; logs (does not fail)
/// when that is not allowed. Nothing there is nothing to do.
pub fn narrow(path: &Path, mode: u32) {
    #[cfg(unix)]
    {
        use std::os::unix::fs::PermissionsExt;
        let Ok(metadata) = std::fs::metadata(path) else {
            return;
        };
        if metadata.permissions().mode() & 0o077 == 0 {
            return;
        }
        if let Err(error) = std::fs::set_permissions(path, std::fs::Permissions::from_mode(mode)) {
            tracing::warn!(path = %path.display(), %error, "could not make private");
        }
    }
    #[cfg(not(unix))]
    let _ = (path, mode);
}

#[cfg(all(test, unix))]
mod tests {
    use std::os::unix::fs::PermissionsExt;

    use super::*;

    fn mode(path: &Path) -> u32 {
        std::fs::metadata(path)
            .map(|m| m.permissions().mode() & 0o777)
            .unwrap_or_default()
    }

    #[tokio::test]
    async fn folders_are_0700_and_files_0600() {
        let root = std::env::temp_dir().join(format!("private-files-{}", std::process::id()));
        let deep = root.join("a/b");
        create_dir_all(&deep).unwrap_or_else(|e| panic!("{e}"));
        assert_eq!(mode(&root), 0o700);
        assert_eq!(mode(&deep), 0o700);
        let file = deep.join("f");
        create_file_if_missing(&file).unwrap_or_else(|e| panic!("{e}"));
        assert_eq!(mode(&file), 0o600);
        let other = deep.join("g");
        drop(
            create_new_file(&other)
                .await
                .unwrap_or_else(|e| panic!("{e}")),
        );
        assert_eq!(mode(&other), 0o600);
        std::fs::set_permissions(&other, std::fs::Permissions::from_mode(0o644))
            .unwrap_or_else(|e| panic!("{e}"));
        narrow(&other, FILE_MODE);
        assert_eq!(mode(&other), 0o600);
        let _ = std::fs::remove_dir_all(&root);
    }
}
