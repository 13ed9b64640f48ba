//! What the published data sets' index (`/data-sets`) loads: every complete period's files.

use leptos::prelude::*;
use serde::{Deserialize, Serialize};

use crate::domain::data_sets::DataSetFile;

/// The index: today's date and the files.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct DataSetsView {
    pub files: Vec<DataSetFile>,
}

#[server(prefix = "/api/data-sets", endpoint = "index")]
pub async fn load_data_sets() -> Result<DataSetsView, ServerFnError> {
    let services = use_context::<std::sync::Arc<crate::ports::Services>>()
        .ok_or_else(|| ServerFnError::new("services missing from context"))?;
    let today = services.clock.today();
    let files = services.data_sets.files(today).await.map_err(|error| {
        tracing::error!("data sets index: {}", error.0);
        ServerFnError::new("The data sets could not be read.")
    })?;
    Ok(DataSetsView { files })
}
