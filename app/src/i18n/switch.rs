//! The language switch on every public page: a plain link to `/language/<code>` carrying the page
//! the person is on (`back`), which the server answers by remembering the choice (a cookie) and
//! sending them back to the same page, where their answers still are (they live on the server).

use super::Lang;

/// Where the switch sends a choice of language.
pub const SWITCH_PATH: &str = "/language";

/// The link that switches to `to` from the page at `path_and_query`.
pub fn switch_href(to: Lang, path_and_query: &str) -> String {
    let back: String = form_urlencoded::byte_serialize(path_and_query.as_bytes()).collect();
    format!("{SWITCH_PATH}/{}?back={back}", to.code())
}

/// Where to send the person after switching: `back` if it is a page of this site (a relative
/// path, not `//host`, `/\host`, an absolute URL, or anything with control characters or white
/// space; not a staff page, which is English), else the start page.
pub fn safe_back(back: Option<&str>) -> String {
    const START: &str = "/";
    let Some(back) = back else {
        return START.to_owned();
    };
    let path = back.split(['?', '#']).next().unwrap_or_default();
    let staff = path == "/staff" || path.starts_with("/staff/");
    let acceptable = back.len() <= 2_000
        && back.starts_with('/')
        && !back.starts_with("//")
        && !back.contains('\\')
        && !back.chars().any(|c| c.is_control() || c.is_whitespace())
        && !path.starts_with(SWITCH_PATH)
        && !staff;
    if acceptable {
        back.to_owned()
    } else {
        START.to_owned()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_link_carries_the_page_and_its_query() {
        assert_eq!(
            switch_href(Lang::Cy, "/concern/about?change=1"),
            "/language/cy?back=%2Fconcern%2Fabout%3Fchange%3D1"
        );
        assert_eq!(switch_href(Lang::En, "/"), "/language/en?back=%2F");
    }

    #[test]
    fn only_a_page_of_this_site_is_a_way_back() {
        assert_eq!(
            safe_back(Some("/concern/about?change=1")),
            "/concern/about?change=1"
        );
        assert_eq!(safe_back(Some("/report-nuisance")), "/report-nuisance");
        for refused in [
            None,
            Some("https://evil.example/"),
            Some("//evil.example/"),
            Some("/\\evil.example"),
            Some("/a b"),
            Some("/a\nb"),
            Some("/language/cy?back=/"),
            Some("/staff/cases"),
            Some("relative"),
        ] {
            assert_eq!(safe_back(refused), "/", "{refused:?}");
        }
    }
}
