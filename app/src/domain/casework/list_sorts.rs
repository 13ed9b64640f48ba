//! How the staff home's other lists — open work items, callbacks due, cases with new
//! correspondence — are sorted and paged, each by its own part of the address
//! (`items_sort=due&items_dir=desc&items_page=2`, `callbacks_…`, `mail_…`), so a link on one list
//! keeps the others as they are. The store sorts and pages them (25 to a page); this says which
//! column and which way.

use serde::{Deserialize, Serialize};

code_enum! {
    /// The columns the open work items sort by; words in `staff.work.col.<code>`.
    ItemSort {
        /// Due soonest first (the default); a work item's service level follows its due day.
        Due => "due",
        Reference => "reference",
        Item => "item",
        Officer => "officer",
    }
}

code_enum! {
    /// The columns the callbacks due sort by; words in `staff.work.col.<code>`.
    CallbackSort {
        /// Due soonest first (the default); the service level follows the due day.
        Due => "due",
        Reference => "reference",
        Caller => "caller",
        /// Who is to return the call.
        Calls => "calls",
        Attempts => "attempts",
    }
}

code_enum! {
    /// The columns the cases with new correspondence sort by; words in `staff.work.col.<code>`.
    MailSort {
        /// Newest first (the default).
        Latest => "latest",
        Reference => "reference",
        Officer => "officer",
        /// Most new emails first.
        Emails => "emails",
    }
}

/// A sortable column of one of the lists.
pub trait ListColumn: Copy + PartialEq + Sized + 'static {
    /// The column a list is sorted by when the address names none.
    const DEFAULT: Self;
    /// The list's part of the address (`items`, `callbacks`, `mail`) and its heading's anchor.
    const LIST: &'static str;
    /// The column's code in the address.
    fn column_code(&self) -> &'static str;
    /// The column with this code.
    fn from_column_code(code: &str) -> Option<Self>;
    /// Whether the column first sorts newest or most first (a date received, a count).
    fn starts_descending(&self) -> bool {
        false
    }
}

impl ListColumn for ItemSort {
    const DEFAULT: ItemSort = ItemSort::Due;
    const LIST: &'static str = "items";
    fn column_code(&self) -> &'static str {
        self.code()
    }
    fn from_column_code(code: &str) -> Option<ItemSort> {
        ItemSort::from_code(code)
    }
}

impl ListColumn for CallbackSort {
    const DEFAULT: CallbackSort = CallbackSort::Due;
    const LIST: &'static str = "callbacks";
    fn column_code(&self) -> &'static str {
        self.code()
    }
    fn from_column_code(code: &str) -> Option<CallbackSort> {
        CallbackSort::from_code(code)
    }
}

impl ListColumn for MailSort {
    const DEFAULT: MailSort = MailSort::Latest;
    const LIST: &'static str = "mail";
    fn column_code(&self) -> &'static str {
        self.code()
    }
    fn from_column_code(code: &str) -> Option<MailSort> {
        MailSort::from_code(code)
    }
    fn starts_descending(&self) -> bool {
        matches!(self, MailSort::Latest | MailSort::Emails)
    }
}

/// One list's column, direction and page (from 1), as its part of the address asks.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
pub struct ListOrder<S> {
    pub sort: S,
    pub descending: bool,
    pub page: u32,
}

impl<S: ListColumn> Default for ListOrder<S> {
    fn default() -> ListOrder<S> {
        ListOrder {
            sort: S::DEFAULT,
            descending: S::DEFAULT.starts_descending(),
            page: 1,
        }
    }
}

impl<S: ListColumn> ListOrder<S> {
    /// The order the address asks for (`dir`: `asc` or `desc`, else the column's own way);
    /// anything unknown is the default.
    pub fn requested(sort: Option<&str>, dir: Option<&str>, page: Option<&str>) -> ListOrder<S> {
        let sort = sort
            .map(str::trim)
            .and_then(S::from_column_code)
            .unwrap_or(S::DEFAULT);
        let descending = match dir.map(str::trim) {
            Some("desc") => true,
            Some("asc") => false,
            _ => sort.starts_descending(),
        };
        ListOrder {
            sort,
            descending,
            page: page
                .and_then(|page| page.trim().parse::<u32>().ok())
                .filter(|page| *page >= 1)
                .unwrap_or(1),
        }
    }

    /// Sorted by `sort`: the other way when it already is, else the column's own way; page 1.
    pub fn sorted_by(&self, sort: S) -> ListOrder<S> {
        let descending = if self.sort == sort {
            !self.descending
        } else {
            sort.starts_descending()
        };
        ListOrder {
            sort,
            descending,
            page: 1,
        }
    }

    /// The same order on `page`.
    pub fn on_page(&self, page: u32) -> ListOrder<S> {
        ListOrder {
            page: page.max(1),
            ..*self
        }
    }

    /// From the first page, sorted the same way.
    pub fn first_page(&self) -> ListOrder<S> {
        self.on_page(1)
    }

