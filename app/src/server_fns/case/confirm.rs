//! Confirming an action that changes what a case is or touches several records (changing the
//! type, merging party records, closing several cases): the first post goes to a confirmation
//! page that says what will happen and asks for the reason; only the confirmation's post, with
//! the reason, makes the change. Without the reason the change is refused.

/// The confirmation page of `action` on a case, with the proposed change in the query.
pub fn confirm_href(reference: &str, action: &str, params: &[(&str, &str)]) -> String {
    let mut query = form_urlencoded::Serializer::new(String::new());
    query.append_pair("action", action);
    for (name, value) in params {
        query.append_pair(name, value);
    }
    format!("{}/confirm?{}", super::case_href(reference), query.finish())
}

/// The close-several page asking for confirmation of the cases and closure posted.
pub fn close_several_confirm_href(params: &[(&str, &str)]) -> String {
    let mut query = form_urlencoded::Serializer::new(String::new());
    query.append_pair("confirm", "yes");
    for (name, value) in params {
        query.append_pair(name, value);
    }
    format!("{}/close-several?{}", super::AREA, query.finish())
}

/// What a confirmation post says about the reason: not posted at all (a first post, which goes
/// to the confirmation page), posted blank (refused), or given.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Confirmation {
    /// No reason field: the proposal, to confirm.
    Proposed,
    /// The reason field was left blank (or too long).
    Blank,
    /// The reason, trimmed.
    Given(String),
}

/// Reads a post's confirmation: `confirm` is the confirmation form's hidden field (a browser
/// sends an empty textarea as nothing, so the reason alone cannot tell the two posts apart).
pub fn confirmation(
    confirm: Option<String>,
    reason: Option<String>,
    longest: usize,
) -> Confirmation {
    match (confirm, reason) {
        (None, None) => Confirmation::Proposed,
        (_, None) => Confirmation::Blank,
        (_, Some(text)) => {
            let text = text.trim().to_owned();
            if text.is_empty() || text.chars().count() > longest {
                Confirmation::Blank
            } else {
                Confirmation::Given(text)
            }
        }
    }
}

/// The reason a confirmation post gives, or `None` when this post is already answered: a first
/// post (no reason field) is sent to the confirmation page `page`; a blank reason goes back to
/// it with its problem (`form` names the flash). Only `Some(reason)` may make the change.
#[cfg(feature = "ssr")]
pub(super) async fn confirmed_reason(
    confirm: Option<String>,
    reason: Option<String>,
    longest: usize,
    form: &str,
    page: &str,
) -> Result<Option<String>, crate::server_fns::staff::StaffError> {
    let typed = reason.clone().unwrap_or_default();
    match confirmation(confirm, reason, longest) {
        Confirmation::Proposed => {
            crate::server_fns::staff::require_access(super::AREA)?;
            leptos_axum::redirect(page);
            Ok(None)
        }
        Confirmation::Blank => {
            let values = [("reason", typed.as_str())];
            let errors = vec![("reason".to_owned(), "case.confirm.error.reason".to_owned())];
            super::actions::refuse_field(super::AREA, form, &values, errors, page).await?;
            Ok(None)
        }
        Confirmation::Given(reason) => Ok(Some(reason)),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_post_without_the_reason_field_is_only_a_proposal() {
        let yes = || Some("yes".to_owned());
        assert_eq!(confirmation(None, None, 10), Confirmation::Proposed);
        assert_eq!(confirmation(yes(), None, 10), Confirmation::Blank);
        assert_eq!(
            confirmation(None, Some("  ".into()), 10),
            Confirmation::Blank
        );
        assert_eq!(
            confirmation(yes(), Some(" why ".into()), 10),
            Confirmation::Given("why".into())
        );
        assert_eq!(
            confirm_href("ABC", "type", &[("to", "SEC")]),
            "/staff/cases/ABC/confirm?action=type&to=SEC"
        );
    }
}
