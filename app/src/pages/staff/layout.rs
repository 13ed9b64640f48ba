//! The staff pages' frame: a header with the staff service's own name (and in every page's
//! `<title>`), navigation for the areas the signed-in person's roles open, who is signed in and
//! a sign-out button. Every staff page is drawn in it, so this is the one place the frame changes.
//!
//! The navigation is read from the access table ([`AREAS`], the same rows the server's
//! middleware enforces): an area shows when it has a page (`link`) and the person may open it.

use leptos::prelude::*;
use leptos_meta::Title;

use crate::domain::staff::{StaffMember, AREAS};
use crate::i18n::t;

/// The sign-out form's target (`SignOut`, a public path so an ended session can still sign out).
const SIGN_OUT: &str = "/staff/api/sign-out";

/// The staff home page.
const HOME: &str = "/staff";

/// One link of the staff navigation.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct NavItem {
    pub href: String,
    /// The i18n key of its words.
    pub label: String,
    /// `aria-current`: `page` on the area's own page, `true` on a page within it.
    pub current: Option<&'static str>,
}

/// The staff navigation for `member` on the page at `path`: their home, then each area with a
/// page that the access table lets them open, in the table's order.
pub fn nav_items(member: &StaffMember, path: &str) -> Vec<NavItem> {
    let path = path.trim_end_matches('/');
    let path = if path.is_empty() { HOME } else { path };
    let home = NavItem {
        href: HOME.to_owned(),
        label: "staff.nav.home".to_owned(),
        current: (path == HOME).then_some("page"),
    };
    let areas = AREAS
        .iter()
        .filter(|area| area.link.is_some())
        .map(|area| format!("{HOME}/{}", area.slug))
        .filter(|href| member.may_open(href))
        .map(|href| {
            let current = if path == href {
                Some("page")
            } else if path.starts_with(&format!("{href}/")) {
                Some("true")
            } else {
                None
            };
            NavItem {
                label: format!("staff.nav.{}", &href[HOME.len() + 1..]),
                href,
                current,
            }
        });
    std::iter::once(home).chain(areas).collect()
}

/// A staff page's `<title>`: the page's own words, then the staff service's name.
pub fn staff_title(title: &str) -> String {
    let service = t("staff.service.name");
    if title == service || title.is_empty() {
        service
    } else {
        format!("{title} - {service}")
    }
}

/// Who is signed in (from the server's middleware, for this request) and the path asked for.
#[cfg(feature = "ssr")]
fn signed_in() -> (Option<StaffMember>, String) {
    let Some(parts) = use_context::<http::request::Parts>() else {
        return (None, String::new());
    };
    let member = parts
        .extensions
        .get::<crate::server_fns::staff::CurrentStaff>()
        .map(|current| current.member.clone());
    (member, parts.uri.path().to_owned())
}

/// Staff pages are drawn on the server only (no island holds the frame).
#[cfg(not(feature = "ssr"))]
fn signed_in() -> (Option<StaffMember>, String) {
    (None, String::new())
}

fn navigation(items: Vec<NavItem>) -> impl IntoView {
    let links = items
        .into_iter()
        .map(|item| {
            let class = if item.current.is_some() {
                "app-staff-nav__item app-staff-nav__item--active"
            } else {
                "app-staff-nav__item"
            };
            view! {
                <li class=class>
                    <a class="app-staff-nav__link" href=item.href aria-current=item.current>{t(&item.label)}</a>
                </li>
            }
        })
        .collect_view();
    view! {
        <nav class="app-staff-nav" aria-label=t("staff.nav.label")>
            <div class="govuk-width-container">
                <ul class="app-staff-nav__list">{links}</ul>
            </div>
        </nav>
    }
}

/// Every staff page's frame. `name`: who is signed in (shows the sign-out button); when a page
/// passes none, the signed-in person the request carries, if any.
#[component]
pub fn StaffLayout(name: Option<String>, children: Children) -> impl IntoView {
    let (member, path) = signed_in();
    view! { <StaffFrame name member path>{children()}</StaffFrame> }
}