    /// This list's part of an address, the defaults left out.
    pub fn push_query(&self, query: &mut Vec<String>) {
        let list = S::LIST;
        if self.sort != S::DEFAULT {
            query.push(format!("{list}_sort={}", self.sort.column_code()));
        }
        if self.descending != self.sort.starts_descending() {
            let dir = if self.descending { "desc" } else { "asc" };
            query.push(format!("{list}_dir={dir}"));
        }
        if self.page > 1 {
            query.push(format!("{list}_page={}", self.page));
        }
    }

    /// How many rows the store skips for this page (25 to a page).
    pub fn offset(&self) -> usize {
        (self.page.max(1) as usize - 1) * super::WORK_PAGE_SIZE
    }
}

/// The three lists' orders.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct ListOrders {
    pub items: ListOrder<ItemSort>,
    pub callbacks: ListOrder<CallbackSort>,
    pub mail: ListOrder<MailSort>,
}

/// The address's parameters for the three lists, as given.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct ListParams {
    pub items_sort: Option<String>,
    pub items_dir: Option<String>,
    pub items_page: Option<String>,
    pub callbacks_sort: Option<String>,
    pub callbacks_dir: Option<String>,
    pub callbacks_page: Option<String>,
    pub mail_sort: Option<String>,
    pub mail_dir: Option<String>,
    pub mail_page: Option<String>,
}

impl ListOrders {
    /// The orders the address asks for.
    pub fn requested(params: &ListParams) -> ListOrders {
        ListOrders {
            items: ListOrder::requested(
                params.items_sort.as_deref(),
                params.items_dir.as_deref(),
                params.items_page.as_deref(),
            ),
            callbacks: ListOrder::requested(
                params.callbacks_sort.as_deref(),
                params.callbacks_dir.as_deref(),
                params.callbacks_page.as_deref(),
            ),
            mail: ListOrder::requested(
                params.mail_sort.as_deref(),
                params.mail_dir.as_deref(),
                params.mail_page.as_deref(),
            ),
        }
    }

    /// Every list back on its first page, each sorted the same way.
    pub fn first_pages(&self) -> ListOrders {
        ListOrders {
            items: self.items.first_page(),
            callbacks: self.callbacks.first_page(),
            mail: self.mail.first_page(),
        }
    }

    /// The three lists' parts of an address.
    pub fn push_query(&self, query: &mut Vec<String>) {
        self.items.push_query(query);
        self.callbacks.push_query(query);
        self.mail.push_query(query);
    }
}

/// One page of a list as the store reads it: the rows, how many the list has in all, and the
/// page they are (past the last page, the last).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct ListPage<T> {
    pub rows: Vec<T>,
    pub total: usize,
    pub page: u32,
}

impl<T> Default for ListPage<T> {
    fn default() -> ListPage<T> {
        ListPage {
            rows: Vec::new(),
            total: 0,
            page: 1,
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn query(orders: &ListOrders) -> String {
        let mut parts = Vec::new();
        orders.push_query(&mut parts);
        parts.join("&")
    }

    #[test]
    fn each_list_reads_its_own_part_of_the_address_and_leaves_out_defaults() {
        let orders = ListOrders::requested(&ListParams {
            items_sort: Some("reference".into()),
            items_dir: Some("desc".into()),
            items_page: Some("2".into()),
            callbacks_sort: Some("attempts".into()),
            mail_sort: Some("latest".into()),
            mail_dir: Some("asc".into()),
            ..ListParams::default()
        });
        assert_eq!(orders.items.sort, ItemSort::Reference);
        assert!(orders.items.descending);
        assert_eq!(orders.items.offset(), 25);
        assert_eq!(
            query(&orders),
            "items_sort=reference&items_dir=desc&items_page=2&callbacks_sort=attempts&mail_dir=asc"
        );
        assert_eq!(query(&ListOrders::default()), "");
        let lenient = ListOrders::requested(&ListParams {
            items_sort: Some("nonsense".into()),
            items_page: Some("-1".into()),
            mail_dir: Some("sideways".into()),
            ..ListParams::default()
        });
        assert_eq!(lenient, ListOrders::default());
        // Newest first unless asked.
        assert!(ListOrders::default().mail.descending);
    }

    #[test]
    fn a_column_sorts_its_own_way_first_then_the_other_way_from_page_one() {
        let order = ListOrder::<CallbackSort>::default().on_page(3);
        let caller = order.sorted_by(CallbackSort::Caller);
        assert_eq!(
            (caller.sort, caller.descending, caller.page),
            (CallbackSort::Caller, false, 1)
        );
        let back = caller.on_page(2).sorted_by(CallbackSort::Caller);
        assert_eq!((back.descending, back.page), (true, 1));
        let mail = ListOrder::<MailSort>::default().sorted_by(MailSort::Reference);
        assert!(!mail.descending);
        let emails = mail.sorted_by(MailSort::Emails);
        assert!(emails.descending, "most emails first");
        assert!(
            !ListOrder::<MailSort>::default()
                .sorted_by(MailSort::Latest)
                .descending
        );
        assert_eq!(ListOrders::default().first_pages(), ListOrders::default());
    }
}
