//! Every public page in Welsh, with no English left on it. A browser with the `lang=cy` cookie
//! walks the concerns assistant (every question, each verdict, handing a concern in), the
//! nuisance reporting tool, the breach self-assessment and report, the information pages and the
//! 404 page, answering each form as a person might, and follows every link it meets. On each page
//! the visible text (text nodes, and `aria-label`, `title`, `placeholder`, `alt` and input
//! buttons' `value`) must not be the English catalogue text of a key whose Welsh differs
//! (`app/locales/cy-same.txt` lists the keys rightly the same), nor one of the common English
//! words of a form, nor a time written "9am"; and `<html lang="cy">`. `WELSH_PAGES_DEBUG=1`
//! prints every text it reads. SQLite, or PostgreSQL with `PORTAL_TEST_DATABASE_URL`.

mod english;
mod html;

use std::collections::{BTreeMap, BTreeSet, VecDeque};

use crate::breach_journey::{answer, start, PARTS};
use crate::staff::{get, post};
use crate::submission::{ready_subject_access, PDF};
use crate::support::{browser, date, location, spawn_portal, TestPortal};
use english::{english_only, english_time};
use html::{button_links, forms, html_lang, links, visible_texts, Form};

/// What the walk found: the pages seen and each English text left on one.
struct Audit {
    english: BTreeMap<String, String>,
    seen: BTreeSet<String>,
    leaks: BTreeSet<String>,
}

impl Audit {
    fn check(&mut self, path: &str, page: &str) {
        let path = path.split('?').next().unwrap_or_default().to_owned();
        if html_lang(page).as_deref() != Some("cy") {
            self.leaks
                .insert(format!("{path}: <html lang={:?}>", html_lang(page)));
        }
        for text in visible_texts(page) {
            if std::env::var_os("WELSH_PAGES_DEBUG").is_some() {
                eprintln!("TEXT {path}: {text}");
            }
            if let Some(key) = self.english.get(&text) {
                self.leaks.insert(format!("{path}: {text:?} ({key})"));
            }
            if english_time(&text) {
                self.leaks
                    .insert(format!("{path}: {text:?} (a time in English)"));
            }
        }
        self.seen.insert(path);
    }
}

/// A browser that reads the pages in Welsh.
async fn welsh_browser(portal: &TestPortal) -> reqwest::Client {
    let client = browser();
    let switched = get(portal, &client, "/language/cy?back=%2F").await;
    assert_eq!(switched.status().as_u16(), 303);
    client
}

/// GETs `path` and checks it if it is a page; returns the page, or where it redirects.
async fn visit(
    audit: &mut Audit,
    portal: &TestPortal,
    client: &reqwest::Client,
    path: &str,
) -> Result<String, String> {
    let response = get(portal, client, path).await;
    let status = response.status().as_u16();
    if (300..400).contains(&status) {
        return Err(location(&response));
    }
    let html = response
        .headers()
        .get("content-type")
        .is_some_and(|v| v.to_str().unwrap_or_default().starts_with("text/html"));
    let page = response.text().await.unwrap();
    if html {
        audit.check(path, &page);
    }
    Ok(page)
}

/// A value a person might type into a field named `name` of type `kind`.
fn typed(name: &str, kind: &str) -> String {
    let last = name.rsplit(['.', '_', '[']).next().unwrap_or(name);
    let value = match (last, kind) {
        ("day", _) => "5",
        ("month", _) => "1",
        ("year", _) => "2026",
        ("hour", _) => "9",
        ("minute", _) => "30",
        (_, "email") => "alex@example.org",
        (_, "tel") => "01632 960 001",
        (_, "number") => "10",
        (_, "textarea") => "Cefais alwad am wyliau.",
        _ if name.contains("email") => "alex@example.org",
        _ if name.contains("phone") || name.contains("number") => "01632 960 001",
        _ if name.contains("postcode") => "CF10 1AA",
        _ => "Acme Energy",
    };
    value.to_owned()
}

/// The fields a person would send in `form`, choosing option `choice` of each radio group.
fn filled(form: &Form, choice: usize) -> Vec<(String, String)> {
    let mut fields = form.hidden.clone();
    for (name, values) in &form.radios {
        fields.push((name.clone(), values[choice % values.len()].clone()));
    }
    fields.extend(form.checkboxes.iter().cloned());
    fields.extend(form.selects.iter().cloned());
    for (name, kind) in &form.texts {
        fields.push((name.clone(), typed(name, kind)));
    }
    fields
}

/// The form that moves a person on from `path`: not an upload, a removal or the language
/// switch; one not yet sent from this page first, then one with something to answer.
fn onward(page: &str, path: &str, sent: &BTreeSet<(String, String)>) -> Option<Form> {
    let usable: Vec<Form> = forms(page)
        .into_iter()
        .filter(|form| !form.multipart && !form.action.is_empty())
        .filter(|form| {
            [
                "remove", "forget", "language", "sign-out", "/save", "restart",
            ]
            .iter()
            .all(|word| !form.action.contains(word))
        })
        .collect();
    let fresh = |form: &&Form| !sent.contains(&(path.to_owned(), form.action.clone()));
    usable
        .iter()
        .filter(fresh)
        .find(|form| !form.radios.is_empty() || !form.texts.is_empty())
        .or_else(|| usable.iter().find(fresh))
        .or_else(|| usable.first())
        .cloned()
}

