//! The closed answers of the journey: yes / no / not sure, and the person's relationship with the
//! company.

code_enum! {
    /// A yes / no / not sure answer (scam, preference service).
    YesNoUnsure {
        Yes => "yes",
        No => "no",
        NotSure => "not_sure",
    }
}

code_enum! {
    /// Whether the person had let the company market to them (PECR: consent, or the "soft
    /// opt-in" for existing customers of email and text marketing).
    Relationship {
        /// No relationship and no consent.
        None => "none",
        /// An existing customer (or recent enquirer).
        Customer => "customer",
        /// They had consented to marketing.
        Consented => "consented",
        /// They had consented or been a customer but had told the company to stop.
        AskedToStop => "asked_to_stop",
        /// They do not know.
        NotSure => "not_sure",
    }
}

impl Relationship {
    /// Whether the person knows the company (a customer or someone they once said yes to): the
    /// advice is to unsubscribe or tell it to stop, rather than ignore it.
    pub fn knows_company(self) -> bool {
        matches!(
            self,
            Relationship::Customer | Relationship::Consented | Relationship::AskedToStop
        )
    }
}
