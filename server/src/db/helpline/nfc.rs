//! 'No further contact' (manual §12): a manager marks a closed case, with the reason; 'NFC' goes
//! into the case title, as the manual asks, so every screen shows it.

use app::domain::case::{CaseEventKind, CaseStatus};
use app::domain::staff::StaffMember;
use app::ports::helpline::HelplineResult;
use chrono::NaiveDate;
use serde_json::json;

use super::super::CaseStoreError;
use super::{refused, HelplineStore};

/// The case title with 'NFC' in it.
fn title_with_nfc(title: &str) -> String {
    if title.split_whitespace().any(|word| word == "NFC") {
        title.to_owned()
    } else if title.trim().is_empty() {
        "NFC".to_owned()
    } else {
        format!("{} NFC", title.trim())
    }
}

impl HelplineStore {
    pub(super) async fn nfc(
        &self,
        reference: &str,
        manager: &StaffMember,
        reason: &str,
        today: NaiveDate,
    ) -> Result<HelplineResult, CaseStoreError> {
        let Some(row) = self.visible_case(reference, manager).await? else {
            return Ok(HelplineResult::NotFound);
        };
        if row.record.status != CaseStatus::Closed {
            return Ok(refused("reason", "helpline.nfc.error.open"));
        }
        let mut tx = self.database.writer.begin().await?;
        sqlx::query(&self.sql(
            "UPDATE cases SET nfc_reason = $1, nfc_on = $2, nfc_by = $3, title = $4 WHERE id = $5",
        ))
        .bind(reason)
        .bind(today.to_string())
        .bind(&manager.id)
        .bind(title_with_nfc(&row.record.title))
        .bind(&row.id)
        .execute(&mut *tx)
        .await?;
        self.record(
            &mut tx,
            &row.id,
            &manager.id,
            CaseEventKind::NoFurtherContact,
            json!({ "reason": reason }),
        )
        .await?;
        tx.commit().await?;
        Ok(HelplineResult::Done)
    }
}

#[cfg(test)]
mod tests {
    use super::title_with_nfc;

    #[test]
    fn nfc_goes_into_the_title_once() {
        assert_eq!(title_with_nfc(""), "NFC");
        assert_eq!(title_with_nfc("Welsh language"), "Welsh language NFC");
        assert_eq!(title_with_nfc("Welsh language NFC"), "Welsh language NFC");
    }
}