/// From `path`, answers each page's form (radio option `choice`) and follows where it leads,
/// until a page has no form, a form is refused twice, or `steps` pages.
async fn walk(
    audit: &mut Audit,
    portal: &TestPortal,
    client: &reqwest::Client,
    path: &str,
    choice: usize,
    steps: usize,
) -> Vec<String> {
    let mut path = path.to_owned();
    let mut visited = Vec::new();
    let mut sent = BTreeSet::new();
    for _ in 0..steps {
        let page = match visit(audit, portal, client, &path).await {
            Ok(page) => page,
            Err(next) if !next.is_empty() && !visited.contains(&next) => {
                visited.push(path.clone());
                path = next;
                continue;
            }
            Err(_) => break,
        };
        visited.push(path.clone());
        let Some(form) = onward(&page, &path, &sent) else {
            // A start button is a link.
            match button_links(&page)
                .into_iter()
                .find(|link| !visited.contains(link) && !link.contains("/language"))
            {
                Some(link) => {
                    path = link;
                    continue;
                }
                None => break,
            }
        };
        sent.insert((path.clone(), form.action.clone()));
        let fields = filled(&form, choice);
        let response = if form.post {
            let fields: Vec<(&str, &str)> = fields
                .iter()
                .map(|(n, v)| (n.as_str(), v.as_str()))
                .collect();
            post(portal, client, &form.action, &fields).await
        } else {
            client
                .get(format!("{}{}", portal.url, form.action))
                .query(&fields)
                .send()
                .await
                .unwrap()
        };
        let next = if (300..400).contains(&response.status().as_u16()) {
            location(&response)
        } else if !form.post {
            let page = response.text().await.unwrap();
            audit.check(&form.action, &page);
            break;
        } else {
            if std::env::var_os("WELSH_PAGES_DEBUG").is_some() {
                eprintln!(
                    "{path}: {} {:?} -> {}",
                    form.action,
                    fields,
                    response.status()
                );
            }
            break;
        };
        if visited.iter().filter(|p| **p == next).count() >= 3 {
            break;
        }
        path = next;
    }
    visited
}

/// Follows every link from the pages seen so far, each once, in a browser of its own.
async fn crawl(audit: &mut Audit, portal: &TestPortal, from: Vec<String>) {
    let client = welsh_browser(portal).await;
    let mut queue: VecDeque<String> = from.into();
    let mut done = BTreeSet::new();
    while let Some(path) = queue.pop_front() {
        let skip = [
            "/staff",
            "/language",
            "/api",
            "/pkg",
            "/assets",
            "/public",
            "/resume/",
        ]
        .iter()
        .any(|prefix| path.contains(prefix))
            || path
                .rsplit('/')
                .next()
                .is_some_and(|last| last.contains('.'));
        if skip || !done.insert(path.clone()) || done.len() > 250 {
            continue;
        }
        if let Ok(page) = visit(audit, portal, &client, &path).await {
            queue.extend(links(&page));
        }
    }
}

