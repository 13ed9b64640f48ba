//! `/staff/queues/<queue>/<reference>`: a team manager allocates the case to a case officer, or
//! moves it to another team's work queue with a reason.

use crate::components::path_param;
use leptos::prelude::*;
use leptos_meta::Title;
use server_fn::ServerFn;

use super::{case_summary, clocks_summary};
use crate::components::fields::{Field, First, Textarea};
use crate::domain::casework::{queue_choices, queue_slug};
use crate::i18n::{fill, t};
use crate::pages::case::fields::{problem, reference_field, typed};
use crate::pages::case::{error_summary, has_errors};
use crate::pages::staff::{page_title, staff_page, StaffLayout};
use crate::server_fns::case::case_href;
use crate::server_fns::casework::{
    load_allocation, queue_href, AllocateCase, AllocationView, MoveCase, QUEUES_AREA,
};

#[component]
pub fn AllocationPage() -> impl IntoView {
    let (queue, reference) = (path_param("queue"), path_param("reference"));
    let path = format!("{QUEUES_AREA}/{queue}/{reference}");
    staff_page(load_allocation(queue, reference), path, page)
}

fn allocate_form(view: &AllocationView) -> AnyView {
    let flash = &view.flash;
    let record = &view.case.record;
    let stored = record.assigned_to.clone().unwrap_or_default();
    view! {
        <h2 class="govuk-heading-m" id="allocate">{t("casework.allocate.heading")}</h2>
        <form method="post" action=AllocateCase::url() data-testid="allocate-form">
            {reference_field(&record.reference)}
            <input type="hidden" name="queue" value=queue_slug(view.queue)/>
            {Field::new("officer", t("casework.allocate.officer"))
                .error(problem(flash, "officer"))
                .select(First::None(t("casework.allocate.none")), view.officers.clone(), &typed(flash, "officer", &stored))}
            <button type="submit" class="govuk-button" data-module="govuk-button">{t("casework.allocate.submit")}</button>
        </form>
    }
    .into_any()
}

fn move_form(view: &AllocationView) -> AnyView {
    let flash = &view.flash;
    let record = &view.case.record;
    let queues = queue_choices()
        .into_iter()
        .filter(|queue| *queue != record.work_queue)
        .map(|queue| (queue_slug(queue), queue.name()))
        .collect();
    view! {
        <h2 class="govuk-heading-m" id="move">{t("casework.move.heading")}</h2>
        <p class="govuk-body">{t("casework.move.lede")}</p>
        <form method="post" action=MoveCase::url() data-testid="move-form">
            {reference_field(&record.reference)}
            <input type="hidden" name="queue" value=queue_slug(view.queue)/>
            {Field::new("to", t("casework.move.to"))
                .error(problem(flash, "to"))
                .select(First::None(t("casework.move.none")), queues, &typed(flash, "to", ""))}
            {Field::new("move-reason", t("casework.move.reason"))
                .name("reason")
                .hint(Some(t("casework.move.reason_hint")))
                .error(problem(flash, "move-reason"))
                .textarea(Textarea::new(typed(flash, "move-reason", ""), 3))}
            <button type="submit" class="govuk-button govuk-button--secondary" data-module="govuk-button">{t("casework.move.submit")}</button>
        </form>
    }
    .into_any()
}

fn page(view: AllocationView) -> AnyView {
    let flash = &view.flash;
    let reference = view.case.record.reference.clone();
    let heading = fill(&t("casework.allocate.title"), &[("reference", &reference)]);
    let title = page_title(&heading, has_errors(flash));
    let elsewhere = (view.case.record.work_queue != view.queue).then(|| {
        let text = fill(
            &t("casework.allocate.elsewhere"),
            &[("queue", &view.case.record.work_queue.name())],
        );
        view! { <div class="govuk-inset-text">{text}</div> }
    });
    let content = view! {
        <a href=queue_href(view.queue) class="govuk-back-link">{fill(&t("casework.allocate.back"), &[("queue", &view.queue.name())])}</a>
        <div class="govuk-grid-row"><div class="govuk-grid-column-two-thirds">
            {error_summary(flash)}
            <span class="govuk-caption-l">{view.queue.name()}</span>
            <h1 class="govuk-heading-l">{heading}</h1>
            {elsewhere}
            {case_summary(&view.case)}
            <p class="govuk-body"><a class="govuk-link" href=case_href(&reference)>{t("casework.open_case")}</a></p>
            {clocks_summary(&view.clocks)}
            {allocate_form(&view)}
            {move_form(&view)}
        </div></div>
    }
    .into_any();
    view! {
        <Title text=title/>
        <StaffLayout name=Some(view.me.name.clone())>{content}</StaffLayout>
    }
    .into_any()
}
