//! What intake answers about a stored case: the reference, queue and service-level dates.

use chrono::NaiveDate;
use serde::{Deserialize, Serialize};

/// What intake answers about a stored case (the API's response body).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct CaseReceipt {
    pub reference: String,
    pub case_type: String,
    /// The numbered work queue, or `None` while on the sift list (or a named team's queue).
    pub work_queue: Option<u8>,
    pub priority: String,
    pub flags: Vec<String>,
    pub assign_by: NaiveDate,
    pub first_contact_due: NaiveDate,
    pub contact_promised_by: NaiveDate,
    pub close_by: NaiveDate,
    /// Where the acknowledgement goes.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub acknowledged_to: Option<String>,
    /// True when this submission repeated an earlier one (same idempotency key).
    #[serde(default, skip_serializing)]
    pub repeated: bool,
}
