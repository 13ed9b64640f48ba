//! What the server provides for evidence files: a store that keeps a file that passed the
//! checks (`crate::domain::evidence`) under its content, before any case refers to it.

use crate::domain::evidence::CheckedFile;
use crate::domain::submission::{EvidenceFile, EvidenceKind};
use crate::ports::StoreError;

#[async_trait::async_trait]
pub trait EvidenceFiles: Send + Sync {
    /// Keeps the file under its content key (keeping the same bytes twice is fine) and
    /// describes it for the journey and the case.
    async fn keep(
        &self,
        kind: EvidenceKind,
        bytes: &[u8],
        checked: CheckedFile,
    ) -> Result<EvidenceFile, StoreError>;
}
