//! The vocabulary of the regulation: roles, channels, reasons to apply,
//! categories, priorities, statuses, SLA metrics, pause reasons and services.
//!
//! Every type is a closed enum with a stable snake_case code (its JSON form,
//! identical on every face), a Ukrainian label taken from the seed's own
//! wording and an English label.
//!
//! # Example
//! ```
//! use reglament::model::{Priority, Status};
//! assert!(Priority::Critical > Priority::High);
//! assert_eq!(Status::Backlog.label_uk(), "Список завдань або Беклог");
//! assert_eq!(serde_json::to_string(&Status::InProgress).unwrap(), "\"in_progress\"");
//! ```

use std::str::FromStr;

/// Declares a closed vocabulary: the enum, its serde form (snake_case code),
/// `ALL`, `code()`, `label_uk()`, `label_en()`, `Display` (the code) and
/// `FromStr` (from the code).
macro_rules! vocabulary {
    (
        $(#[$meta:meta])*
        $vis:vis enum $name:ident in $path:literal {
            $( $(#[$vmeta:meta])* $variant:ident = $code:literal, $uk:literal, $en:literal; )+
        }
    ) => {
        $crate::model::vocabulary! {
            @emit [concat!(
                "Every value, in the order the regulation lists them.\n\n",
                "The methods below are generated alike for every vocabulary; this example runs them all.\n\n",
                "# Example\n```\n",
                "use ", $path, "::", stringify!($name), ";\n",
                "use reglament::i18n::Lang;\n",
                "for v in ", stringify!($name), "::ALL {\n",
                "    assert_eq!(", stringify!($name), "::from_code(v.code()), Some(*v));\n",
                "    assert_eq!(v.code().parse::<", stringify!($name), ">().unwrap(), *v);\n",
                "    assert_eq!(v.to_string(), v.code());\n",
                "    assert_eq!(serde_json::to_value(v).unwrap(), v.code());\n",
                "    assert!(!v.label_uk().is_empty() && !v.label_en().is_empty());\n",
                "    assert_eq!((v.label(Lang::Uk), v.label(Lang::En)), (v.label_uk(), v.label_en()));\n",
                "    assert!(", stringify!($name), "::codes().split(\", \").any(|c| c == v.code()));\n",
                "}\n",
                "assert!(", stringify!($name), "::from_code(\"no such code\").is_none());\n",
                "```"
            )]
            $(#[$meta])*
            $vis enum $name { $( $(#[$vmeta])* $variant = $code, $uk, $en; )+ }
        }
    };
    (
        $(#[$meta:meta])*
        $vis:vis enum $name:ident {
            $( $(#[$vmeta:meta])* $variant:ident = $code:literal, $uk:literal, $en:literal; )+
        }
    ) => {
        $crate::model::vocabulary! {
            @emit ["Every value, in the order the regulation lists them."]
            $(#[$meta])*
            $vis enum $name { $( $(#[$vmeta])* $variant = $code, $uk, $en; )+ }
        }
    };
    (
        @emit [$alldoc:expr]
        $(#[$meta:meta])*
        $vis:vis enum $name:ident {
            $( $(#[$vmeta:meta])* $variant:ident = $code:literal, $uk:literal, $en:literal; )+
        }
    ) => {
        $(#[$meta])*
        #[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, serde::Serialize, serde::Deserialize)]
        $vis enum $name {
            $( $(#[$vmeta])* #[serde(rename = $code)] $variant, )+
        }

        impl $name {
            #[doc = $alldoc]
            pub const ALL: &'static [$name] = &[$($name::$variant),+];

            /// The stable snake_case code (the JSON form). Example: see [`ALL`](Self::ALL).
            pub fn code(self) -> &'static str {
                match self { $($name::$variant => $code,)+ }
            }

            /// The Ukrainian label (the seed's wording where the seed names it). Example: see [`ALL`](Self::ALL).
            pub fn label_uk(self) -> &'static str {
                match self { $($name::$variant => $uk,)+ }
            }

            /// The English label. Example: see [`ALL`](Self::ALL).
            pub fn label_en(self) -> &'static str {
                match self { $($name::$variant => $en,)+ }
            }

            /// The label in `lang`. Example: see [`ALL`](Self::ALL).
            pub fn label(self, lang: $crate::i18n::Lang) -> &'static str {
                match lang {
                    $crate::i18n::Lang::Uk => self.label_uk(),
                    $crate::i18n::Lang::En => self.label_en(),
                }
            }

            /// The value whose code is `code`. Example: see [`ALL`](Self::ALL).
            pub fn from_code(code: &str) -> Option<$name> {
                match code { $($code => Some($name::$variant),)+ _ => None }
            }

            /// The codes of every value, comma-separated (for error messages). Example: see [`ALL`](Self::ALL).
            pub fn codes() -> String {
                [$($code),+].join(", ")
            }
        }

        impl std::fmt::Display for $name {
            fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
                f.write_str(self.code())
            }
        }

        impl std::str::FromStr for $name {
            type Err = $crate::Error;
            /// The value of a code; an unknown one is `invalid_value`
            /// naming the code and every known one.
            fn from_str(s: &str) -> Result<$name, $crate::Error> {
                $name::from_code(s).ok_or_else(|| {
                    $crate::Error::new(
                        $crate::ErrorKind::InvalidValue,
                        format!(
                            "unknown {} {:?}; expected one of: {}",
                            stringify!($name),
                            $crate::error::cap(s.to_string()),
                            $name::codes()
                        ),
                    )
                })
            }
        }
    };
}
pub(crate) use vocabulary;

vocabulary! {
    /// Who acts on a request (clause 1.3).
    ///
    /// # Example
    /// ```
    /// use reglament::model::Role;
    /// assert_eq!(Role::CustomerService.code(), "customer_service");
    /// assert_eq!(Role::Operator.label_uk(), "Оператор СТП");
    /// assert!(Role::Consultant.is_staff() && !Role::User.is_staff());
    /// ```
    pub enum Role in "reglament::model" {
        /// The customer's employee who uses the software (Користувач).
        User = "user", "Користувач", "User";
        /// The customer's coordinating unit (Служба Замовника): read-only
        /// in the tracker apart from approvals and agreeing to extensions.
        CustomerService = "customer_service", "Служба Замовника", "Customer Service";
        /// Support tier 1 (Оператор СТП): registers and classifies requests.
        Operator = "operator", "Оператор СТП", "Operator";
        /// Support tier 2 (Консультант СТП): studies and fixes problems.
        Consultant = "consultant", "Консультант СТП", "Consultant";
    }
}

impl Role {
    /// True for the contractor's support staff (operators and consultants),
    /// whose working hours the regulation fixes (clauses 3.4, 3.5.1).
    ///
    /// # Example
    /// ```
    /// assert!(reglament::model::Role::Operator.is_staff());
    /// ```
    pub fn is_staff(self) -> bool {
        matches!(self, Role::Operator | Role::Consultant)
    }
}

vocabulary! {
    /// How a request or an approval reaches the support service (clause 3.1;
    /// e-mail only for the customer's approvals, clause 3.4).
    ///
    /// # Example
    /// ```
    /// use reglament::model::Channel;
    /// assert!(Channel::Viber.is_conversation());
    /// assert!(!Channel::Tracker.is_conversation());
    /// assert!(!Channel::Email.accepts_requests());
    /// ```
    pub enum Channel in "reglament::model" {
        /// By phone (the operator fills the request in).
        Phone = "phone", "телефон", "phone";
        /// Skype messenger.
        Skype = "skype", "Skype", "Skype";
        /// WhatsApp messenger.
        Whatsapp = "whatsapp", "WhatsApp", "WhatsApp";
        /// Viber messenger.
        Viber = "viber", "Viber", "Viber";
        /// Telegram messenger.
        Telegram = "telegram", "Telegram", "Telegram";
        /// Directly in the tracker (Trello).
        Tracker = "tracker", "безпосередньо у СТП (Trello)", "the tracker directly (Trello)";
        /// E-mail: the channel of the customer's approvals, not of requests.
        Email = "email", "електронна пошта", "e-mail";
    }
}

impl Channel {
    /// Phone or a messenger: a conversation in which the operator takes the
    /// request down (clauses 3.1, 3.3).
    ///
    /// # Example
    /// ```
    /// assert!(reglament::model::Channel::Phone.is_conversation());
    /// ```
    pub fn is_conversation(self) -> bool {
        !matches!(self, Channel::Tracker | Channel::Email)
    }

    /// Whether users may apply through this channel (clause 3.1 lists phone,
    /// the messengers and the tracker).
    ///
    /// # Example
    /// ```
    /// assert!(reglament::model::Channel::Tracker.accepts_requests());
    /// ```
    pub fn accepts_requests(self) -> bool {
        self != Channel::Email
    }
}

vocabulary! {
    /// Why a user applies (clause 3.1).
    ///
    /// # Example
    /// ```
    /// use reglament::model::Reason;
    /// assert_eq!(Reason::ALL.len(), 5);
    /// assert_eq!(Reason::Suggestion.label_uk(), "побажання і пропозиції");
    /// ```
    pub enum Reason in "reglament::model" {
        /// A failure of the software.
        SoftwareFailure = "software_failure", "збій в роботі ПЗ", "software failure";
        /// A problem in the business process.
        BusinessProcessProblem = "business_process_problem", "проблеми в роботі БП", "business-process problem";
        /// A question about the software.
        Question = "question", "питання, пов'язані з роботою ПЗ", "question about the software";
        /// A remark on how the software works.
        Remark = "remark", "зауваження по роботі ПЗ", "remark on the software";
        /// A wish or a suggestion.
        Suggestion = "suggestion", "побажання і пропозиції", "wish or suggestion";
    }
}

vocabulary! {
    /// The category the operator assigns (clause 3.3).
    ///
    /// # Example
    /// ```
    /// use reglament::model::Category;
    /// assert_eq!(Category::ChangeRequest.label_uk(), "Пропозиція (запит на зміну)");
    /// assert_eq!("documentation_request".parse::<Category>().unwrap(), Category::DocumentationRequest);
    /// ```
    pub enum Category in "reglament::model" {
        /// A malfunction, an error window, a slowdown or a hang.
        Incident = "incident", "Інцидент", "Incident";
        /// A remark or proposal that changes (extends) functionality.
        ChangeRequest = "change_request", "Пропозиція (запит на зміну)", "Change request";
        /// An explanation of how to work with the software.
        Consultation = "consultation", "Консультація (запит інформації)", "Consultation";
        /// A request for documentation.
        DocumentationRequest = "documentation_request", "Запит документації", "Documentation request";
    }
}

vocabulary! {
    /// How urgent a request is. Ordered: `Critical > High > Medium > Low`
    /// (DESIGN §2).
    ///
    /// # Example
    /// ```
    /// use reglament::model::Priority;
    /// let mut v = vec![Priority::Low, Priority::Critical, Priority::Medium];
    /// v.sort();
    /// assert_eq!(v, [Priority::Low, Priority::Medium, Priority::Critical]);
    /// assert_eq!(Priority::High.label_uk(), "Високий");
    /// ```
    pub enum Priority in "reglament::model" {
        /// Critical («критичний»).
        Critical = "critical", "Критичний", "Critical";
        /// High («високий»).
        High = "high", "Високий", "High";
        /// Medium.
        Medium = "medium", "Середній", "Medium";
        /// Low.
        Low = "low", "Низький", "Low";
    }
}

impl Priority {
    /// 3 for critical down to 0 for low.
    ///
    /// # Example
    /// ```
    /// assert_eq!(reglament::model::Priority::Critical.rank(), 3);
    /// ```
    pub fn rank(self) -> u8 {
        match self {
            Priority::Critical => 3,
            Priority::High => 2,
            Priority::Medium => 1,
            Priority::Low => 0,
        }
    }
}

impl PartialOrd for Priority {
    fn partial_cmp(&self, other: &Priority) -> Option<std::cmp::Ordering> {
        Some(self.cmp(other))
    }
}

impl Ord for Priority {
    fn cmp(&self, other: &Priority) -> std::cmp::Ordering {
        self.rank().cmp(&other.rank())
    }
}

vocabulary! {
    /// Where a request stands (clause 3.2, plus Rejected from 3.3 and
    /// Archived from 3.6).
    ///
    /// # Example
    /// ```
    /// use reglament::model::Status;
    /// assert_eq!(Status::InProgress.label_uk(), "В процесі");
    /// assert!(Status::Archived.is_terminal() && Status::Rejected.is_terminal());
    /// assert!(!Status::Release.is_terminal());
    /// ```
    pub enum Status in "reglament::model" {
        /// «Список завдань або Беклог»: on creation by an operator or a user.
        Backlog = "backlog", "Список завдань або Беклог", "Backlog";
        /// «План розробки або Спрінт»: taken into the two-week plan.
        Sprint = "sprint", "План розробки або Спрінт", "Sprint";
        /// «В процесі»: a consultant is studying or fixing the problem.
        InProgress = "in_progress", "В процесі", "In progress";
        /// «Виконана»: work finished, code not yet delivered to the customer.
        Done = "done", "Виконана", "Done";
        /// «Реліз»: code delivered, the user can verify.
        Release = "release", "Реліз", "Release";
        /// Rejected by the operator as incorrectly filled (clause 3.3).
        Rejected = "rejected", "Відхилена", "Rejected";
        /// Archived (clause 3.6).
        Archived = "archived", "Архівована", "Archived";
    }
}

impl Status {
    /// Archived and Rejected end a request's life: nothing more may happen.
    ///
    /// # Example
    /// ```
    /// assert!(!reglament::model::Status::Done.is_terminal());
    /// ```
    pub fn is_terminal(self) -> bool {
        matches!(self, Status::Archived | Status::Rejected)
    }

    /// The statuses in which the request waits in the support queue
    /// (registered, not yet delivered, not closed).
    ///
    /// # Example
    /// ```
    /// use reglament::model::Status;
    /// assert!(Status::Done.is_queued() && !Status::Release.is_queued());
    /// ```
    pub fn is_queued(self) -> bool {
        matches!(
            self,
            Status::Backlog | Status::Sprint | Status::InProgress | Status::Done
        )
    }
}

vocabulary! {
    /// An SLA metric (DESIGN §2).
    ///
    /// # Example
    /// ```
    /// use reglament::model::Metric;
    /// assert_eq!(Metric::UpdateInterval.code(), "update_interval");
    /// ```
    pub enum Metric in "reglament::model" {
        /// Until the first reaction of support.
        Response = "response", "час реакції", "response";
        /// Until Release.
        Resolution = "resolution", "час вирішення", "resolution";
        /// Between two updates to the user.
        UpdateInterval = "update_interval", "інтервал інформування", "update interval";
    }
}

vocabulary! {
    /// Why an SLA clock may stand still (DESIGN §2, pause matrix).
    ///
    /// # Example
    /// ```
    /// use reglament::model::PauseReason;
    /// assert_eq!(PauseReason::AwaitingUser.label_en(), "waiting for the user's answer");
    /// ```
    pub enum PauseReason in "reglament::model" {
        /// A customer approval has been asked for and not yet given or refused.
        ApprovalPending = "approval_pending", "очікування дозволу Служби Замовника", "customer approval pending";
        /// Support asked the user and waits for the answer.
        AwaitingUser = "awaiting_user", "очікування відповіді Користувача", "waiting for the user's answer";
    }
}

vocabulary! {
    /// The services of clause 4.
    ///
    /// # Example
    /// ```
    /// use reglament::model::Service;
    /// assert_eq!(Service::Recovery.clause(), "4.2");
    /// ```
    pub enum Service in "reglament::model" {
        /// 4.1: consultations for users and administrators.
        Consultation = "consultation", "Консультаційне обслуговування", "Consultation service";
        /// 4.2: recovery after failures of server components.
        Recovery = "recovery", "Усунення наслідків збоїв Системи", "Recovery after system failures";
        /// 4.3: administration (client process settings, master-data directories).
        Administration = "administration", "Адміністрування Системи", "System administration";
    }
}

impl Service {
    /// The sub-clause of clause 4 that defines the service.
    ///
    /// # Example
    /// ```
    /// assert_eq!(reglament::model::Service::Administration.clause(), "4.3");
    /// ```
    pub fn clause(self) -> &'static str {
        match self {
            Service::Consultation => "4.1",
            Service::Recovery => "4.2",
            Service::Administration => "4.3",
        }
    }
}

vocabulary! {
    /// The unit of a delay counted in days (archive delay, contact-change notice).
    ///
    /// # Example
    /// ```
    /// use reglament::model::DayUnit;
    /// assert_eq!(DayUnit::CalendarDays.label_uk(), "календарних днів");
    /// ```
    pub enum DayUnit in "reglament::model" {
        /// Local calendar days, same wall-clock time.
        CalendarDays = "calendar_days", "календарних днів", "calendar days";
        /// Working days of the regulation's calendar, to the closing instant.
        WorkingDays = "working_days", "робочих днів", "working days";
    }
}

/// Parses a code of any vocabulary (`"high".parse::<Priority>()` does the same).
///
/// # Example
/// ```
/// use reglament::model::{parse_code, Role};
/// assert_eq!(parse_code::<Role>("operator").unwrap(), Role::Operator);
/// assert!(parse_code::<Role>("admin").is_err());
/// ```
pub fn parse_code<T: FromStr<Err = crate::Error>>(code: &str) -> Result<T, crate::Error> {
    code.parse()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn codes_round_trip_through_serde_and_from_str() {
        for s in Status::ALL {
            let json = serde_json::to_string(s).unwrap();
            assert_eq!(json, format!("\"{}\"", s.code()));
            let back: Status = serde_json::from_str(&json).unwrap();
            assert_eq!(back, *s);
            assert_eq!(s.code().parse::<Status>().unwrap(), *s);
        }
        for c in Channel::ALL {
            assert_eq!(Channel::from_code(c.code()), Some(*c));
        }
    }

    #[test]
    fn priorities_are_ordered_critical_first() {
        let mut all = Priority::ALL.to_vec();
        all.sort_by(|a, b| b.cmp(a));
        assert_eq!(
            all,
            [
                Priority::Critical,
                Priority::High,
                Priority::Medium,
                Priority::Low
            ]
        );
    }

    #[test]
    fn labels_are_distinct_and_non_empty() {
        fn check<T: Copy>(
            all: &[T],
            uk: impl Fn(T) -> &'static str,
            en: impl Fn(T) -> &'static str,
        ) {
            let mut seen = std::collections::HashSet::new();
            for &v in all {
                assert!(!uk(v).is_empty() && !en(v).is_empty());
                assert!(seen.insert(uk(v)), "duplicate label {}", uk(v));
            }
        }
        check(Role::ALL, Role::label_uk, Role::label_en);
        check(Channel::ALL, Channel::label_uk, Channel::label_en);
        check(Reason::ALL, Reason::label_uk, Reason::label_en);
        check(Category::ALL, Category::label_uk, Category::label_en);
        check(Priority::ALL, Priority::label_uk, Priority::label_en);
        check(Status::ALL, Status::label_uk, Status::label_en);
    }

    #[test]
    fn only_conversations_are_taken_down_by_the_operator() {
        let conv: Vec<_> = Channel::ALL
            .iter()
            .filter(|c| c.is_conversation())
            .map(|c| c.code())
            .collect();
        assert_eq!(conv, ["phone", "skype", "whatsapp", "viber", "telegram"]);
    }
}

vocabulary! {
    /// The kind of an event: the key of the permission table.
    ///
    /// # Example
    /// ```
    /// use reglament::ticket::EventKind;
    /// assert_eq!(EventKind::ALL.len(), 22);
    /// assert_eq!(EventKind::PlanSprint.code(), "plan_sprint");
    /// assert!(EventKind::Release.gateable() && !EventKind::Comment.gateable());
    /// ```
    pub enum EventKind in "reglament::ticket" {
        /// Register the request (Backlog).
        Register = "register", "зареєструвати заявку", "register the request";
        /// Set the category.
        Classify = "classify", "встановити категорію заявки", "set the request's category";
        /// Change the priority.
        ChangePriority = "change_priority", "змінити пріоритет заявки", "change the request's priority";
        /// Reject an incorrectly filled request, telling the user why (Rejected).
        Reject = "reject", "відхилити заявку", "reject the request";
        /// Ask the user for details (the clocks may pause).
        AskUser = "ask_user", "поставити запитання Користувачеві", "ask the user a question";
        /// Record the user's answer.
        UserAnswer = "user_answer", "записати відповідь Користувача", "record the user's answer";
        /// Reply to the user, inform him.
        Reply = "reply", "відповісти Користувачеві", "reply to the user";
        /// Take the request into the two-week plan (Sprint).
        PlanSprint = "plan_sprint", "взяти заявку в план розробки (Спрінт)", "plan the request into the sprint";
        /// Start studying or fixing (In progress).
        StartWork = "start_work", "перевести заявку в роботу («В процесі»)", "start work on the request (In progress)";
        /// Ask Customer Service for written permission.
        RequestApproval = "request_approval", "запитати дозвіл Служби Замовника", "request Customer Service's approval";
        /// Customer Service grants the permission, by e-mail.
        Approve = "approve", "надати дозвіл", "grant an approval";
        /// Customer Service refuses the permission.
        RefuseApproval = "refuse_approval", "відмовити в дозволі", "refuse an approval";
        /// Perform an action of clause 4 on the request.
        PerformAction = "perform_action", "виконати дію за заявкою", "perform an action on the request";
        /// Extend a deadline with Customer Service's agreement.
        ExtendDeadline = "extend_deadline", "продовжити строк виконання", "extend the deadline";
        /// Work finished, code not yet delivered (Done).
        Complete = "complete", "позначити роботу виконаною", "mark the work done";
        /// Code delivered, the user can verify (Release).
        Release = "release", "перевести заявку в «Реліз»", "release the request";
        /// The user is not satisfied: work resumes (Sprint or In progress).
        Reopen = "reopen", "відновити роботу над заявкою", "reopen the request";
        /// The user is satisfied.
        Accept = "accept", "підтвердити, що рішення задовольняє", "accept the solution";
        /// Archive the request (Archived).
        Archive = "archive", "архівувати заявку", "archive the request";
        /// Add a comment.
        Comment = "comment", "додати коментар", "add a comment";
        /// Stop the clocks for a reason the regulation declares (DESIGN §7).
        Pause = "pause", "призупинити відлік з причини", "pause the clocks for a declared reason";
        /// A declared pause reason no longer holds (DESIGN §7).
        Resume = "resume", "відновити відлік після причини", "resume the clocks after a declared reason";
    }
}

impl EventKind {
    /// Whether a regulation may list this kind in `approval_required_for`:
    /// the status changes and classification that support staff perform.
    ///
    /// # Example
    /// ```
    /// assert!(reglament::ticket::EventKind::StartWork.gateable());
    /// ```
    pub fn gateable(self) -> bool {
        matches!(
            self,
            EventKind::Classify
                | EventKind::ChangePriority
                | EventKind::Reject
                | EventKind::PlanSprint
                | EventKind::StartWork
                | EventKind::Complete
                | EventKind::Release
                | EventKind::Reopen
                | EventKind::Archive
        )
    }
}

vocabulary! {
    /// Where a clock stands at `now`.
    ///
    /// # Example
    /// ```
    /// use reglament::sla::ClockState;
    /// assert_eq!(ClockState::Breached.code(), "breached");
    /// assert_eq!(ClockState::Paused.label_uk(), "призупинено");
    /// ```
    pub enum ClockState {
        /// Counting working time.
        Running = "running", "триває", "running";
        /// Stopped by a pause (approval pending, awaiting the user, Release).
        Paused = "paused", "призупинено", "paused";
        /// The meeting event happened (on time or not: see `on_time`).
        Met = "met", "виконано", "met";
        /// Not met and past its due instant.
        Breached = "breached", "порушено", "breached";
        /// No category yet: no target, no due.
        Unclassified = "unclassified", "без категорії", "unclassified";
        /// The request was rejected (or archived) before the clock breached.
        Stopped = "stopped", "зупинено", "stopped";
    }
}
