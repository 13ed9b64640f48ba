//! The case page to scan: the timeline shows its newest 20 events (of the filter's kind, when
//! filtered) with a plain link to all of them and back; the rarely used forms (a note, another
//! case type) wait behind "details", open when their answer was refused.

use app::domain::staff::Role;

use super::{allocated_case, page, portal, posted, staff};

/// The timeline's part of `html`: from its heading to the end of its table.
fn timeline(html: &str) -> &str {
    let start = html.find("id=\"timeline\"").expect("the timeline");
    let rest = &html[start..];
    &rest[..rest.find("</table>").unwrap_or(rest.len())]
}

/// The `<details …>` tag that opens before `text` in `html`.
fn details_before<'a>(html: &'a str, text: &str) -> &'a str {
    let at = html
        .find(text)
        .unwrap_or_else(|| panic!("{text} missing: {html}"));
    let start = html[..at].rfind("<details").expect("a details element");
    &html[start..start + html[start..].find('>').unwrap_or(0)]
}

#[tokio::test]
async fn the_timeline_shows_the_newest_twenty_events_and_all_on_request() {
    let (portal, _) = portal().await;
    let (officer, officer_id) =
        staff(&portal, "officer@example.gov.uk", &[Role::CaseOfficer]).await;
    let reference = allocated_case(&portal, &officer_id, "They sold my data.").await;
    let path = format!("/staff/cases/{reference}");
    let (_, html) = page(&portal, &officer, &path).await;
    let before = timeline(&html).matches("data-testid=\"event\"").count();
    assert!((1..20).contains(&before), "{before}");
    assert!(!html.contains("data-testid=\"timeline-more\""), "{html}");
    for n in 0..24 {
        posted(
            &portal,
            &officer,
            "/staff/api/cases/note",
            &[
                ("reference", &reference),
                ("note", &format!("Note number {n:02}.")),
            ],
        )
        .await;
    }
    let total = before + 24;

    // The newest 20, oldest first as ever; the older ones a plain link away.
    let (status, html) = page(&portal, &officer, &path).await;
    assert_eq!(status, 200, "{html}");
    let events = timeline(&html);
    assert_eq!(
        events.matches("data-testid=\"event\"").count(),
        20,
        "{events}"
    );
    assert!(events.contains("Note number 23."), "{events}");
    assert!(events.contains("Note number 04."), "{events}");
    assert!(!events.contains("Note number 03."), "{events}");
    let at = |text: &str| events.find(text).unwrap();
    assert!(
        at("Note number 04.") < at("Note number 23."),
        "oldest first"
    );
    assert!(
        events.contains(&format!("Showing the newest 20 of {total} events.")),
        "{events}"
    );
    let all = format!("href=\"{path}?events=all#timeline\"");
    assert!(events.contains(&all), "{events}");
    assert!(
        events.contains(&format!("Show all {total} events")),
        "{events}"
    );
    // Every note is still in the notes section.
    assert!(html.contains("Note number 00."), "{html}");

    let (_, html) = page(&portal, &officer, &format!("{path}?events=all")).await;
    let events = timeline(&html);
    assert_eq!(events.matches("data-testid=\"event\"").count(), total);
    assert!(events.contains("Note number 00."), "{events}");
    assert!(
        events.contains(&format!("href=\"{path}#timeline\"")),
        "back to the newest: {events}"
    );
    assert!(
        events.contains("Show only the newest 20 events"),
        "{events}"
    );

    // Filtered to notes: the newest 20 of 24, the link to all keeping the filter.
    let (_, html) = page(&portal, &officer, &format!("{path}?timeline=note")).await;
    let events = timeline(&html);
    assert_eq!(
        events
            .matches("data-testid=\"event\" data-kind=\"note\"")
            .count(),
        20,
        "{events}"
    );
    assert!(
        events.contains("Showing the newest 20 of 24 events."),
        "{events}"
    );
    assert!(
        events.contains(&format!(
            "href=\"{path}?timeline=note&amp;events=all#timeline\""
        )),
        "{events}"
    );
    let (_, html) = page(
        &portal,
        &officer,
        &format!("{path}?timeline=note&events=all"),
    )
    .await;
    let events = timeline(&html);
    assert_eq!(
        events.matches("data-testid=\"event\"").count(),
        24,
        "{events}"
    );
}

#[tokio::test]
async fn rarely_used_forms_wait_behind_details_open_when_refused() {
    let (portal, _) = portal().await;
    let (officer, officer_id) =
        staff(&portal, "officer@example.gov.uk", &[Role::CaseOfficer]).await;
    let reference = allocated_case(&portal, &officer_id, "They sold my data.").await;
    let path = format!("/staff/cases/{reference}");
    let (_, html) = page(&portal, &officer, &path).await;
    // The note's form and another type's, each behind its details, closed.
    assert!(
        !details_before(&html, "Write a note").contains("open"),
        "{html}"
    );
    assert!(html.contains("Add a note"), "the field's label: {html}");
    assert!(
        !details_before(&html, "Change to another case type").contains("open"),
        "{html}"
    );
    assert!(html.contains("Change the case type to"), "{html}");
    // The expected change stays one button, outside them.
    let expected = html.find("Change RFA to SEC").expect("the expected change");
    let other = html.find("Change to another case type").unwrap();
    assert!(expected < other, "{html}");
    let head = &html[..expected];
    assert_eq!(
        head.matches("<details").count(),
        head.matches("</details>").count(),
        "not inside details: {html}"
    );
    // The summary beside the contents list, the summary's rows in columns.
    assert!(html.contains("class=\"app-case-top\""), "{html}");
    assert!(html.contains("app-summary-list--columns"), "{html}");

    // A refused note: its form open, with the problem.
    let refused = posted(
        &portal,
        &officer,
        "/staff/api/cases/note",
        &[("reference", &reference), ("note", "  ")],
    )
    .await;
    assert_eq!(refused, path);
    let (_, html) = page(&portal, &officer, &path).await;
    assert!(html.contains("Enter the note"), "{html}");
    assert!(
        details_before(&html, "Write a note").contains("open"),
        "{html}"
    );
}
