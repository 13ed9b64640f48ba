//! The evidence file store: a local folder in a scratch directory, and an S3-compatible bucket
//! served on loopback by moto (`pip install 'moto[server]'`; skipped with a note when missing).

use std::collections::HashMap;
use std::path::{Path, PathBuf};
use std::process::{Command, Stdio};
use std::sync::Arc;
use std::time::Duration;

use server::files::{content_key, open, FileStore, FileStoreConfig, FileStoreError};

/// Later pairs win.
fn lookup<'a>(pairs: &[(&'a str, &'a str)]) -> impl Fn(&str) -> Option<String> + 'a {
    let map: HashMap<&str, &str> = pairs.iter().copied().collect();
    move |name| map.get(name).map(|value| value.to_string())
}

/// An S3 configuration with a bucket and credentials, plus `pairs` (which win).
fn s3_config(pairs: &[(&str, &str)]) -> Result<FileStoreConfig, String> {
    let mut all = vec![
        ("PORTAL_FILE_STORE", "s3"),
        ("PORTAL_S3_BUCKET", "evidence"),
        ("PORTAL_S3_ACCESS_KEY_ID", "testing"),
        ("PORTAL_S3_SECRET_ACCESS_KEY", "testing"),
    ];
    all.extend_from_slice(pairs);
    FileStoreConfig::from_lookup(lookup(&all))
}

/// A store in a new folder under the system's temporary folder.
async fn local_store() -> (PathBuf, Arc<dyn FileStore>) {
    let mut bytes = [0u8; 6];
    getrandom::fill(&mut bytes).unwrap();
    let suffix: String = bytes.iter().map(|b| format!("{b:02x}")).collect();
    let root = std::env::temp_dir().join(format!("portal-files-{suffix}"));
    let config = FileStoreConfig::Local { root: root.clone() };
    (root, open(&config).await.unwrap())
}

fn refused<T>(result: Result<T, FileStoreError>) -> bool {
    matches!(result, Err(FileStoreError::InvalidKey(_)))
}

fn files_in(folder: &Path) -> Vec<String> {
    let entries = std::fs::read_dir(folder).unwrap();
    entries
        .map(|entry| entry.unwrap().file_name().to_string_lossy().into_owned())
        .collect()
}

#[tokio::test]
async fn a_local_store_keeps_gets_and_deletes_a_document() {
    let (root, store) = local_store().await;
    let bytes = b"%PDF-1.7 evidence".to_vec();
    let key = content_key(&bytes);
    assert_eq!(store.get(&key).await.unwrap(), None);
    store.put(&key, &bytes, "application/pdf").await.unwrap();
    assert_eq!(store.get(&key).await.unwrap(), Some(bytes.clone()));
    let (folder, name) = key.rsplit_once('/').unwrap();
    let left = files_in(&root.join(folder));
    assert_eq!(left, [name], "the document and no temporary file");
    assert_eq!(store.describe(), format!("local folder {}", root.display()));
    store.delete(&key).await.unwrap();
    assert_eq!(store.get(&key).await.unwrap(), None);
    store.delete(&key).await.unwrap();
    std::fs::remove_dir_all(root).unwrap();
}

#[tokio::test]
async fn storing_the_same_key_twice_is_fine() {
    let (root, store) = local_store().await;
    let bytes = b"same bytes".to_vec();
    let key = content_key(&bytes);
    store.put(&key, &bytes, "text/plain").await.unwrap();
    store.put(&key, &bytes, "text/plain").await.unwrap();
    assert_eq!(store.get(&key).await.unwrap(), Some(bytes));
    std::fs::remove_dir_all(root).unwrap();
}

#[tokio::test]
async fn hostile_keys_are_refused_before_anything_is_touched() {
    let (root, local) = local_store().await;
    let s3 = s3_config(&[("PORTAL_S3_ENDPOINT", "http://127.0.0.1:9")]).unwrap();
    for store in [local, open(&s3).await.unwrap()] {
        for key in "../x|/etc/passwd|a//b|A||a/|a/../b|a/.x|a b|é|a/b/".split('|') {
            let put = store.put(key, b"x", "text/plain").await;
            assert!(refused(put), "put {key:?} in {}", store.describe());
            assert!(refused(store.get(key).await), "get {key:?}");
            assert!(refused(store.delete(key).await), "delete {key:?}");
        }
    }
    assert!(files_in(&root).is_empty());
    std::fs::remove_dir_all(root).unwrap();
}

#[test]
fn content_keys_are_stable() {
    let abc = "documents/ba/ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad";
    assert_eq!(content_key(b"abc"), abc);
    assert_ne!(content_key(b"abc"), content_key(b"abd"));
    server::files::validate_key(&content_key(b"")).unwrap();
}