/// The frame for `member` (if anyone is signed in) on the page at `path`: for a document drawn
/// outside the router (the 403 page), which has no request in its context.
#[component]
pub fn StaffFrame(
    name: Option<String>,
    member: Option<StaffMember>,
    path: String,
    children: Children,
) -> impl IntoView {
    let name = name.or_else(|| member.as_ref().map(|member| member.name.clone()));
    let nav = member.map(|member| navigation(nav_items(&member, &path)));
    view! {
        <Title formatter=|title: String| crate::components::rcdata(staff_title(&title))/>
        <a href="#main-content" class="govuk-skip-link">{t("layout.skip")}</a>
        <header class="app-staff-header">
            <div class="govuk-header">
                <div class="govuk-header__container govuk-width-container app-staff-header__container">
                    <a href=HOME class="govuk-header__service-name app-staff-header__service">{t("staff.service.name")}</a>
                    <strong class="govuk-tag app-staff-tag">{t("staff.layout.tag")}</strong>
                    {name.map(|name| view! {
                        <div class="app-staff-header__account">
                            <span class="app-staff-header__name">{name}</span>
                            // A plain post, with or without JavaScript: the whole page changes.
                            <form method="post" action=SIGN_OUT class="app-inline-form">
                                <button type="submit" class="govuk-button govuk-button--secondary app-sign-out">
                                    {t("staff.layout.sign_out")}
                                </button>
                            </form>
                        </div>
                    })}
                </div>
            </div>
            {nav}
        </header>
        <div class="govuk-width-container">
            <main class="govuk-main-wrapper" id="main-content">
                {children()}
            </main>
        </div>
        <footer class="govuk-footer">
            <div class="govuk-width-container">
                <p class="govuk-footer__meta">{t("staff.layout.footer")}</p>
            </div>
        </footer>
    }
}

#[cfg(test)]
mod tests {
    use super::{nav_items, staff_title};
    use crate::domain::staff::{Role, StaffMember, AREAS};
    use crate::i18n::has;

    fn member(roles: &[Role]) -> StaffMember {
        StaffMember {
            id: "s1".to_owned(),
            email: "ann@example.gov.uk".to_owned(),
            name: "Ann Lee".to_owned(),
            roles: roles.to_vec(),
            active: true,
            manager_id: None,
            away_until: None,
        }
    }

    fn hrefs(roles: &[Role], path: &str) -> Vec<String> {
        nav_items(&member(roles), path)
            .into_iter()
            .map(|item| item.href)
            .collect()
    }

    #[test]
    fn each_role_sees_the_areas_the_access_table_opens_to_it() {
        let officer = hrefs(&[Role::CaseOfficer], "/staff");
        assert!(officer.contains(&"/staff/cases".to_owned()), "{officer:?}");
        assert!(officer.contains(&"/staff/callbacks".to_owned()));
        assert!(!officer.contains(&"/staff/users".to_owned()));
        assert!(!officer.contains(&"/staff/queues".to_owned()));
        let admin = hrefs(&[Role::Admin], "/staff");
        assert!(admin.contains(&"/staff/users".to_owned()), "{admin:?}");
        assert!(!admin.contains(&"/staff/cases".to_owned()));
        let manager = hrefs(&[Role::TeamManager], "/staff");
        assert!(manager.contains(&"/staff/queues".to_owned()), "{manager:?}");
        // Areas without a page (corrections, 'no further contact') are never links.
        let everyone = hrefs(Role::all(), "/staff");
        assert!(!everyone.iter().any(|href| href.contains("corrections")));
        assert!(!everyone.iter().any(|href| href.contains("nfc")));
        assert_eq!(everyone[0], "/staff");
    }

    #[test]
    fn the_current_area_is_marked() {
        let items = nav_items(&member(&[Role::TeamManager]), "/staff/queues/13");
        let current: Vec<_> = items
            .iter()
            .filter_map(|item| item.current.map(|c| (item.href.as_str(), c)))
            .collect();
        assert_eq!(current, vec![("/staff/queues", "true")]);
        let items = nav_items(&member(&[Role::TeamManager]), "/staff/queues");
        assert!(items
            .iter()
            .any(|item| item.href == "/staff/queues" && item.current == Some("page")));
        let items = nav_items(&member(&[Role::TeamManager]), "/staff");
        assert_eq!(items[0].current, Some("page"));
        assert!(items[1..].iter().all(|item| item.current.is_none()));
    }

    #[test]
    fn every_area_with_a_page_has_words_in_the_navigation() {
        for area in AREAS.iter().filter(|area| area.link.is_some()) {
            let key = format!("staff.nav.{}", area.slug);
            assert!(has(&key), "{key} missing");
        }
        assert!(has("staff.nav.home") && has("staff.nav.label"));
    }

    #[test]
    fn staff_titles_carry_the_staff_service_s_name() {
        assert_eq!(staff_title("Work queues"), "Work queues - Casework");
        assert_eq!(staff_title("Casework"), "Casework");
        assert!(!staff_title("Sign in").contains("Raise a concern"));
    }
}