#[tokio::test]
async fn every_public_page_in_welsh_shows_no_english() {
    let portal = spawn_portal(date(2026, 3, 2)).await;
    let mut audit = Audit {
        english: english_only(),
        seen: BTreeSet::new(),
        leaks: BTreeSet::new(),
    };
    // The check can fail: the English home page is full of English.
    let english_home = get(&portal, &browser(), "/").await.text().await.unwrap();
    let mut probe = Audit {
        english: audit.english.clone(),
        seen: BTreeSet::new(),
        leaks: BTreeSet::new(),
    };
    probe.check("/", &english_home);
    assert!(probe.leaks.len() > 5, "{:?}", probe.leaks);
    assert!(probe.leaks.iter().any(|leak| leak.contains("<html lang=")));
    assert!(english_time("Sent at 12:00pm on 2 March 2026"));
    assert!(english_time("9:30am"));
    assert!(!english_time("Anfonwyd am 12:00yp ar 2 Mawrth 2026"));

    let mut found = vec![
        "/".to_owned(),
        "/privacy".to_owned(),
        "/cookies".to_owned(),
        "/accessibility".to_owned(),
        "/contact".to_owned(),
        "/about/data".to_owned(),
        "/report-breach/follow-up".to_owned(),
        "/report-breach/link-not-found".to_owned(),
    ];

    // The assistant and the nuisance tool, answered a different way each time.
    for choice in 0..8 {
        let client = welsh_browser(&portal).await;
        found.extend(walk(&mut audit, &portal, &client, "/concern/about", choice, 60).await);
        // The letter to send, where the verdict has one.
        let _ = visit(&mut audit, &portal, &client, "/concern/letter").await;
        let client = welsh_browser(&portal).await;
        found.extend(walk(&mut audit, &portal, &client, "/report-nuisance", choice, 40).await);
        let client = welsh_browser(&portal).await;
        found.extend(walk(&mut audit, &portal, &client, "/report-breach", choice, 12).await);
    }

    // A late concern (asked for on 5 July 2025, never answered) and one to report elsewhere.
    let late: &[&[(&str, &str)]] = &[
        &[("step", "about"), ("value", "subject_access")],
        &[("step", "organisation"), ("value", "Acme Energy")],
        &[("step", "organisation-country"), ("value", "uk")],
        &[("step", "raised"), ("value", "yes")],
        &[
            ("step", "raised-on"),
            ("day", "5"),
            ("month", "7"),
            ("year", "2025"),
        ],
        &[("step", "responded"), ("value", "no")],
        &[
            ("step", "last-contact"),
            ("day", ""),
            ("month", ""),
            ("year", ""),
        ],
        &[
            ("step", "documents"),
            ("values[0]", "subject_access_request"),
        ],
    ];
    let report_instead: &[&[(&str, &str)]] = &[
        &[("step", "about"), ("value", "marketing")],
        &[("step", "channel"), ("value", "sms")],
    ];
    for journey in [late, report_instead] {
        let client = welsh_browser(&portal).await;
        for fields in journey {
            post(&portal, &client, "/api/concern/answer", fields).await;
        }
        found.extend(walk(&mut audit, &portal, &client, "/concern/check", 0, 40).await);
    }

    // A ready concern handed in, with its evidence, to the confirmation and its print view.
    portal.get("/language/cy?back=%2F").await;
    ready_subject_access(&portal).await;
    let client = &portal.client;
    found.extend(walk(&mut audit, &portal, client, "/concern/result/ready", 0, 40).await);
    let uploaded =
        crate::submission::upload(&portal, "subject_access_request", "cais.pdf", PDF.to_vec())
            .await;
    assert_eq!(uploaded.status().as_u16(), 302);
    found.extend(walk(&mut audit, &portal, client, "/concern/evidence", 0, 40).await);
    for path in [
        "/concern/submit",
        "/concern/confirmation",
        "/concern/confirmation/print",
    ] {
        let _ = visit(&mut audit, &portal, client, path).await;
    }

    // The breach report: every part, the check page, sent, its print view, a follow-up.
    let client = welsh_browser(&portal).await;
    start(&portal, &client).await;
    let _ = visit(&mut audit, &portal, &client, "/report-breach/report").await;
    for (part, fields) in PARTS {
        let _ = visit(
            &mut audit,
            &portal,
            &client,
            &format!("/report-breach/report/{part}"),
        )
        .await;
        answer(&portal, &client, part, fields).await;
    }
    let refused = post(
        &portal,
        &client,
        "/report-breach/api/save",
        &[("email", "")],
    )
    .await;
    let _ = visit(&mut audit, &portal, &client, &location(&refused)).await;
    for path in ["/report-breach/report", "/report-breach/report/check"] {
        let _ = visit(&mut audit, &portal, &client, path).await;
    }
    post(&portal, &client, "/report-breach/api/send", &[]).await;
    for path in [
        "/report-breach/report/sent",
        "/report-breach/report/sent/print",
    ] {
        let _ = visit(&mut audit, &portal, &client, path).await;
    }
    let refused = post(&portal, &client, "/report-breach/api/follow-up", &[]).await;
    let _ = visit(&mut audit, &portal, &client, &location(&refused)).await;

    // The page for an address that does not exist.
    let response = get(&portal, &client, "/no-such-page").await;
    assert_eq!(response.status().as_u16(), 404);
    audit.check("/no-such-page", &response.text().await.unwrap());

    crawl(&mut audit, &portal, found).await;

    let seen = &audit.seen;
    let unreached: Vec<&str> = [
        "/",
        "/concern/about",
        "/concern/check",
        "/concern/result/ready",
        "/concern/result/not-yet",
        "/concern/result/late",
        "/concern/result/report-instead",
        "/concern/result/not-for-us",
        "/concern/late-reason",
        "/concern/letter",
        "/concern/acting-for",
        "/concern/your-name",
        "/concern/reply-in-welsh",
        "/concern/submit",
        "/concern/confirmation",
        "/report-nuisance",
        "/report-nuisance/check",
        "/report-nuisance/confirmation",
        "/report-breach",
        "/report-breach/assess",
        "/report-breach/report",
        "/report-breach/report/check",
        "/report-breach/report/timing",
        "/report-breach/report/sent",
        "/report-breach/follow-up",
        "/privacy",
        "/cookies",
        "/accessibility",
        "/contact",
        "/no-such-page",
    ]
    .into_iter()
    .filter(|path| !seen.contains(*path))
    .collect();
    assert!(
        audit.leaks.is_empty() && unreached.is_empty(),
        "English on Welsh pages ({} pages seen):\n{}\nnot reached: {unreached:?}\nseen: {seen:#?}",
        seen.len(),
        audit.leaks.iter().cloned().collect::<Vec<_>>().join("\n")
    );
}
