//! The staff pages: sign in, the staff home, and managing staff accounts. Each page loads its data
//! through a staff server function, so the access table guards both the page request and the
//! data; a page whose data is refused shows why ([`outcome`]).

mod fields;
mod forbidden;
mod home;
mod layout;
mod list_tools;
mod my_work;
mod sign_in;
mod users;
mod users_edit;
mod users_new;

#[cfg(feature = "ssr")]
pub use forbidden::forbidden_document;
pub use forbidden::Forbidden;
pub use home::StaffHomePage;
pub use layout::StaffLayout;
pub use sign_in::SignInPage;
pub use users::UsersPage;
pub use users_edit::EditStaffPage;
pub use users_new::NewStaffPage;

use leptos::prelude::*;
use leptos_meta::Title;
use leptos_router::components::Redirect;

use crate::i18n::t;
use crate::server_fns::staff::{sign_in_href, StaffError};

/// What a staff page shows when its data is refused: the sign-in page (the session ended), the
/// no-permission page, not found, or a problem.
pub fn outcome(error: StaffError, path: String) -> AnyView {
    match error {
        StaffError::SignedOut => view! { <Redirect path=sign_in_href(&path, None)/> }.into_any(),
        StaffError::Forbidden => view! { <Forbidden name=None/> }.into_any(),
        StaffError::NotFound => view! { <crate::pages::not_found::NotFound/> }.into_any(),
        StaffError::Server(_) => view! {
            <Title text=t("staff.problem.title")/>
            <StaffLayout name=None>
                <h1 class="govuk-heading-l">{t("staff.problem.title")}</h1>
                <p class="govuk-body">{t("staff.problem.body")}</p>
            </StaffLayout>
        }
        .into_any(),
    }
}

/// A staff page drawn from data loaded for it; a load refused or failed is shown as `outcome`
/// says for the page at `path` (sign in, not allowed, not found, or a problem).
pub fn staff_page<T: Send + 'static>(
    load: impl std::future::Future<Output = Result<T, StaffError>> + Send + 'static,
    path: String,
    page: impl FnOnce(T) -> AnyView + Send + 'static,
) -> impl IntoView {
    crate::components::loaded(load, page, move |error| outcome(error, path))
}

/// A page title, prefixed "Error:" when the page shows errors.
pub fn page_title(title: &str, has_errors: bool) -> String {
    if has_errors {
        format!("{} {title}", t("error.title_prefix"))
    } else {
        title.to_owned()
    }
}
