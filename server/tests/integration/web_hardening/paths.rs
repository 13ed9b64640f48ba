//! Encoded separators, dot segments and other non-plain forms of a staff path are refused with
//! 400 before any handler, signed in or not. The requests are written by hand: an HTTP client
//! would resolve `..` and `%2e%2e` before sending.

use app::domain::staff::Role;
use tokio::io::{AsyncReadExt, AsyncWriteExt};

use crate::staff::{add_staff, portal, sign_in, PASSWORD};
use crate::support::{browser, TestPortal};

/// Each reaches an admin-only path or the open sign-in path once decoded and resolved, while the
/// router sees another.
const PAGES: &[&str] = &[
    "/staff/users/..%2F..%2Fsign-in",
    "/staff/users/..%2f..%2fsign-in",
    "/staff/users/..%5C..%5Csign-in",
    "/staff/users/..%5c..%5csign-in",
    "/staff/users/%2e%2e/%2e%2e/sign-in",
    "/staff/users/.%2E/.%2E/sign-in",
    "/staff/users/../../sign-in",
    "/staff/./users",
    "/staff//users",
    "/staff/%75sers",
    "/staff%2Fusers",
    "/%73taff/users",
    "/concern/..%2F..%2Fstaff/users",
];

/// Server functions: the open sign-in function, and the admin's list, reached sideways.
const FUNCTIONS: &[&str] = &[
    "/staff/api/users/..%2Fsign-in",
    "/staff/api/users/list%2F..%2F..%2Fsign-in",
    "/staff/api/sign-in%2F..%2Fusers%2Flist",
    "/staff/api/%75sers/list",
];

/// Sends one request as written; its status.
async fn raw(portal: &TestPortal, method: &str, path: &str, cookie: Option<&str>) -> u16 {
    let address = portal.url.trim_start_matches("http://");
    let mut stream = tokio::net::TcpStream::connect(address).await.unwrap();
    let mut request = format!(
        "{method} {path} HTTP/1.1\r\nHost: {address}\r\nOrigin: {}\r\nAccept: text/html\r\n\
         Content-Type: application/x-www-form-urlencoded\r\nContent-Length: 0\r\n\
         Connection: close\r\n",
        portal.url
    );
    if let Some(cookie) = cookie {
        request.push_str(&format!("Cookie: {cookie}\r\n"));
    }
    request.push_str("\r\n");
    stream.write_all(request.as_bytes()).await.unwrap();
    let mut answer = Vec::new();
    stream.read_to_end(&mut answer).await.unwrap();
    let answer = String::from_utf8_lossy(&answer);
    answer
        .split(' ')
        .nth(1)
        .and_then(|status| status.parse().ok())
        .unwrap_or_else(|| panic!("no status for {path}: {answer}"))
}

/// The `name=value` of the session cookie a sign-in sets.
async fn session_cookie(portal: &TestPortal, email: &str, roles: &[Role]) -> String {
    add_staff(portal, email, roles).await;
    let response = sign_in(portal, &browser(), email, PASSWORD).await;
    let cookie = response.headers()["set-cookie"]
        .to_str()
        .unwrap()
        .to_owned();
    cookie.split(';').next().unwrap().to_owned()
}

#[tokio::test]
async fn encoded_staff_paths_are_refused_signed_out_and_without_the_role() {
    let portal = portal().await;
    let helpline = session_cookie(&portal, "hana@example.gov.uk", &[Role::Helpline]).await;
    for cookie in [None, Some(helpline.as_str())] {
        for path in PAGES {
            let status = raw(&portal, "GET", path, cookie).await;
            assert_eq!(status, 400, "GET {path} (signed in: {})", cookie.is_some());
        }
        for path in FUNCTIONS {
            let status = raw(&portal, "POST", path, cookie).await;
            assert_eq!(status, 400, "POST {path} (signed in: {})", cookie.is_some());
        }
    }
    // The plain paths answer as before: sign in first, or not for this role.
    assert_eq!(raw(&portal, "GET", "/staff/users", None).await, 303);
    assert_eq!(
        raw(&portal, "GET", "/staff/users", Some(&helpline)).await,
        403
    );
    assert_eq!(
        raw(&portal, "POST", "/staff/api/users/list", None).await,
        401
    );
    assert_eq!(raw(&portal, "GET", "/staff", Some(&helpline)).await, 200);
    assert_eq!(raw(&portal, "GET", "/staff/sign-in", None).await, 200);
}

#[tokio::test]
async fn an_admin_is_refused_an_encoded_path_too() {
    let portal = portal().await;
    let admin = session_cookie(&portal, "ann@example.gov.uk", &[Role::Admin]).await;
    assert_eq!(raw(&portal, "GET", "/staff/users", Some(&admin)).await, 200);
    for path in ["/staff/%75sers", "/staff//users", "/staff/x/../users"] {
        assert_eq!(raw(&portal, "GET", path, Some(&admin)).await, 400, "{path}");
    }
}
