//! `/staff/staff-cases/<reference>`: a team manager marks the case as a staff case (ECS,
//! manual §15) and names who may see it. The page itself is the confirmation: it says what will
//! happen and asks the reason, which goes on the timeline.

use leptos::prelude::*;
use serde::{Deserialize, Serialize};

use super::views::CasePageView;
use crate::server_fns::staff::StaffError;

/// The page: the case, and the staff a manager can name (id, name), the manager left out.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct StaffCaseView {
    pub page: CasePageView,
    pub staff: Vec<(String, String)>,
}

/// The page's address.
pub fn staff_case_href(reference: &str) -> String {
    format!("{}/{reference}", super::STAFF_CASES_AREA)
}

#[server(prefix = "/staff/api/staff-cases", endpoint = "page")]
pub async fn load_staff_case(reference: String) -> Result<StaffCaseView, StaffError> {
    use super::{services, store};
    // The area is a team manager's (the access table), so the case page's loader checks it.
    let page = super::load::case_page(super::STAFF_CASES_AREA, &reference, "staff_case").await?;
    let mut staff: Vec<(String, String)> = services()?
        .staff
        .list()
        .await
        .map_err(store)?
        .into_iter()
        .filter(|member| member.active && member.id != page.me.id)
        .map(|member| (member.id, member.name))
        .collect();
    staff.sort_by(|a, b| a.1.cmp(&b.1));
    Ok(StaffCaseView { page, staff })
}

/// Marks the case a staff case: only the staff named, the manager and the allocated officer
/// may see it from then on.
#[server(prefix = "/staff/api/staff-cases", endpoint = "mark")]
pub async fn mark_staff_case(
    reference: String,
    may_see: Option<Vec<String>>,
    reason: Option<String>,
) -> Result<(), StaffError> {
    use super::actions::{apply, canonical, Back};
    use crate::ports::case::CaseChange;
    let reference = canonical(&reference)?;
    let may_see = may_see.unwrap_or_default();
    let typed_reason = reason.unwrap_or_default();
    let mut values: Vec<(&str, &str)> = may_see.iter().map(|id| ("may_see", id.as_str())).collect();
    values.push(("reason", typed_reason.as_str()));
    let back = Back {
        area: super::STAFF_CASES_AREA,
        page: staff_case_href(&reference),
        done: "staff_case",
        anchor: "summary",
    };
    apply(
        &reference,
        CaseChange::MarkStaffCase {
            may_see: may_see.clone(),
            reason: typed_reason.trim().to_owned(),
        },
        &values,
        back,
    )
    .await
}
