//! Every sentence the engine says, in Ukrainian and English, in one table.
//!
//! A sentence is a [`Text`] key with a Ukrainian and an English template;
//! `{name}` placeholders are filled by [`Text::render`]. Labels of the
//! vocabulary (roles, statuses, ...) live with their types in
//! [`model`](crate::model).
//!
//! # Example
//! ```
//! use reglament::i18n::{Lang, Text};
//! let s = Text::NoChange.render(Lang::En, &[("value", "high")]);
//! assert_eq!(s, "Nothing changes: “high” is already set.");
//! assert!(Text::NoChange.render(Lang::Uk, &[("value", "high")]).contains("high"));
//! ```

use std::fmt;
use std::str::FromStr;

/// A language of the engine's sentences.
///
/// # Example
/// ```
/// use reglament::i18n::Lang;
/// assert_eq!("uk".parse::<Lang>().unwrap(), Lang::Uk);
/// assert!("de".parse::<Lang>().is_err());
/// ```
#[derive(
    Debug, Clone, Copy, PartialEq, Eq, Hash, Default, serde::Serialize, serde::Deserialize,
)]
#[serde(rename_all = "snake_case")]
pub enum Lang {
    /// Ukrainian, the language of the seed.
    #[default]
    Uk,
    /// English.
    En,
}

impl Lang {
    /// `"uk"` or `"en"`.
    ///
    /// # Example
    /// ```
    /// assert_eq!(reglament::i18n::Lang::En.code(), "en");
    /// ```
    pub fn code(self) -> &'static str {
        match self {
            Lang::Uk => "uk",
            Lang::En => "en",
        }
    }
}

impl fmt::Display for Lang {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.code())
    }
}

impl FromStr for Lang {
    type Err = crate::Error;
    /// `"uk"` or `"en"`; anything else is `invalid_value`.
    fn from_str(s: &str) -> Result<Lang, crate::Error> {
        match s {
            "uk" => Ok(Lang::Uk),
            "en" => Ok(Lang::En),
            other => Err(crate::Error::new(
                crate::ErrorKind::InvalidValue,
                format!(
                    "unknown language {:?}; expected \"uk\" or \"en\"",
                    crate::error::cap(other.to_string())
                ),
            )),
        }
    }
}

