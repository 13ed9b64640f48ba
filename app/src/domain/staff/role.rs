//! What a member of staff does. A person can hold several roles.

code_enum! {
    /// A staff role, stored and posted as its code (`"case_officer"`, …).
    Role {
        /// Answers general questions from the public and organisations.
        AdviceService => "advice_service",
        /// Works concerns and complaints as cases.
        CaseOfficer => "case_officer",
        /// Leads a team of case officers; allocates and reviews work.
        TeamManager => "team_manager",
        /// Investigates and takes formal regulatory action.
        Enforcement => "enforcement",
        /// Answers the public helpline.
        Helpline => "helpline",
        /// Manages staff accounts.
        Admin => "admin",
    }
}

impl Role {
    /// The i18n key of this role's name (`staff.role.case_officer`, …).
    pub fn label_key(self) -> String {
        format!("staff.role.{}", self.code())
    }
}
