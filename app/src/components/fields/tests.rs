//! The kit's HTML as the server renders it: the ids, names, classes and `aria-describedby` the
//! pages, the error summary's links and the browser tests rely on.

use leptos::prelude::*;

use super::*;

fn html(view: AnyView) -> String {
    Owner::new().with(|| view.to_html())
}

/// Checks that the page has an `element` start tag holding `needle` (e.g. `id="x"`) with each of
/// `attributes` (`name="value"`, or a bare name) and none of `absent`.
fn check(page: &str, element: &str, needle: &str, attributes: &[&str], absent: &[&str]) {
    let tag = page
        .match_indices(&format!("<{element} "))
        .map(|(start, _)| &page[start..start + page[start..].find('>').unwrap_or(0) + 1])
        .find(|tag| tag.contains(needle))
        .unwrap_or_else(|| panic!("no <{element}> with {needle} in {page}"));
    for attribute in attributes {
        let found = if attribute.contains('=') {
            tag.contains(&format!(" {attribute}"))
        } else {
            tag.split([' ', '>']).any(|part| part == *attribute)
        };
        assert!(found, "{attribute} in {tag}");
    }
    for attribute in absent {
        assert!(!tag.contains(attribute), "no {attribute} in {tag}");
    }
}

fn options(values: &[&str]) -> Vec<(String, String)> {
    let label = |value: &str| value.to_uppercase();
    values.iter().map(|v| ((*v).to_owned(), label(v))).collect()
}

