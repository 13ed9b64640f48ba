//! Assisted digital (the helpline completes the concerns assistant for a caller on the phone):
//! the case notes who helped and the consent they recorded.

use app::domain::case::CaseEventKind;
use serde_json::json;

use super::super::CaseStoreError;
use super::HelplineStore;

impl HelplineStore {
    pub(super) async fn assisted(
        &self,
        reference: &str,
        adviser_id: &str,
        consent_at: &str,
    ) -> Result<(), CaseStoreError> {
        let Some(row) = self.database.case_row(reference).await? else {
            return Ok(());
        };
        let text = format!(
            "Handed in by phone: the helpline completed the concerns assistant for the caller, \
             who consented at {consent_at}."
        );
        let mut tx = self.database.writer.begin().await?;
        self.record(
            &mut tx,
            &row.id,
            adviser_id,
            CaseEventKind::Note,
            json!({ "text": text, "assisted_digital": true, "consent_at": consent_at }),
        )
        .await?;
        tx.commit().await?;
        Ok(())
    }
}
