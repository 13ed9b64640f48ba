//! "You do not have permission to view this page": shown (status 403) when a signed-in member of
//! staff opens a page the access table keeps from their roles.

use leptos::prelude::*;
use leptos_meta::Title;

use super::StaffLayout;
use crate::i18n::t;

/// The page's content in the staff frame.
#[component]
pub fn Forbidden(name: Option<String>) -> impl IntoView {
    view! {
        <Title text=t("staff.forbidden.title")/>
        <StaffLayout name>
            <ForbiddenContent/>
        </StaffLayout>
    }
}

#[component]
fn ForbiddenContent() -> impl IntoView {
    view! {
        <div class="govuk-grid-row">
            <div class="govuk-grid-column-two-thirds">
                <h1 class="govuk-heading-l">{t("staff.forbidden.title")}</h1>
                <p class="govuk-body">{t("staff.forbidden.body")}</p>
                <p class="govuk-body">
                    <a class="govuk-link" href="/staff">{t("staff.forbidden.home")}</a>
                </p>
            </div>
        </div>
    }
}

/// The whole 403 document for `member` at `path`, rendered by the server's middleware (no
/// scripts: nothing to hydrate), in the staff frame with the navigation their roles open, with
/// the stylesheet at `stylesheet` (its name carries the build's hash).
#[cfg(feature = "ssr")]
pub fn forbidden_document(
    member: Option<crate::domain::staff::StaffMember>,
    path: &str,
    stylesheet: &str,
) -> String {
    let path = path.to_owned();
    let body = Owner::new().with(|| {
        // The frame sets the `<title>` through leptos_meta, which needs its context here too.
        leptos_meta::provide_meta_context();
        view! {
            <super::layout::StaffFrame name=None member path>
                <ForbiddenContent/>
            </super::layout::StaffFrame>
        }
        .to_html()
    });
    let title = super::layout::staff_title(&t("staff.forbidden.title"));
    format!(
        "<!DOCTYPE html><html lang=\"en\" class=\"govuk-template\"><head><meta charset=\"utf-8\">\
         <meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\
         <meta name=\"theme-color\" content=\"#0b0c0c\"><title>{}</title>\
         <link rel=\"stylesheet\" href=\"{}\"></head>\
         <body class=\"govuk-template__body\">{body}</body></html>",
        crate::components::rcdata(title),
        crate::components::rcdata(stylesheet.to_owned())
    )
}

#[cfg(all(test, feature = "ssr"))]
mod tests {
    #[test]
    fn the_forbidden_document_says_so_and_escapes_the_name() {
        use crate::domain::staff::{Role, StaffMember};
        let member = StaffMember {
            id: "s1".to_owned(),
            email: "ann@example.org".to_owned(),
            name: "Ann <b>Lee</b>".to_owned(),
            roles: vec![Role::Helpline],
            active: true,
            manager_id: None,
            away_until: None,
        };
        let html = super::forbidden_document(Some(member), "/staff/users", "/pkg/portal.abc.css");
        assert!(
            html.contains("You do not have permission to view this page"),
            "{html}"
        );
        assert!(html.contains("Ann &lt;b&gt;Lee&lt;/b&gt;"), "{html}");
        assert!(html.contains("<title>You do not have permission"), "{html}");
        assert!(
            html.contains("permission to view this page - Casework</title>"),
            "{html}"
        );
        assert_eq!(html.matches("<title>").count(), 1, "{html}");
        assert!(html.contains("Sign out"), "{html}");
        assert!(!html.contains("<script"), "{html}");
        assert!(html.contains("href=\"/pkg/portal.abc.css\""), "{html}");
        // The navigation of the areas the person may open, so they can go on from here.
        assert!(html.contains("aria-label=\"Casework areas\""), "{html}");
        assert!(html.contains("href=\"/staff/helpline\""), "{html}");
        assert!(!html.contains("href=\"/staff/users\""), "{html}");
    }
}
