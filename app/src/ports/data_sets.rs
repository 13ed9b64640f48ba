//! What the server provides for the published data sets' index (`Services::data_sets`): every
//! complete period's files with how many records each holds. The files themselves are streamed
//! by the server (`server/src/http/data_sets.rs`), not through a page.

use chrono::NaiveDate;

use crate::domain::data_sets::DataSetFile;
use crate::ports::StoreError;

#[async_trait::async_trait]
pub trait PublishedDataSets: Send + Sync {
    /// Every file of every set for the periods complete on `today`, newest first within a set.
    async fn files(&self, today: NaiveDate) -> Result<Vec<DataSetFile>, StoreError>;
}