macro_rules! sentences {
    ($( $(#[$m:meta])* $key:ident = $uk:literal, $en:literal; )+) => {
        /// The key of one sentence of the table.
        ///
        /// # Example
        /// ```
        /// use reglament::i18n::{Lang, Text};
        /// assert_eq!(Text::DurationM.render(Lang::En, &[("m", "5")]), "5 min");
        /// ```
        #[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
        pub enum Text {
            $( $(#[$m])* $key, )+
        }

        impl Text {
            /// Every sentence of the table.
            ///
            /// # Example
            /// ```
            /// use reglament::i18n::Text;
            /// assert!(Text::ALL.len() > 40);
            /// assert!(Text::ALL.iter().all(|t| !t.uk().is_empty() && !t.en().is_empty()));
            /// ```
            pub const ALL: &'static [Text] = &[$(Text::$key),+];

            /// The Ukrainian template.
            ///
            /// # Example
            /// ```
            /// assert!(reglament::i18n::Text::ReadOnly.uk().contains("Служба Замовника"));
            /// ```
            pub fn uk(self) -> &'static str {
                match self { $(Text::$key => $uk,)+ }
            }

            /// The English template.
            ///
            /// # Example
            /// ```
            /// assert!(reglament::i18n::Text::ReadOnly.en().contains("read-only"));
            /// ```
            pub fn en(self) -> &'static str {
                match self { $(Text::$key => $en,)+ }
            }
        }
    };
}

sentences! {
    // ----- refusals -----
    /// Customer Service tried something other than approvals and extensions.
    ReadOnly = "Служба Замовника має доступ до системи обліку інцидентів лише для перегляду (п. 1.3): вона не може {kind}. Їй доступні лише дозвіл або відмова в дозволі та погодження продовження строку.",
        "Customer Service has read-only access to the incident tracking system (clause 1.3): it cannot {kind}. It may only grant or refuse approvals and agree to deadline extensions.";
    /// The role may not perform the event at all.
    RoleNotAllowed = "Роль «{role}» не може {kind}: за п. {clause} це робить лише {allowed}.",
        "The {role} role cannot {kind}: under clause {clause} only {allowed} may do it.";
    /// The role may perform the event, but not in this status.
    WrongStatus = "Не можна {kind} в статусі «{status}» (п. {clause}); роль «{role}» може це зробити в статусах: {allowed}.",
        "Cannot {kind} in status “{status}” (clause {clause}); the {role} role may do it in {allowed}.";
    /// Nothing happens to an archived or rejected request.
    TerminalStatus = "Заявка має кінцевий статус «{status}» (п. {clause}): жодні дії з нею більше не можливі.",
        "The request is “{status}”, a final status (clause {clause}): nothing more can happen to it.";
    /// An event before the registration.
    NotRegistered = "Заявку ще не зареєстровано: першою подією має бути реєстрація, що надає статус «Список завдань або Беклог» (п. 3.2).",
        "The request is not registered yet: the first event must register it, which gives it the status Backlog (clause 3.2).";
    /// A second registration.
    AlreadyRegistered = "Заявку вже зареєстровано {at}; повторна реєстрація неможлива (п. 3.2).",
        "The request was already registered at {at}; it cannot be registered twice (clause 3.2).";
    /// An event dated before the previous one.
    TimeWentBackwards = "Подію датовано {at}, раніше за попередню подію заявки ({previous}): час у житті заявки не йде назад.",
        "The event is dated {at}, before the request's previous event ({previous}): time never goes backwards within a request.";
    /// The calendar cannot place the instant.
    InstantOutOfRange = "Момент {at} лежить поза межами, які підтримує календар регламенту: {detail}",
        "The instant {at} is outside the range the regulation's calendar supports: {detail}";
    /// No description at registration.
    MissingDescription = "Заявка має містити детальний опис питання або проблеми (поле «description», п. 3.1).",
        "A request must carry a detailed description of the question or problem (field “description”, clause 3.1).";
    /// No conditions at registration.
    MissingConditions = "Заявка має містити умови виникнення і види прояву проблеми: дії Користувача, введені дані, повідомлення системи (поле «conditions», п. 3.1).",
        "A request must state the conditions and how the problem shows: the user's actions, the data entered, the system's messages (field “conditions”, clause 3.1).";
    /// No priority at registration.
    MissingPriority = "Заявка має містити пріоритет (поле «priority», п. 3.1).",
        "A request must carry a priority (field “priority”, clause 3.1).";
    /// No channel at registration.
    MissingChannel = "Треба вказати, яким способом надійшла заявка: телефон, месенджер або Trello (поле «channel», п. 3.1).",
        "The channel the request came through must be given: phone, a messenger or Trello (field “channel”, clause 3.1).";
    /// A rejection without its reason.
    MissingRejectReason = "Відхиляючи заявку, Оператор повідомляє Користувачеві причину відхилення (поле «reason», п. 3.3).",
        "When rejecting a request the operator tells the user the reason (field “reason”, clause 3.3).";
    /// An approval or an extension without its e-mail evidence.
    MissingEvidence = "Потрібне підтвердження Служби Замовника електронною поштою (поле «evidence», наприклад Message-ID листа; п. {clause}).",
        "Customer Service's confirmation by e-mail is required (field “evidence”, e.g. the e-mail's Message-ID; clause {clause}).";
    /// Registration through a channel that is not for requests.
    ChannelNotForRequests = "Канал «{channel}» не призначений для подання заявок: п. 3.1 передбачає телефон, месенджери (Skype, WhatsApp, Viber, Telegram) та Trello.",
        "{channel} is not a channel for requests: clause 3.1 provides phone, messengers (Skype, WhatsApp, Viber, Telegram) and Trello.";
    /// A user registering a phone or messenger request himself.
    ChannelRequiresOperator = "Заявку, що надійшла каналом «{channel}», реєструє Оператор СТП: він заповнює відомості під час або після розмови (пп. 3.1, 3.3).",
        "A request that arrives by {channel} is registered by the operator, who fills it in during or after the conversation (clauses 3.1, 3.3).";
    /// Only an operator registers without a user's appeal.
    OwnInitiativeRequiresOperator = "Зареєструвати заявку без відповідного звернення Користувача може лише Оператор СТП (п. 3.3).",
        "Only an operator may register a request without a user's appeal (clause 3.3).";
    /// Submission after registration.
    SubmittedAfterRegistration = "Час подачі заявки ({submitted}) не може бути пізнішим за час її реєстрації ({at}) (п. 3.3).",
        "The submission time ({submitted}) cannot be after the registration time ({at}) (clause 3.3).";
    /// A pause reason the regulation does not declare.
    UnknownPauseReason = "Регламент не оголошує причини призупинення «{reason}»; оголошені причини: {declared} (§2).",
        "The regulation declares no pause reason “{reason}”; the declared reasons: {declared} (§2).";
    /// No declared reason.
    NoDeclaredReasons = "жодної", "none";
    /// A declared reason already holding.
    PauseAlreadyActive = "Строки вже призупинено з причини «{name}» ({reason}) з {since}; спершу зніміть її (resume) (§2).",
        "The clocks are already paused for “{name}” ({reason}) since {since}; lift it first (resume) (§2).";
    /// A declared reason not holding.
    PauseNotActive = "Строки не призупинено з причини «{name}» ({reason}): знімати нічого (§2).",
        "The clocks are not paused for “{name}” ({reason}): there is nothing to lift (§2).";
    /// An answer with no question.
    NoQuestionPending = "Користувачеві не ставили запитання, на яке очікують відповіді (п. 3.3).",
        "No question to the user is waiting for an answer (clause 3.3).";
    /// A gated action without approval.
    ApprovalRequired = "Дія «{action}» потребує спеціального дозволу Служби Замовника і виконується лише після підтвердження електронною поштою (п. {clause}). Спершу надішліть запит на дозвіл.",
        "The action “{action}” needs Customer Service's special permission and is done only after confirmation by e-mail (clause {clause}). Request the approval first.";
    /// A gated action while the approval is pending.
    ApprovalPending = "Дозвіл на дію «{action}» запитано, але Служба Замовника ще не відповіла (п. {clause}).",
        "Approval for “{action}” has been requested but Customer Service has not answered yet (clause {clause}).";
    /// A gated action, or a new approval, after a refusal.
    ApprovalRefused = "Служба Замовника відмовила в дозволі на дію «{action}»; відмова остаточна (п. {clause}).",
        "Customer Service refused approval for “{action}”; a refused approval stays refused (clause {clause}).";
    /// A decision with no request.
    ApprovalNotRequested = "Дозволу на дію «{action}» у цій заявці не запитували (п. 3.4).",
        "No approval for “{action}” has been requested on this request (clause 3.4).";
    /// A request or a decision after a grant.
    ApprovalAlreadyGranted = "Дозвіл на дію «{action}» уже надано (п. 3.4).",
        "Approval for “{action}” has already been granted (clause 3.4).";
    /// A second request while one is pending.
    ApprovalAlreadyPending = "Запит на дозвіл дії «{action}» уже надіслано, він очікує відповіді (п. 3.4).",
        "Approval for “{action}” has already been requested and awaits an answer (clause 3.4).";
    /// A decision without its action while several approvals are pending.
    ApprovalAmbiguous = "Очікують кілька запитів на дозвіл ({pending}): рішення Служби Замовника має назвати дію («action»), якої воно стосується (п. 3.4).",
        "Several approvals are pending ({pending}): Customer Service's decision must name the action it concerns (“action”) (clause 3.4).";
    /// An approval that did not come by e-mail.
    ApprovalNotByEmail = "Підтвердження Служби Замовника надається електронною поштою (п. 3.4), а не каналом «{channel}».",
        "Customer Service confirms by e-mail (clause 3.4), not by {channel}.";
    /// An action the regulation does not know.
    UnknownAction = "Дія «{action}» не належить до послуг, визначених регламентом (п. 4); відомі дії: {allowed}.",
        "“{action}” is not one of the services the regulation defines (clause 4); known actions: {allowed}.";
    /// An extension that gives neither or both forms, or a non-positive amount.
    InvalidExtension = "Продовження строку вказує або новий строк («new_due»), або кількість робочих секунд, що додаються («add_seconds», від 1 до 4102444800), але не обидва (п. 3.5.1).",
        "An extension gives either the new due instant (“new_due”) or the working seconds added (“add_seconds”, from 1 to 4102444800), not both (clause 3.5.1).";
    /// An extension to a past instant.
    ExtensionNotInFuture = "Новий строк {due} не пізніший за момент погодження {at} (п. 3.5.1).",
        "The new due instant {due} is not after the agreement at {at} (clause 3.5.1).";
    /// An event under another regulation than the request's.
    RegulationMismatch = "Заявку зареєстровано за регламентом {recorded}, і лише він її оцінює; подію подано за регламентом {given}. Оцінка за іншою версією — це «що, якби» (повторне відтворення), а не зміна історії (§5).",
        "The request was registered under regulation {recorded}, which alone judges it; this event was given under {given}. Judging it under another version is a what-if (a replay), not a change of its history (§5).";
    /// An extension that would not move the due later.
    ExtensionNotLater = "Новий строк {due} не пізніший за чинний строк {current}: строк можна лише продовжити (п. 3.5.1).",
        "The new due instant {due} is not after the due in force, {current}: a deadline can only be extended (clause 3.5.1).";
    /// A new due instant while the clock is paused.
    ClockPausedDueUnknown = "Відлік «{metric}» призупинено, тож чинний строк невідомий: новий строк («new_due») не можна погодити; додайте робочі секунди («add_seconds») (п. 3.5.1).",
        "The {metric} clock is paused, so the due in force is unknown: a new due instant (“new_due”) cannot be agreed; add working seconds (“add_seconds”) instead (clause 3.5.1).";
    /// An archive before its time without the user's acceptance.
    ArchiveTooEarly = "Заявку можна архівувати не раніше {due} ({delay} після переведення в «Реліз») або раніше, якщо Користувач підтвердив, що рішення його задовольняє (п. 3.6).",
        "The request can be archived from {due} ({delay} after Release), or earlier once the user confirms the solution is satisfactory (clause 3.6).";
    /// A reopen to a status other than Sprint or In progress.
    InvalidReopenTarget = "Після «Релізу» роботу відновлюють у статусі «План розробки або Спрінт» або «В процесі» (п. 3.6), а не «{status}».",
        "After Release work resumes in Sprint or In progress (clause 3.6), not in “{status}”.";

    // ----- warnings -----
    /// Staff acting outside working time.
    OutsideWorkingHours = "{role} діє {at} за місцевим часом, поза робочим часом регламенту (пп. 3.4, 3.5.1). Дію прийнято.",
        "The {role} acts at {at} local time, outside the regulation's working hours (clauses 3.4, 3.5.1). The action is accepted.";
    /// Phone or messenger registration outside registration hours.
    OutsideRegistrationHours = "Заявку за телефоном або в месенджері зареєстровано {at} за місцевим часом, поза часом реєстрації (п. 3.3). Заявку прийнято; строки SLA підуть з найближчого робочого часу.",
        "A phone or messenger request was registered at {at} local time, outside registration hours (clause 3.3). It is accepted; SLA clocks run from the next working moment.";
    /// A registration that 3.4 did not require.
    RegistrationOptional = "Заявку вирішено під час звернення, і вона не є інцидентом критичного чи високого пріоритету: її можна було не реєструвати (п. 3.4).",
        "The request was solved during the contact and is not a critical or high incident: it need not have been registered (clause 3.4).";
    /// A change to the value already set.
    NoChange = "Нічого не змінилося: «{value}» уже встановлено.",
        "Nothing changes: “{value}” is already set.";
    /// Work starts on an unclassified request.
    Unclassified = "Роботу над заявкою почато без категорії; категорію за SLA встановлює Оператор (п. 3.3).",
        "Work starts on a request with no category; the operator sets the category per the SLA (clause 3.3).";

    // ----- describe -----
    /// Title of the description.
    DescribeTitle = "Регламент технічної підтримки", "Technical-support regulation";
    /// The contract line.
    DescribeContract = "Додаток № 1 до Ліцензійного договору № {number} від {date}.",
        "Annex 1 to software licence agreement No. {number} of {date}.";
    /// The parties line.
    DescribeParties = "Замовник: {customer}. Виконавець: {contractor}.", "Customer: {customer}. Contractor: {contractor}.";
    /// The system line.
    DescribeSystem = "Система: {system}; ПЗ: {software}; БП: {process}.", "System: {system}; software: {software}; business process: {process}.";
    /// Heading: hours.
    DescribeHoursHeading = "Робочий час (пп. 3.3, 3.4, 3.5.1)", "Working hours (clauses 3.3, 3.4, 3.5.1)";
    /// The time zone line.
    DescribeTimezone = "Часовий пояс: {tz}; святкові дні: {preset}.", "Time zone: {tz}; public holidays: {preset}.";
    /// One weekday's hours.
    DescribeWeekday = "{day}: {hours}", "{day}: {hours}";
    /// A day with no hours.
    DescribeDayOff = "вихідний", "day off";
    /// A date with its own hours (`date_hours`).
    DescribeDateHours = "{date}: {hours} (окремий графік дня)", "{date}: {hours} (hours of that date)";
    /// Shortened eves on (art. 53), shown once martial law has an end.
    DescribeShortenedEves = "Напередодні святкових днів робота скорочується на одну годину (ст. 53 КЗпП), крім періоду воєнного стану.",
        "The working day before a public holiday is one hour shorter (Labour Code art. 53), except under martial law.";
    /// Shortened eves switched off.
    DescribeShortenedEvesOff = "Передсвяткові дні не скорочуються (shortened_eves: false).",
        "Days before a public holiday are not shortened (shortened_eves: false).";
    /// Registration follows the work calendar.
    DescribeRegistrationSame = "Реєстрація заявок за телефоном і в месенджерах: у той самий час.",
        "Registration of phone and messenger requests: the same hours.";
    /// Registration has its own calendar.
    DescribeRegistrationOwn = "Реєстрація заявок за телефоном і в месенджерах має власний календар (пояс {tz}).",
        "Registration of phone and messenger requests has its own calendar (zone {tz}).";
    /// Holiday preset, contract wording.
    DescribePresetUa = "усі святкові дні України неробочі (як у договорі)", "every Ukrainian public holiday is non-working (as the contract says)";
    /// Holiday preset, statutory.
    DescribePresetStatutory = "вихідні дні за законом (з урахуванням воєнного стану)", "statutory days off (martial-law rules applied)";
    /// No preset.
    DescribePresetNone = "лише перелічені в календарі", "only those listed in the calendar";
    /// Heading: statuses.
    DescribeStatusesHeading = "Статуси заявки (п. 3.2)", "Request statuses (clause 3.2)";
    /// Heading: permission table.
    DescribePermissionsHeading = "Хто що може робити і в яких статусах", "Who may do what, in which statuses";
    /// Before registration.
    DescribeBeforeRegistration = "до реєстрації", "before registration";
    /// Heading: SLA table.
    DescribeSlaHeading = "Таблиця SLA (робочий час)", "SLA table (working time)";
    /// The example label of the SLA table.
    DescribeSlaExample = "УВАГА: це приклад; Угода про рівень сервісу (SLA) є окремою угодою сторін, замініть таблицю узгодженою.",
        "NOTE: this is an example; the service level agreement (SLA) is a separate agreement, replace the table with the agreed one.";
    /// SLA table columns.
    DescribeSlaColumns = "категорія | пріоритет | реакція | вирішення | інтервал інформування",
        "category | priority | response | resolution | update interval";
    /// No update interval.
    DescribeNone = "—", "—";
    /// Heading: pause matrix.
    DescribePausesHeading = "Коли годинники SLA зупиняються", "When the SLA clocks stop";
    /// One pause row.
    DescribePauseRow = "{metric}: {reasons}", "{metric}: {reasons}";
    /// A metric that never pauses.
    DescribeNeverPauses = "не зупиняється", "never stops";
    /// Priority change rule.
    DescribePriorityRule = "Зміна пріоритету (пп. 3.3, 3.5.1): {rule}.", "Priority change (clauses 3.3, 3.5.1): {rule}.";
    /// Heading: actions.
    DescribeActionsHeading = "Дії за послугами (п. 4) і дозвіл Служби Замовника (пп. 3.4, 3.5.1)",
        "Actions by service (clause 4) and Customer Service's approval (clauses 3.4, 3.5.1)";
    /// One action row.
    DescribeActionRow = "{action} — {service} (п. {clause}){gate}", "{action} — {service} (clause {clause}){gate}";
    /// The gate mark of an action.
    DescribeGated = "; лише після дозволу електронною поштою", "; only after approval by e-mail";
    /// Event kinds gated.
    DescribeGatedEvents = "Події, що також потребують дозволу: {kinds}.", "Events that also need approval: {kinds}.";
    /// The archive rule.
    DescribeArchive = "Архівування (п. 3.6): через {delay} після «Релізу» або одразу, щойно Користувач підтвердить рішення.",
        "Archive (clause 3.6): {delay} after Release, or at once when the user accepts the solution.";
    /// The notice rule.
    DescribeNotice = "Заміна контактної особи (п. 5): повідомити іншу сторону протягом {delay}.",
        "Contact-person change (clause 5): notify the other party within {delay}.";
    /// Thresholds.
    DescribeThresholds = "Попередження SLA на порогах: {list} від цільового часу.", "SLA warnings at: {list} of the target.";
    /// Outside hours.
    DescribeOutsideHours = "Дії персоналу поза робочим часом приймаються з попередженням.",
        "Staff actions outside working hours are accepted with a warning.";
    /// Weekday abbreviations, Monday first, separated by spaces.
    Weekdays = "Пн Вт Ср Чт Пт Сб Нд", "Mon Tue Wed Thu Fri Sat Sun";
    /// A list of statuses in a permission line.
    DescribeStatusesList = "у статусах: {list}", "in: {list}";
    /// Percent sign usage.
    DescribePercent = "{n} %", "{n} %";
    /// A named threshold or escalation level.
    DescribePercentNamed = "{n} % ({name})", "{n} % ({name})";
    /// An SLA row that counts on a named calendar.
    DescribeRowCalendar = "(календар «{name}»)", "(calendar “{name}”)";
    /// A named calendar and the SLA rows that count on it.
    DescribeNamedCalendar = "Календар «{name}» ({tz}): {rows}.", "Calendar “{name}” ({tz}): {rows}.";
    /// A named calendar no row uses.
    DescribeNoRows = "жоден рядок SLA його не використовує", "no SLA row uses it";
    /// The rows that count on the regulation's own calendar.
    DescribeMainCalendarRows = "Решта рядків SLA рахують час за основним календарем.", "The other SLA rows count on the main calendar.";
    /// A declared pause reason.
    DescribePauseReasonRow = "{name} ({id}): зупиняє {metrics}; ставить і знімає оператор або консультант (події pause/resume).",
        "{name} ({id}): stops {metrics}; an operator or consultant records it and lifts it (pause/resume events).";
    /// Hours and minutes.
    DurationHm = "{h} год {m} хв", "{h} h {m} min";
    /// Whole hours.
    DurationH = "{h} год", "{h} h";
    /// Whole minutes under an hour.
    DurationM = "{m} хв", "{m} min";
    /// Seconds.
    DurationS = "{s} с", "{s} s";

    // ----- SLA clocks (explanations) -----
    /// First line of a clock's explanation.
    ClockHeader = "{metric}: відлік від {start}, цільовий час {target}{added}.",
        "{metric}: counted from {start}, target {target}{added}.";
    /// Working time added by extensions, inside the header.
    ClockAdded = " (плюс {added} за погодженими продовженнями)", " (plus {added} by agreed extensions)";
    /// First line of an unclassified clock.
    ClockNoTarget = "{metric}: відлік від {start}; категорію ще не встановлено, тож цільового часу і строку немає (п. 3.3).",
        "{metric}: counted from {start}; no category yet, so no target and no due instant (clause 3.3).";
    /// Short form: no target.
    ClockNoTargetShort = "немає", "none";
    /// A due that a lasting pause keeps unknown.
    ClockDueUnknown = "ще невідомий (пауза триває)", "not known yet (a pause lasts)";
    /// One entry of the due history.
    ClockDueChange = "{at}: {cause} ({category}, {priority}), цільовий час {target}: строк {due}.",
        "{at}: {cause} ({category}, {priority}), target {target}: due {due}.";
    /// An extension agreed by Customer Service.
    ClockExtension = "{at}: {by} погодила продовження строку — {what}; підтвердження: {evidence} (п. 3.5.1).",
        "{at}: {by} agreed to extend the deadline — {what}; evidence: {evidence} (clause 3.5.1).";
    /// An extension to a new due instant.
    ClockExtensionNewDue = "новий строк {due}", "new due {due}";
    /// An extension by working time.
    ClockExtensionAdd = "додано {added} робочого часу", "{added} of working time added";
    /// A counted interval.
    ClockCounted = "Зараховано {duration}: {from} – {to}.", "Counted {duration}: {from} – {to}.";
    /// A pause that ended.
    ClockPause = "Не зараховано ({reason}): {from} – {to}, {duration} робочого часу.",
        "Not counted ({reason}): {from} – {to}, {duration} of working time.";
    /// A pause that lasts.
    ClockPauseOpen = "Не зараховано ({reason}): з {from} і досі ({duration} робочого часу до {to}).",
        "Not counted ({reason}): since {from}, still lasting ({duration} of working time until {to}).";
    /// A public holiday skipped.
    ClockHoliday = "{date}: святковий день «{name}», неробочий.", "{date}: public holiday, {name}; not a working day.";
    /// A weekend day skipped.
    ClockWeekend = "{date}: вихідний день.", "{date}: weekend.";
    /// A listed day off skipped.
    ClockDayOff = "{date}: неробочий день за календарем.", "{date}: a day off in the calendar.";
    /// The total.
    ClockTotal = "Разом зараховано {consumed} робочого часу; строк: {due}; стан: {state}.",
        "In all {consumed} of working time counted; due: {due}; state: {state}.";
    /// The due without extensions.
    ClockOriginalDue = "Без продовжень строк був би {due}.", "Without extensions the due instant would be {due}.";
    /// Met on time.
    ClockMetOnTime = "Виконано {at}, вчасно.", "Met at {at}, on time.";
    /// Met late.
    ClockMetLate = "Виконано {at}, із запізненням: строк минув {due}.", "Met at {at}, late: the due instant {due} had passed.";
    /// Breached.
    ClockBreached = "Строк порушено: він минув {at}.", "Breached: the due instant {at} has passed.";
}

impl Text {
    /// The template in `lang`.
    ///
    /// # Example
    /// ```
    /// use reglament::i18n::{Lang, Text};
    /// assert!(Text::NoChange.template(Lang::En).contains("{value}"));
    /// ```
    pub fn template(self, lang: Lang) -> &'static str {
        match lang {
            Lang::Uk => self.uk(),
            Lang::En => self.en(),
        }
    }

    /// The sentence in `lang`, each `{name}` replaced by its value from `args`.
    /// A placeholder without a value stays as written.
    ///
    /// # Example
    /// ```
    /// use reglament::i18n::{Lang, Text};
    /// assert_eq!(Text::DurationH.render(Lang::Uk, &[("h", "2")]), "2 год");
    /// ```
    pub fn render(self, lang: Lang, args: &[(&str, &str)]) -> String {
        fill(self.template(lang), args)
    }
}

/// Replaces `{name}` in `template` by the value of `name` in `args`.
fn fill(template: &str, args: &[(&str, &str)]) -> String {
    let mut out = String::with_capacity(template.len() + 32);
    let mut rest = template;
    while let Some(open) = rest.find('{') {
        out.push_str(&rest[..open]);
        let after = &rest[open + 1..];
        match after.find('}') {
            Some(close) => {
                let name = &after[..close];
                match args.iter().find(|(k, _)| *k == name) {
                    Some((_, v)) => out.push_str(v),
                    None => {
                        out.push('{');
                        out.push_str(name);
                        out.push('}');
                    }
                }
                rest = &after[close + 1..];
            }
            None => {
                out.push_str(&rest[open..]);
                rest = "";
            }
        }
    }
    out.push_str(rest);
    out
}

/// The plural form a count takes: Ukrainian has three (1 день, 2 дні,
/// 5 днів; 11–14 take the third), English two (1 day, 2 days).
///
/// # Example
/// ```
/// use reglament::i18n::{plural, Lang, Plural};
/// assert_eq!(plural(Lang::Uk, 21), Plural::One);
/// assert_eq!(plural(Lang::Uk, 3), Plural::Few);
/// assert_eq!(plural(Lang::Uk, 12), Plural::Many);
/// assert_eq!(plural(Lang::En, 3), Plural::Many);
/// ```
pub fn plural(lang: Lang, n: u64) -> Plural {
    match lang {
        Lang::En if n == 1 => Plural::One,
        Lang::En => Plural::Many,
        Lang::Uk => match (n % 10, n % 100) {
            (1, r) if r != 11 => Plural::One,
            (2..=4, r) if !(12..=14).contains(&r) => Plural::Few,
            _ => Plural::Many,
        },
    }
}

/// A plural category (CLDR's `one`, `few`, `many`/`other`).
///
/// # Example
/// ```
/// use reglament::i18n::{plural, Lang, Plural};
/// assert_ne!(plural(Lang::Uk, 1), Plural::Many);
/// ```
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Plural {
    /// 1, 21, 31, ... (Ukrainian); 1 (English).
    One,
    /// 2–4, 22–24, ... (Ukrainian only).
    Few,
    /// Everything else.
    Many,
}

/// A count of days in words, with the plural form the count takes
/// (`1 calendar day`, `2 робочі дні`, `5 календарних днів`).
///
/// # Example
/// ```
/// use reglament::{i18n::{days, Lang}, model::DayUnit};
/// assert_eq!(days(Lang::En, 1, DayUnit::CalendarDays), "1 calendar day");
/// assert_eq!(days(Lang::Uk, 1, DayUnit::CalendarDays), "1 календарний день");
/// assert_eq!(days(Lang::Uk, 2, DayUnit::WorkingDays), "2 робочі дні");
/// assert_eq!(days(Lang::Uk, 10, DayUnit::CalendarDays), "10 календарних днів");
/// ```
pub fn days(lang: Lang, n: u32, unit: crate::model::DayUnit) -> String {
    use crate::model::DayUnit::{CalendarDays, WorkingDays};
    let words = match (lang, unit, plural(lang, u64::from(n))) {
        (Lang::En, CalendarDays, Plural::One) => "calendar day",
        (Lang::En, CalendarDays, _) => "calendar days",
        (Lang::En, WorkingDays, Plural::One) => "working day",
        (Lang::En, WorkingDays, _) => "working days",
        (Lang::Uk, CalendarDays, Plural::One) => "календарний день",
        (Lang::Uk, CalendarDays, Plural::Few) => "календарні дні",
        (Lang::Uk, CalendarDays, Plural::Many) => "календарних днів",
        (Lang::Uk, WorkingDays, Plural::One) => "робочий день",
        (Lang::Uk, WorkingDays, Plural::Few) => "робочі дні",
        (Lang::Uk, WorkingDays, Plural::Many) => "робочих днів",
    };
    format!("{n} {words}")
}

/// A working-time duration in words (`9 h`, `1 h 30 min`, `45 s`).
///
/// # Example
/// ```
/// use reglament::i18n::{duration, Lang};
/// assert_eq!(duration(Lang::En, 5400), "1 h 30 min");
/// assert_eq!(duration(Lang::Uk, 32400), "9 год");
/// ```
pub fn duration(lang: Lang, seconds: i64) -> String {
    if seconds % 60 != 0 {
        return Text::DurationS.render(lang, &[("s", &seconds.to_string())]);
    }
    let h = seconds / 3600;
    let m = seconds % 3600 / 60;
    if h == 0 {
        Text::DurationM.render(lang, &[("m", &m.to_string())])
    } else if m == 0 {
        Text::DurationH.render(lang, &[("h", &h.to_string())])
    } else {
        Text::DurationHm.render(lang, &[("h", &h.to_string()), ("m", &m.to_string())])
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// The placeholders of a template, in order of appearance.
    fn placeholders(template: &str) -> Vec<&str> {
        let mut out = Vec::new();
        let mut rest = template;
        while let Some(open) = rest.find('{') {
            let after = &rest[open + 1..];
            match after.find('}') {
                Some(close) => {
                    out.push(&after[..close]);
                    rest = &after[close + 1..];
                }
                None => break,
            }
        }
        out
    }

    #[test]
    fn both_languages_use_the_same_placeholders() {
        for t in Text::ALL {
            let mut uk = placeholders(t.uk());
            let mut en = placeholders(t.en());
            uk.sort_unstable();
            en.sort_unstable();
            assert_eq!(uk, en, "{t:?}");
            assert!(!t.uk().is_empty() && !t.en().is_empty(), "{t:?}");
        }
    }

    #[test]
    fn ukrainian_and_english_differ_where_there_are_words() {
        for t in Text::ALL {
            if t.uk().chars().any(|c| c.is_alphabetic())
                && t.uk().chars().any(|c| ('а'..='я').contains(&c))
            {
                assert_ne!(t.uk(), t.en(), "{t:?}");
            }
        }
    }

    #[test]
    fn fill_replaces_known_and_keeps_unknown_placeholders() {
        assert_eq!(fill("a {x} b {y}", &[("x", "1")]), "a 1 b {y}");
        assert_eq!(fill("open { brace", &[]), "open { brace");
        assert_eq!(fill("{x}{x}", &[("x", "z")]), "zz");
    }

    #[test]
    fn durations_read_well() {
        assert_eq!(duration(Lang::En, 1800), "30 min");
        assert_eq!(duration(Lang::En, 7200), "2 h");
        assert_eq!(duration(Lang::Uk, 61), "61 с");
    }
}