#[test]
fn the_configuration_defaults_to_a_local_folder() {
    let root_of = |pairs: &[(&str, &str)]| match FileStoreConfig::from_lookup(lookup(pairs)) {
        Ok(FileStoreConfig::Local { root }) => root,
        other => panic!("not local: {other:?}"),
    };
    assert_eq!(root_of(&[]), Path::new("data/files"));
    let elsewhere = root_of(&[("PORTAL_FILE_DIR", "/srv/files")]);
    assert_eq!(elsewhere, Path::new("/srv/files"));
    let error = FileStoreConfig::from_lookup(lookup(&[("PORTAL_FILE_STORE", "ftp")])).unwrap_err();
    let expected = r#"PORTAL_FILE_STORE must be "local" or "s3", not "ftp""#;
    assert_eq!(error, expected);
}

#[test]
fn an_s3_configuration_needs_a_bucket_and_credentials() {
    let error = FileStoreConfig::from_lookup(lookup(&[("PORTAL_FILE_STORE", "s3")])).unwrap_err();
    let all = "PORTAL_S3_BUCKET, PORTAL_S3_ACCESS_KEY_ID, PORTAL_S3_SECRET_ACCESS_KEY";
    assert_eq!(error, format!("PORTAL_FILE_STORE=s3 needs {all} to be set"));
    let blank_secret = s3_config(&[("PORTAL_S3_SECRET_ACCESS_KEY", " ")]);
    let expected = "PORTAL_FILE_STORE=s3 needs PORTAL_S3_SECRET_ACCESS_KEY to be set";
    assert_eq!(blank_secret.unwrap_err(), expected);

    let config = s3_config(&[("PORTAL_FILE_STORE", "S3")]).unwrap();
    let expected = "S3 { endpoint: None, bucket: \"evidence\", region: \"eu-west-2\", \
        access_key_id: \"testing\", secret_access_key: \"<redacted>\", allow_http: false, prefix: None }";
    assert_eq!(format!("{config:?}"), expected, "no secret in Debug");
}

/// A moto S3 server on loopback, or `None` when moto is not installed.
async fn moto_server() -> Option<(u16, tokio::process::Child)> {
    let python = ["python3", "/usr/bin/python3"].into_iter().find(|python| {
        let probe = Command::new(python)
            .args(["-c", "import moto.server"])
            .status();
        probe.is_ok_and(|status| status.success())
    })?;
    let listener = std::net::TcpListener::bind("127.0.0.1:0").unwrap();
    let port = listener.local_addr().unwrap().port();
    drop(listener);
    let process = tokio::process::Command::new(python)
        .args("-m moto.server -H 127.0.0.1 -p".split(' '))
        .arg(port.to_string())
        .stdout(Stdio::null())
        .stderr(Stdio::null())
        .kill_on_drop(true)
        .spawn()
        .unwrap();
    for _ in 0..200 {
        let connected = tokio::net::TcpStream::connect(("127.0.0.1", port)).await;
        if connected.is_ok() {
            return Some((port, process));
        }
        tokio::time::sleep(Duration::from_millis(100)).await;
    }
    panic!("the moto server did not start on port {port}");
}

#[tokio::test]
async fn an_s3_store_keeps_gets_and_deletes_a_document_in_a_real_bucket() {
    let Some((port, _moto)) = moto_server().await else {
        println!("skipped: moto not installed (pip install 'moto[server]')");
        return;
    };
    let endpoint = format!("http://127.0.0.1:{port}");
    let region = "<CreateBucketConfiguration><LocationConstraint>eu-west-2</LocationConstraint>";
    let body = format!("{region}</CreateBucketConfiguration>");
    let created = reqwest::Client::new().put(format!("{endpoint}/evidence"));
    let status = created.body(body).send().await.unwrap().status();
    assert!(status.is_success(), "creating the bucket: {status}");

    let config = s3_config(&[
        ("PORTAL_S3_ENDPOINT", &endpoint),
        ("PORTAL_S3_PREFIX", "/portal/"),
    ]);
    let store = open(&config.unwrap()).await.unwrap();
    let described = format!("s3 bucket evidence at {endpoint}, under portal/");
    assert_eq!(store.describe(), described);
    let bytes = b"%PDF-1.7 evidence in a bucket".to_vec();
    let key = content_key(&bytes);
    assert_eq!(store.get(&key).await.unwrap(), None);
    store.put(&key, &bytes, "application/pdf").await.unwrap();
    store.put(&key, &bytes, "application/pdf").await.unwrap();
    assert_eq!(store.get(&key).await.unwrap(), Some(bytes.clone()));

    // The whole bucket, signed requests in path style: the document is under the prefix.
    let whole = open(&s3_config(&[("PORTAL_S3_ENDPOINT", &endpoint)]).unwrap()).await;
    let under_prefix = whole.unwrap().get(&format!("portal/{key}")).await.unwrap();
    assert_eq!(under_prefix, Some(bytes));

    store.delete(&key).await.unwrap();
    assert_eq!(store.get(&key).await.unwrap(), None);
    store.delete(&key).await.unwrap();
}
