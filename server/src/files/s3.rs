//! Documents as objects in an S3-compatible bucket, through `object_store` (path-style requests,
//! so MinIO-like servers work without wildcard DNS).

use object_store::aws::{AmazonS3, AmazonS3Builder};
use object_store::path::Path;
use object_store::{Attribute, Attributes, ObjectStore, ObjectStoreExt, PutOptions, PutPayload};

use super::{validate_key, FileStore, FileStoreConfig, FileStoreError};

/// An S3 bucket (or a folder in one, with a prefix).
#[derive(Debug)]
pub struct S3FileStore {
    store: AmazonS3,
    bucket: String,
    endpoint: Option<String>,
    prefix: Option<String>,
}

impl S3FileStore {
    /// Builds the client; nothing is sent until the first request.
    pub fn new(config: &FileStoreConfig) -> Result<S3FileStore, FileStoreError> {
        let FileStoreConfig::S3 {
            endpoint,
            bucket,
            region,
            access_key_id,
            secret_access_key,
            allow_http,
            prefix,
        } = config
        else {
            return Err(FileStoreError::Config("not an S3 configuration".to_owned()));
        };
        let mut builder = AmazonS3Builder::new()
            .with_bucket_name(bucket)
            .with_region(region)
            .with_access_key_id(access_key_id)
            .with_secret_access_key(secret_access_key)
            .with_allow_http(*allow_http)
            .with_virtual_hosted_style_request(false);
        if let Some(endpoint) = endpoint {
            builder = builder.with_endpoint(endpoint);
        }
        let store = builder
            .build()
            .map_err(|e| FileStoreError::Config(format!("s3 bucket {bucket}: {e}")))?;
        let prefix = prefix
            .as_deref()
            .map(|p| p.trim_matches('/').to_owned())
            .filter(|p| !p.is_empty());
        if let Some(prefix) = &prefix {
            validate_key(prefix)
                .map_err(|_| FileStoreError::Config(format!("invalid S3 prefix {prefix:?}")))?;
        }
        Ok(S3FileStore {
            store,
            bucket: bucket.clone(),
            endpoint: endpoint.clone(),
            prefix,
        })
    }

    fn path(&self, key: &str) -> Result<Path, FileStoreError> {
        validate_key(key)?;
        let full = match &self.prefix {
            Some(prefix) => format!("{prefix}/{key}"),
            None => key.to_owned(),
        };
        Path::parse(&full).map_err(|_| FileStoreError::InvalidKey(key.to_owned()))
    }

    fn remote(&self, action: &str, key: &str, error: object_store::Error) -> FileStoreError {
        FileStoreError::Remote(format!(
            "{action} {key} in s3 bucket {}: {error}",
            self.bucket
        ))
    }
}

#[async_trait::async_trait]
impl FileStore for S3FileStore {
    async fn put(&self, key: &str, bytes: &[u8], content_type: &str) -> Result<(), FileStoreError> {
        let path = self.path(key)?;
        let mut attributes = Attributes::new();
        attributes.insert(Attribute::ContentType, content_type.to_owned().into());
        let options = PutOptions {
            attributes,
            ..PutOptions::default()
        };
        self.store
            .put_opts(&path, PutPayload::from(bytes.to_vec()), options)
            .await
            .map(|_| ())
            .map_err(|e| self.remote("storing", key, e))
    }

    async fn get(&self, key: &str) -> Result<Option<Vec<u8>>, FileStoreError> {
        let path = self.path(key)?;
        let result = match self.store.get(&path).await {
            Ok(result) => result,
            Err(object_store::Error::NotFound { .. }) => return Ok(None),
            Err(e) => return Err(self.remote("reading", key, e)),
        };
        let bytes = result
            .bytes()
            .await
            .map_err(|e| self.remote("reading", key, e))?;
        Ok(Some(bytes.to_vec()))
    }

    async fn delete(&self, key: &str) -> Result<(), FileStoreError> {
        let path = self.path(key)?;
        match self.store.delete(&path).await {
            Ok(()) | Err(object_store::Error::NotFound { .. }) => Ok(()),
            Err(e) => Err(self.remote("deleting", key, e)),
        }
    }

    fn describe(&self) -> String {
        let endpoint = self.endpoint.as_deref().unwrap_or("AWS");
        match &self.prefix {
            Some(prefix) => format!("s3 bucket {} at {endpoint}, under {prefix}/", self.bucket),
            None => format!("s3 bucket {} at {endpoint}", self.bucket),
        }
    }
}
