//! How the unwanted marketing arrived, what it was about, and which questions each channel asks.

code_enum! {
    /// How the unwanted marketing reached the person (manual §9: the five kinds of PECR concern).
    Channel {
        /// A text message (SMS or MMS).
        Text => "text",
        /// A call with a person on the line (or a silent or abandoned call, which is signposted).
        LiveCall => "live_call",
        /// A call playing a recorded message.
        AutomatedCall => "automated_call",
        /// An email.
        Email => "email",
        /// A fax.
        Fax => "fax",
    }
}

code_enum! {
    /// What the marketing was about: the subjects the regulator's enforcement work groups
    /// nuisance marketing by. A report may tick several.
    Category {
        /// Accident or injury claims ("you may be owed compensation for your accident").
        AccidentClaims => "accident_claims",
        /// PPI, mis-sold finance, car finance or other financial claims.
        FinancialClaims => "financial_claims",
        /// Debt management, IVAs, debt write-off.
        DebtManagement => "debt_management",
        /// Energy, boilers, solar panels, insulation, green deals.
        Energy => "energy",
        /// Home improvements: windows, doors, roofing, driveways, lofts.
        HomeImprovements => "home_improvements",
        /// Insurance: appliance cover, life, funeral plans.
        Insurance => "insurance",
        /// Loans, credit cards, payday lending.
        LoansCredit => "loans_credit",
        /// Lottery, prize draws, competitions.
        LotteryPrizes => "lottery_prizes",
        /// Health, beauty, mobility aids, supplements.
        HealthBeauty => "health_beauty",
        /// Phone, broadband and TV contracts, handset upgrades.
        Telecoms => "telecoms",
        /// Charities asking for donations.
        Charity => "charity",
        /// Political parties and campaigns.
        Political => "political",
        /// Investments, pensions, cryptocurrency.
        Investments => "investments",
        /// Gambling and betting.
        Gambling => "gambling",
        /// Something else (described in free text).
        Other => "other",
    }
}

code_enum! {
    /// One page of the reporting journey (one question per page), in the order the pages come.
    Question {
        /// Live calls only: was the call silent, or did it hang up when answered? Asked first,
        /// because a silent call is signposted to Ofcom and not recorded.
        SilentOrAbandoned => "silent_or_abandoned",
        /// When it happened: a GOV.UK date input and an optional time (hour, minute).
        When => "when",
        /// Who contacted you: the number, the SMS sender (number, short code or sender name) or
        /// the email address, or "withheld / I do not know".
        Sender => "sender",
        /// The number or email address you were contacted on.
        ContactedOn => "contacted_on",
        /// Texts only: the message itself, as received.
        MessageText => "message_text",
        /// Automated calls only: a number the recording asked you to call (or press a key to reach).
        AdvertisedNumber => "advertised_number",
        /// Emails only: the email itself, uploaded as an `.eml` file or its headers pasted.
        EmailEvidence => "email_evidence",
        /// The company or brand named, if any.
        Company => "company",
        /// What it was about: categories, and a description when "other" is ticked.
        Categories => "categories",
        /// Whether it asked for money or bank details, or pretended to be someone it was not
        /// (a scam: signposted to Action Fraud as well).
        Scam => "scam",
        /// Whether you had consented, were a customer, or had told them to stop.
        Relationship => "relationship",
        /// Calls: whether your number is on the Telephone Preference Service; faxes: the Fax
        /// Preference Service.
        PreferenceService => "preference_service",
        /// Anything else about it, in your own words (optional).
        Description => "description",
    }
}

const TEXT: &[Question] = &[
    Question::When,
    Question::Sender,
    Question::ContactedOn,
    Question::MessageText,
    Question::Company,
    Question::Categories,
    Question::Scam,
    Question::Relationship,
    Question::Description,
];

const LIVE_CALL: &[Question] = &[
    Question::SilentOrAbandoned,
    Question::When,
    Question::Sender,
    Question::ContactedOn,
    Question::Company,
    Question::Categories,
    Question::Scam,
    Question::Relationship,
    Question::PreferenceService,
    Question::Description,
];

const AUTOMATED_CALL: &[Question] = &[
    Question::When,
    Question::Sender,
    Question::ContactedOn,
    Question::AdvertisedNumber,
    Question::Company,
    Question::Categories,
    Question::Scam,
    Question::Relationship,
    Question::PreferenceService,
    Question::Description,
];

const EMAIL: &[Question] = &[
    Question::When,
    Question::Sender,
    Question::ContactedOn,
    Question::EmailEvidence,
    Question::Company,
    Question::Categories,
    Question::Scam,
    Question::Relationship,
    Question::Description,
];

const FAX: &[Question] = &[
    Question::When,
    Question::Sender,
    Question::ContactedOn,
    Question::Company,
    Question::Categories,
    Question::Relationship,
    Question::PreferenceService,
    Question::Description,
];

impl Channel {
    /// The questions this channel asks, in page order.
    ///
    /// Faxes skip the scam question (fax scams are rare and Action Fraud's advice is the same);
    /// only live calls ask whether the call was silent; the Telephone (or Fax) Preference Service
    /// question is for calls and faxes, since TPS does not cover texts or emails.
    pub fn questions(self) -> &'static [Question] {
        match self {
            Channel::Text => TEXT,
            Channel::LiveCall => LIVE_CALL,
            Channel::AutomatedCall => AUTOMATED_CALL,
            Channel::Email => EMAIL,
            Channel::Fax => FAX,
        }
    }

    /// Whether this channel asks `question`.
    pub fn asks(self, question: Question) -> bool {
        self.questions().contains(&question)
    }

    /// The question after `question` on this channel's journey (`None` at the end, or when the
    /// channel does not ask `question`).
    pub fn next_question(self, question: Question) -> Option<Question> {
        let questions = self.questions();
        let at = questions.iter().position(|q| *q == question)?;
        questions.get(at + 1).copied()
    }

    /// Whether the contact came by telephone line (calls and faxes), so the sender is a number.
    pub fn is_call_or_fax(self) -> bool {
        matches!(
            self,
            Channel::LiveCall | Channel::AutomatedCall | Channel::Fax
        )
    }
}
