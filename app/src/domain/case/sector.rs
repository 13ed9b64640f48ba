//! The sectors of policy.md §3: where an organisation sits decides its sector work queue.

code_enum! {
    lenient
    /// An organisation's sector, serialized as its policy code (`"london_borough"`, ...).
    ///
    /// The sector comes from the organisation directory or, failing that, the person's answer.
    Sector {
        /// Telecoms providers.
        Telecoms => "telecoms",
        /// Direct marketing.
        DirectMarketing => "direct_marketing",
        /// Lenders.
        Lenders => "lenders",
        /// Credit reference agencies.
        CreditReferenceAgencies => "credit_reference_agencies",
        /// General business.
        GeneralBusiness => "general_business",
        /// The motor industry (routed with general business).
        MotorIndustry => "motor_industry",
        /// Central government.
        CentralGovernment => "central_government",
        /// Finance, excluding lenders.
        Finance => "finance",
        /// Police.
        Police => "police",
        /// Criminal justice.
        CriminalJustice => "criminal_justice",
        /// The Ministry of Justice.
        MinistryOfJustice => "ministry_of_justice",
        /// The Home Office.
        HomeOffice => "home_office",
        /// London boroughs (local government, but routed with education and charities).
        LondonBorough => "london_borough",
        /// Education.
        Education => "education",
        /// Leisure.
        Leisure => "leisure",
        /// Environment.
        Environment => "environment",
        /// Charities.
        Charity => "charity",
        /// Regulators.
        Regulator => "regulator",
        /// The BBC.
        Bbc => "bbc",
        /// Transport.
        Transport => "transport",
        /// Health.
        Health => "health",
        /// Local government other than London boroughs.
        LocalGovernment => "local_government",
    }
}

impl Sector {
    /// The RFA (data protection) sector work queue, 6 to 13 (policy.md §3).
    pub fn rfa_queue(self) -> u8 {
        match self {
            Sector::Telecoms | Sector::DirectMarketing => 6,
            Sector::Lenders | Sector::CreditReferenceAgencies => 7,
            Sector::GeneralBusiness | Sector::MotorIndustry => 8,
            Sector::CentralGovernment | Sector::Finance => 9,
            Sector::Police
            | Sector::CriminalJustice
            | Sector::MinistryOfJustice
            | Sector::HomeOffice => 10,
            Sector::LondonBorough
            | Sector::Education
            | Sector::Leisure
            | Sector::Environment
            | Sector::Charity => 11,
            Sector::Regulator | Sector::Bbc | Sector::Transport | Sector::Health => 12,
            Sector::LocalGovernment => 13,
        }
    }

    /// The FS50/FER (freedom of information) sector work queue, 14 to 18, or `None` for a
    /// sector with no FS50 queue (businesses: probably not a public authority).
    pub fn fs50_queue(self) -> Option<u8> {
        match self {
            Sector::CentralGovernment => Some(14),
            Sector::Police
            | Sector::CriminalJustice
            | Sector::MinistryOfJustice
            | Sector::HomeOffice => Some(15),
            Sector::LondonBorough
            | Sector::Education
            | Sector::Leisure
            | Sector::Environment
            | Sector::Charity => Some(16),
            Sector::Regulator | Sector::Bbc | Sector::Transport | Sector::Health => Some(17),
            Sector::LocalGovernment => Some(18),
            Sector::Telecoms
            | Sector::DirectMarketing
            | Sector::Lenders
            | Sector::CreditReferenceAgencies
            | Sector::GeneralBusiness
            | Sector::MotorIndustry
            | Sector::Finance => None,
        }
    }
}
