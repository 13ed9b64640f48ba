//! The access table: the one place that says which roles may open which staff path. The server's
//! middleware applies it to every `/staff/…` request (pages and server functions alike), pages
//! use it to choose the links they show, and server functions check it again.
//!
//! A staff area is one row of [`AREAS`]: its slug covers the pages under `/staff/<slug>` and the
//! server functions under `/staff/api/<slug>`. Every other `/staff/…` path is open to any
//! signed-in member of staff, except the few [`PUBLIC`] ones (signing in and out).

use super::Role;

/// Where staff sign in.
pub const SIGN_IN_PATH: &str = "/staff/sign-in";

/// The staff paths open to everyone: the sign-in page and the sign-in and sign-out functions.
const PUBLIC: &[&str] = &[SIGN_IN_PATH, "/staff/api/sign-in", "/staff/api/sign-out"];

/// A part of the staff service and the roles that may open it.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Area {
    /// `/staff/<slug>…` (pages) and `/staff/api/<slug>…` (server functions).
    pub slug: &'static str,
    pub roles: &'static [Role],
    /// The i18n key of its link on the staff home page; `None` until it has a page.
    pub link: Option<&'static str>,
}

/// Every staff area, in the order the staff navigation and home page list them (the working
/// day: casework, the helpline, then the other areas). A new area adds one row.
pub const AREAS: &[Area] = &[
    // Casework (manual §3–§5, §11): the sift, the work queues, the case, exception reports.
    Area {
        slug: "sift",
        roles: &[Role::AdviceService],
        link: Some("staff.area.sift"),
    },
    Area {
        slug: "queues",
        roles: &[Role::TeamManager],
        link: Some("staff.area.queues"),
    },
    Area {
        slug: "cases",
        roles: &[
            Role::CaseOfficer,
            Role::TeamManager,
            Role::AdviceService,
            Role::Enforcement,
        ],
        link: Some("staff.area.cases"),
    },
    Area {
        slug: "exceptions",
        roles: &[Role::TeamManager],
        link: Some("staff.area.exceptions"),
    },
    // Marking a case as a staff case (ECS) and naming who may see it: a team manager's (§15).
    Area {
        slug: "staff-cases",
        roles: &[Role::TeamManager],
        link: None,
    },
    // Correcting a closed case's outcome is done behind the scenes (manual §11), not a re-open.
    Area {
        slug: "corrections",
        roles: &[Role::Admin],
        link: None,
    },
    // The helpline (manual §12): the console, and the callbacks and prioritisation requests it
    // hands to officers and managers.
    Area {
        slug: "helpline",
        roles: &[Role::Helpline],
        link: Some("helpline.area.helpline"),
    },
    Area {
        slug: "callbacks",
        roles: &[Role::CaseOfficer, Role::TeamManager],
        link: Some("helpline.area.callbacks"),
    },
    Area {
        slug: "priority-requests",
        roles: &[Role::TeamManager],
        link: Some("helpline.area.priority_requests"),
    },
    // Breach triage, nuisance intelligence and staff accounts.
    Area {
        slug: "users",
        roles: &[Role::Admin],
        link: Some("staff.area.users"),
    },
    Area {
        slug: "nuisance",
        roles: &[
            Role::Enforcement,
            Role::CaseOfficer,
            Role::TeamManager,
            Role::Admin,
        ],
        link: Some("staff.area.nuisance"),
    },
    Area {
        slug: "breaches",
        roles: &[Role::Enforcement],
        link: Some("staff.area.breaches"),
    },
    // A manager marks a closed case 'no further contact' (manual §12).
    Area {
        slug: "nfc",
        roles: &[Role::TeamManager],
        link: None,
    },
];

/// Who may open a path.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Access {
    /// Anyone (signing in and out).
    Public,
    /// Any signed-in member of staff.
    AnyStaff,
    /// Staff holding at least one of these roles.
    Roles(&'static [Role]),
}

/// Who may open `path`; `None` when it is not a staff path. `path` is normalised first.
pub fn access(path: &str) -> Option<Access> {
    let path = normalise_path(path);
    if !under(&path, "/staff") {
        return None;
    }
    if PUBLIC.contains(&path.trim_end_matches('/')) {
        return Some(Access::Public);
    }
    AREAS
        .iter()
        .find(|area| {
            under(&path, &format!("/staff/{}", area.slug))
                || under(&path, &format!("/staff/api/{}", area.slug))
        })
        .map(|area| Access::Roles(area.roles))
        .or(Some(Access::AnyStaff))
}

/// What to do with a request for a path.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Decision {
    /// Let it through.
    Allow,
    /// Nobody is signed in: sign in first.
    SignIn,
    /// Signed in without a role that may open it.
    Forbidden,
}

/// The decision for `path` given the roles of whoever is signed in (`None`: nobody).
pub fn decide(path: &str, roles: Option<&[Role]>) -> Decision {
    match (access(path), roles) {
        (None | Some(Access::Public), _) => Decision::Allow,
        (Some(_), None) => Decision::SignIn,
        (Some(Access::AnyStaff), Some(_)) => Decision::Allow,
        (Some(Access::Roles(allowed)), Some(held)) => {
            if held.iter().any(|role| allowed.contains(role)) {
                Decision::Allow
            } else {
                Decision::Forbidden
            }
        }
    }
}

fn under(path: &str, prefix: &str) -> bool {
    path == prefix
        || path
            .strip_prefix(prefix)
            .is_some_and(|rest| rest.starts_with('/'))
}

/// The path as the router will see it: percent-escapes decoded, empty and `.` segments dropped,
/// `..` segments applied. Classifying this form means `/staff/%75sers` or `/staff/x/../users`
/// cannot slip past the table.
pub fn normalise_path(path: &str) -> String {
    let decoded = percent_decode(path);
    let mut segments: Vec<&str> = Vec::new();
    for segment in decoded.split(['/', '\\']) {
        match segment {
            "" | "." => {}
            ".." => {
                segments.pop();
            }
            other => segments.push(other),
        }
    }
    format!("/{}", segments.join("/"))
}

fn percent_decode(text: &str) -> String {
    let bytes = text.as_bytes();
    let mut out = Vec::with_capacity(bytes.len());
    let mut index = 0;
    while index < bytes.len() {
        let hex = bytes
            .get(index + 1..index + 3)
            .and_then(|pair| std::str::from_utf8(pair).ok())
            .and_then(|pair| u8::from_str_radix(pair, 16).ok());
        match (bytes[index], hex) {
            (b'%', Some(byte)) => {
                out.push(byte);
                index += 3;
            }
            (byte, _) => {
                out.push(byte);
                index += 1;
            }
        }
    }
    String::from_utf8_lossy(&out).into_owned()
}

/// Where to go after signing in: `next` if it is a staff page on this site (a relative path under
/// `/staff`, not the sign-in page), else the staff home. Refuses `//host`, `/\host`, absolute URLs
/// and anything with control characters or white space.
pub fn safe_next(next: Option<&str>) -> String {
    const HOME: &str = "/staff";
    let Some(next) = next else {
        return HOME.to_owned();
    };
    let path = next.split(['?', '#']).next().unwrap_or_default();
    let acceptable = next.len() <= 500
        && next.starts_with('/')
        && !next.starts_with("//")
        && !next.contains('\\')
        && !next.chars().any(|c| c.is_control() || c.is_whitespace())
        && normalise_path(path) == path.trim_end_matches('/')
        && under(path, "/staff")
        && !under(path, SIGN_IN_PATH);
    if acceptable {
        next.to_owned()
    } else {
        HOME.to_owned()
    }
}