#[test]
fn a_text_input_names_its_hint_then_its_error_and_marks_the_error() {
    let page = html(
        Field::new("party-email", "Email")
            .name("email")
            .hint(Some("Optional".to_owned()))
            .error(Some("Enter an email address".to_owned()))
            .input(
                Input::new("a&b".to_owned())
                    .kind("email")
                    .width("govuk-input--width-20")
                    .autocomplete("email"),
            ),
    );
    let group = r#"class="govuk-form-group govuk-form-group--error""#;
    check(&page, "div", "govuk-form-group", &[group], &[]);
    let label = r#"class="govuk-label govuk-label--s""#;
    check(&page, "label", r#"for="party-email""#, &[label], &[]);
    check(&page, "div", r#"id="party-email-hint""#, &[], &[]);
    check(&page, "p", r#"id="party-email-error""#, &[], &[]);
    let input = [
        r#"class="govuk-input govuk-input--width-20 govuk-input--error""#,
        r#"name="email""#,
        r#"type="email""#,
        r#"value="a&amp;b""#,
        r#"aria-describedby="party-email-hint party-email-error""#,
        r#"autocomplete="email""#,
        r#"spellcheck="false""#,
    ];
    check(
        &page,
        "input",
        r#"id="party-email""#,
        &input,
        &["inputmode"],
    );
}

#[test]
fn the_page_heading_is_the_label_or_the_legend() {
    let page = Field::new("email", "Your email").size(Size::Page);
    let input = html(page.input(Input::new(String::new())));
    assert!(input.contains(r#"<h1 class="govuk-label-wrapper"><label "#));
    check(
        &input,
        "label",
        "for=",
        &[r#"class="govuk-label govuk-label--l""#],
        &[],
    );
    let plain = [r#"class="govuk-input""#, r#"autocomplete="off""#];
    check(
        &input,
        "input",
        r#"id="email""#,
        &plain,
        &["aria-describedby"],
    );
    for (size, legend) in [
        (
            Size::Page,
            r#"--l"><h1 class="govuk-fieldset__heading">Q</h1></legend>"#,
        ),
        (
            Size::Medium,
            r#"--m"><h2 class="govuk-fieldset__heading">Q</h2></legend>"#,
        ),
        (Size::Small, r#"--s">Q</legend>"#),
    ] {
        let radios = Choices::radios(options(&["a"]), None);
        let page = html(Field::new("q", "Q").size(size).choices(radios));
        assert!(page.contains(legend), "{page}");
    }
}

#[test]
fn the_first_choice_carries_the_id_and_the_others_are_numbered() {
    let ticks = Choices::checkboxes(options(&["a", "b", "c"]), vec!["b".to_owned()]);
    let page = html(
        Field::new("docs", "Docs")
            .name("values")
            .choices(ticks.indexed()),
    );
    check(&page, "div", r#"class="govuk-checkboxes""#, &[], &[]);
    let first = [r#"name="values[0]""#, r#"type="checkbox""#, r#"value="a""#];
    check(&page, "input", r#"id="docs""#, &first, &["checked"]);
    let second = [r#"name="values[1]""#, r#"value="b""#, "checked"];
    check(&page, "input", r#"id="docs-2""#, &second, &[]);
    let label = r#"class="govuk-label govuk-checkboxes__label""#;
    check(&page, "label", r#"for="docs-3""#, &[label], &[]);

    let radios = Choices::radios(options(&["x", "y"]), Some("y".to_owned())).small();
    let page = html(
        Field::new("case-type", "Type")
            .name("case_type")
            .error(Some("Choose".to_owned()))
            .choices(radios),
    );
    let described = r#"aria-describedby="case-type-error""#;
    check(&page, "fieldset", "govuk-fieldset", &[described], &[]);
    check(
        &page,
        "div",
        r#""govuk-radios govuk-radios--small""#,
        &[],
        &[],
    );
    let first = [r#"name="case_type""#, r#"type="radio""#, r#"value="x""#];
    check(&page, "input", r#"id="case-type""#, &first, &["checked"]);
    let second = [r#"name="case_type""#, r#"value="y""#, "checked"];
    check(&page, "input", r#"id="case-type-2""#, &second, &[]);
}

#[test]
fn a_select_starts_with_choose_or_with_its_none_option() {
    let choose = html(Field::new("sector", "Sector").select(First::Choose, options(&["a"]), ""));
    assert!(!choose.contains("selected"), "{choose}");
    let none = || First::None("No manager".to_owned());
    let page = html(Field::new("manager", "M").select(none(), options(&["a"]), ""));
    check(&page, "option", r#"value="""#, &["selected"], &[]);
    let page = html(Field::new("manager", "M").select(none(), options(&["a", "b"]), "b"));
    check(&page, "option", r#"value="""#, &[], &["selected"]);
    check(&page, "option", r#"value="b""#, &["selected"], &[]);
    let select = [r#"class="govuk-select""#, r#"name="manager""#];
    check(
        &page,
        "select",
        r#"id="manager""#,
        &select,
        &["aria-describedby"],
    );
}

#[test]
fn date_boxes_take_the_ids_and_names_each_form_posts() {
    let (day, year) = ("1".to_owned(), "2026".to_owned());
    let page = html(
        Field::new("raised-on", "When")
            .error(Some("Enter a date".to_owned()))
            .date(day_month_year("raised-on", day, String::new(), year)),
    );
    let group = [r#"role="group""#, r#"aria-describedby="raised-on-error""#];
    check(&page, "fieldset", "govuk-fieldset", &group, &[]);
    let day = [
        r#"class="govuk-input govuk-date-input__input govuk-input--width-2 govuk-input--error""#,
        r#"name="day""#,
        r#"type="text""#,
        r#"inputmode="numeric""#,
        r#"value="1""#,
    ];
    check(&page, "input", r#"id="raised-on-day""#, &day, &[]);
    let year = [
        r#"class="govuk-input govuk-date-input__input govuk-input--width-4 govuk-input--error""#,
        r#"name="year""#,
    ];
    check(&page, "input", r#"id="raised-on-year""#, &year, &[]);

    let hour = DatePart::dotted("aware", "hour", "Hour".to_owned(), "9".to_owned());
    let page = html(Field::new("aware", "Aware").date(vec![hour]));
    check(&page, "label", r#"for="aware.hour""#, &[], &[]);
    let hour = [
        r#"class="govuk-input govuk-date-input__input govuk-input--width-2""#,
        r#"name="aware.hour""#,
        r#"value="9""#,
    ];
    check(&page, "input", r#"id="aware.hour""#, &hour, &[]);
}

#[test]
fn typed_text_cannot_close_a_textarea() {
    let typed = "</textarea><b>x</b> & y".to_owned();
    let page = html(Field::new("note", "Note").textarea(Textarea::new(typed, 3)));
    let area = [r#"class="govuk-textarea""#, r#"name="note""#, r#"rows="3""#];
    let not = ["spellcheck", "autocomplete", "aria-describedby"];
    check(&page, "textarea", r#"id="note""#, &area, &not);
    let escaped = ">&lt;/textarea&gt;&lt;b&gt;x&lt;/b&gt; &amp; y</textarea>";
    assert!(page.contains(escaped), "{page}");
}

#[test]
fn a_single_checkbox_posts_yes() {
    let page = html(single_checkbox(
        "ongoing",
        "Still going on".to_owned(),
        true,
    ));
    let block = r#""govuk-checkboxes govuk-checkboxes--small""#;
    check(&page, "div", block, &[], &[]);
    let tick = [
        r#"name="ongoing""#,
        r#"type="checkbox""#,
        r#"value="yes""#,
        "checked",
    ];
    check(&page, "input", r#"id="ongoing""#, &tick, &[]);
    assert!(!page.contains("fieldset"), "{page}");
}
