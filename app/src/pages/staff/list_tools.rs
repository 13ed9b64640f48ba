//! The sorting headers and pages of the staff home's other lists (open work items, callbacks
//! due, new correspondence): plain links that keep the cases' and the other lists' sorts and
//! pages, and come back to the list's own heading.

use leptos::prelude::*;

use crate::domain::casework::list_sorts::{ListColumn, ListOrder, ListOrders};
use crate::domain::casework::{with_thousands, work_pages, WorkListing, WORK_PAGE_SIZE};
use crate::i18n::{fill, t};

/// One list's place on the staff home: the address it is part of, its own order, how to put a
/// new order of it into the address, its heading's id and its words' keys
/// (`staff.work.<key>.…`).
pub struct ListTools<'a, S: ListColumn> {
    pub listing: &'a WorkListing,
    pub order: ListOrder<S>,
    pub set: fn(ListOrders, ListOrder<S>) -> ListOrders,
    pub anchor: &'static str,
    pub key: &'static str,
}

impl<S: ListColumn> ListTools<'_, S> {
    /// The address with this list in `order`, back at its heading.
    fn href(&self, order: ListOrder<S>) -> String {
        let lists = (self.set)(self.listing.lists, order);
        format!("{}#{}", self.listing.with_lists(lists).href(), self.anchor)
    }

    /// A column header that sorts the list by `column` (the other way when it already is),
    /// `aria-sort` on the sorted column.
    pub fn header(&self, column: S, numeric: bool) -> AnyView {
        let sorted = (self.order.sort == column).then_some(if self.order.descending {
            "descending"
        } else {
            "ascending"
        });
        let class = if numeric {
            "govuk-table__header govuk-table__header--numeric"
        } else {
            "govuk-table__header"
        };
        let code = column.column_code();
        view! {
            <th scope="col" class=class aria-sort=sorted>
                <a class="govuk-link" href=self.href(self.order.sorted_by(column)) data-sort=code>
                    {t(&format!("staff.work.col.{code}"))}
                </a>
            </th>
        }
        .into_any()
    }

    /// The table's caption (for screen readers): the list and its sort.
    pub fn caption(&self) -> String {
        fill(
            &t("staff.work.lists.caption"),
            &[
                ("heading", &t(&format!("staff.work.{}.heading", self.key))),
                (
                    "column",
                    &t(&format!("staff.work.col.{}", self.order.sort.column_code())),
                ),
            ],
        )
    }

    /// "Showing 26 to 50 of 60 …" and the previous and next pages, as plain links; nothing when
    /// the list fits one page.
    pub fn paging(&self, shown: usize, total: usize) -> AnyView {
        let pages = work_pages(total);
        if pages <= 1 || shown == 0 {
            return ().into_any();
        }
        let page = self.order.page;
        let first = (page as usize - 1) * WORK_PAGE_SIZE + 1;
        let showing = fill(
            &t(&format!("staff.work.{}.showing", self.key)),
            &[
                ("first", &with_thousands(first as u64)),
                ("last", &with_thousands((first + shown - 1) as u64)),
                ("total", &with_thousands(total as u64)),
            ],
        );
        let link = |to: u32, word: &str, rel: &str| {
            view! {
                <li class="govuk-pagination__item">
                    <a class="govuk-link govuk-pagination__link" href=self.href(self.order.on_page(to)) rel=rel.to_owned() data-page=word.to_owned()>
                        {t(&format!("casework.paging.{word}"))}
                    </a>
                </li>
            }
        };
        let previous = (page > 1).then(|| link(page - 1, "previous", "prev"));
        let next = (page < pages).then(|| link(page + 1, "next", "next"));
        view! {
            <p class="govuk-body" data-testid=format!("{}-showing", self.key)>{showing}</p>
            <nav class="govuk-pagination" aria-label=t(&format!("staff.work.{}.paging", self.key))>
                <ul class="govuk-pagination__list app-pagination__list">{previous}{next}</ul>
            </nav>
        }
        .into_any()
    }
}
