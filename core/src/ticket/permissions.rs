//! The permission table: who may do what, in which status. The one place
//! where that is written; [`Ticket::apply`](super::Ticket::apply) consults
//! it, `reglament describe` prints it, the tests walk every cell.
//!
//! A cell (role, kind, status) is decided in this order:
//! 1. before registration only `register` is possible (3.2), and `register`
//!    only then;
//! 2. nothing happens in a final status (Archived 3.6, Rejected 3.3);
//! 3. a role the row does not list is refused: Customer Service by 1.3
//!    (read-only), any other role by the row's role clause;
//! 4. a status the role's grant does not list is refused by the row's
//!    status clause.

use crate::model::Role;
use crate::model::Role::{Consultant, CustomerService, Operator, User};
use crate::model::Status::{self, Backlog, Done, InProgress, Release, Sprint};

use super::outcome::RefusalCode;
use super::EventKind;

/// One role's grant on one kind of event: the statuses it may act in.
///
/// # Example
/// ```
/// use reglament::{model::Role, ticket::{permissions::row_of, EventKind}};
/// let g = row_of(EventKind::Accept).grants[0];
/// assert_eq!((g.role, g.statuses.len()), (Role::User, 1));
/// ```
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Grant {
    /// The role.
    pub role: Role,
    /// The statuses in which the role may perform the event (empty for
    /// `register`, which happens before any status).
    pub statuses: &'static [Status],
}

/// One row of the table: an event kind, the clauses that govern it and
/// the grants.
///
/// # Example
/// ```
/// use reglament::ticket::{permissions::row_of, EventKind};
/// let p = row_of(EventKind::Complete);
/// assert_eq!((p.role_clause, p.status_clause), ("2", "3.2"));
/// ```
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Permission {
    /// The event kind.
    pub kind: EventKind,
    /// The clause cited when a role is not allowed at all.
    pub role_clause: &'static str,
    /// The clause cited when the status is not allowed.
    pub status_clause: &'static str,
    /// The roles allowed, each with its statuses.
    pub grants: &'static [Grant],
}

const fn g(role: Role, statuses: &'static [Status]) -> Grant {
    Grant { role, statuses }
}

const fn row(
    kind: EventKind,
    role_clause: &'static str,
    status_clause: &'static str,
    grants: &'static [Grant],
) -> Permission {
    Permission {
        kind,
        role_clause,
        status_clause,
        grants,
    }
}

/// Registered and not yet delivered.
const OPEN: &[Status] = &[Backlog, Sprint, InProgress, Done];
/// Registered, work not finished.
const ACTIVE: &[Status] = &[Backlog, Sprint, InProgress];
/// Registered and not closed.
const LIVE: &[Status] = &[Backlog, Sprint, InProgress, Done, Release];

/// The table, one row per event kind, in the order of [`EventKind::ALL`].
///
/// # Example
/// ```
/// use reglament::model::{Role, Status};
/// use reglament::ticket::{permissions::PERMISSIONS, EventKind};
/// let start = PERMISSIONS.iter().find(|p| p.kind == EventKind::StartWork).unwrap();
/// assert_eq!(start.grants.len(), 1);
/// assert_eq!(start.grants[0].role, Role::Consultant);
/// assert_eq!(start.grants[0].statuses, &[Status::Backlog, Status::Sprint]);
/// ```
pub const PERMISSIONS: &[Permission] = &[
    // 3.2: Backlog is assigned on creation by the operator or the user.
    row(
        EventKind::Register,
        "3.2",
        "3.2",
        &[g(Operator, &[]), g(User, &[])],
    ),
    // 3.3: the operator sets the category.
    row(EventKind::Classify, "3.3", "3.3", &[g(Operator, OPEN)]),
    // 3.3: the operator may change the user's priority; 3.5.1: so may the consultant.
    row(
        EventKind::ChangePriority,
        "3.3",
        "3.3",
        &[g(Operator, OPEN), g(Consultant, OPEN)],
    ),
    // 3.3: the operator may reject an incorrectly filled request.
    row(EventKind::Reject, "3.3", "3.3", &[g(Operator, &[Backlog])]),
    // 3.3, 3.5.1: the operator and the consultant may ask the user for details.
    row(
        EventKind::AskUser,
        "3.3",
        "3.3",
        &[g(Operator, ACTIVE), g(Consultant, ACTIVE)],
    ),
    // The user answers in the tracker, or staff record an answer given by phone.
    row(
        EventKind::UserAnswer,
        "3.3",
        "3.3",
        &[g(User, OPEN), g(Operator, OPEN), g(Consultant, OPEN)],
    ),
    // 3.4: the operator keeps the user informed; 3.5.1: the consultant answers in the request.
    row(
        EventKind::Reply,
        "3.4",
        "3.4",
        &[g(Operator, LIVE), g(Consultant, LIVE)],
    ),
    // 3.2: Sprint when taken into the two-week plan (incidents that need a
    // programmer): from Backlog, or by the consultant who finds that out while studying it.
    row(
        EventKind::PlanSprint,
        "3.2",
        "3.2",
        &[
            g(Operator, &[Backlog]),
            g(Consultant, &[Backlog, InProgress]),
        ],
    ),
    // 3.5.1: the consultant moves the request to In progress.
    row(
        EventKind::StartWork,
        "3.5.1",
        "3.5.1",
        &[g(Consultant, &[Backlog, Sprint])],
    ),
    // 3.4, 3.5.1: operator or consultant e-mails the customer for permission.
    row(
        EventKind::RequestApproval,
        "3.4",
        "3.4",
        &[g(Operator, OPEN), g(Consultant, OPEN)],
    ),
    // 3.4: the customer's decision, by e-mail.
    row(
        EventKind::Approve,
        "3.4",
        "3.4",
        &[g(CustomerService, OPEN)],
    ),
    row(
        EventKind::RefuseApproval,
        "3.4",
        "3.4",
        &[g(CustomerService, OPEN)],
    ),
    // 3.4, 3.5.1, 4: the work itself.
    row(
        EventKind::PerformAction,
        "3.4",
        "3.4",
        &[g(Operator, OPEN), g(Consultant, OPEN)],
    ),
    // 3.5.1: the deadline may be extended only with Customer Service's agreement.
    row(
        EventKind::ExtendDeadline,
        "3.5.1",
        "3.5.1",
        &[g(CustomerService, OPEN)],
    ),
    // 2: the second tier finishes the work it took; 3.2: Done after In progress.
    row(
        EventKind::Complete,
        "2",
        "3.2",
        &[g(Consultant, &[InProgress])],
    ),
    // 3.6: whoever did the work sets Release: the operator on what he solved
    // himself (from Backlog) or on delivering finished work, the consultant on his.
    row(
        EventKind::Release,
        "3.6",
        "3.6",
        &[
            g(Operator, &[Backlog, Done]),
            g(Consultant, &[InProgress, Done]),
        ],
    ),
    // 3.6: the user reports dissatisfaction; work resumes.
    row(
        EventKind::Reopen,
        "3.6",
        "3.6",
        &[
            g(User, &[Release]),
            g(Operator, &[Release]),
            g(Consultant, &[Release]),
        ],
    ),
    // 3.6: the user is satisfied.
    row(EventKind::Accept, "3.6", "3.6", &[g(User, &[Release])]),
    // 3.6: the request is archived from Release.
    row(
        EventKind::Archive,
        "3.6",
        "3.6",
        &[g(Operator, &[Release]), g(Consultant, &[Release])],
    ),
    // 1.3: the tracker; Customer Service only reads it.
    row(
        EventKind::Comment,
        "1.3",
        "1.3",
        &[g(User, LIVE), g(Operator, LIVE), g(Consultant, LIVE)],
    ),
    // DESIGN §7 (a rule of §2's kind, the seed is silent): support staff
    // pause the clocks for a declared reason and lift it while the request
    // is worked on; Release already stops the clocks, terminal statuses take nothing.
    row(
        EventKind::Pause,
        "§2",
        "§2",
        &[g(Operator, OPEN), g(Consultant, OPEN)],
    ),
    row(
        EventKind::Resume,
        "§2",
        "§2",
        &[g(Operator, OPEN), g(Consultant, OPEN)],
    ),
];

/// The row of `kind`.
///
/// # Example
/// ```
/// use reglament::ticket::{permissions::row_of, EventKind};
/// assert_eq!(row_of(EventKind::Archive).status_clause, "3.6");
/// ```
pub fn row_of(kind: EventKind) -> &'static Permission {
    // every kind has its row (a test walks them); were one missing, the
    // answer would grant nothing
    const NOTHING: Permission = row(EventKind::Comment, "1.3", "1.3", &[]);
    PERMISSIONS
        .iter()
        .find(|p| p.kind == kind)
        .unwrap_or(&NOTHING)
}

/// Why a cell is closed: the clause and the code.
///
/// # Example
/// ```
/// use reglament::{model::{Role, Status}, ticket::{permissions::check, EventKind, RefusalCode}};
/// let d = check(Role::User, EventKind::Comment, Some(Status::Archived)).unwrap_err();
/// assert_eq!((d.clause, d.code), ("3.6", RefusalCode::TerminalStatus));
/// ```
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Denial {
    /// The clause cited.
    pub clause: &'static str,
    /// The refusal code.
    pub code: RefusalCode,
}

/// Decides one cell of the table: may `role` perform `kind` when the
/// request is in `status` (`None` before registration)?
///
/// # Example
/// ```
/// use reglament::model::{Role, Status};
/// use reglament::ticket::{permissions::check, EventKind, RefusalCode};
/// assert!(check(Role::Consultant, EventKind::StartWork, Some(Status::Sprint)).is_ok());
/// let d = check(Role::CustomerService, EventKind::Comment, Some(Status::Backlog)).unwrap_err();
/// assert_eq!((d.clause, d.code), ("1.3", RefusalCode::ReadOnly));
/// let d = check(Role::Operator, EventKind::StartWork, Some(Status::Backlog)).unwrap_err();
/// assert_eq!((d.clause, d.code), ("3.5.1", RefusalCode::RoleNotAllowed));
/// ```
pub fn check(role: Role, kind: EventKind, status: Option<Status>) -> Result<(), Denial> {
    let row = row_of(kind);
    let status = match (status, kind) {
        (None, EventKind::Register) => None,
        (None, _) => {
            return Err(Denial {
                clause: "3.2",
                code: RefusalCode::NotRegistered,
            })
        }
        (Some(_), EventKind::Register) => {
            return Err(Denial {
                clause: "3.2",
                code: RefusalCode::AlreadyRegistered,
            })
        }
        (Some(s), _) => Some(s),
    };
    if let Some(s) = status.filter(|s| s.is_terminal()) {
        let clause = if s == Status::Archived { "3.6" } else { "3.3" };
        return Err(Denial {
            clause,
            code: RefusalCode::TerminalStatus,
        });
    }
    let Some(grant) = row.grants.iter().find(|g| g.role == role) else {
        return Err(if role == CustomerService {
            Denial {
                clause: "1.3",
                code: RefusalCode::ReadOnly,
            }
        } else {
            Denial {
                clause: row.role_clause,
                code: RefusalCode::RoleNotAllowed,
            }
        });
    };
    match status {
        Some(s) if !grant.statuses.contains(&s) => Err(Denial {
            clause: row.status_clause,
            code: RefusalCode::WrongStatus,
        }),
        _ => Ok(()),
    }
}

/// The roles allowed to perform `kind`.
///
/// # Example
/// ```
/// use reglament::{model::Role, ticket::{permissions::roles_for, EventKind}};
/// assert_eq!(roles_for(EventKind::Accept).collect::<Vec<_>>(), [Role::User]);
/// ```
pub fn roles_for(kind: EventKind) -> impl Iterator<Item = Role> {
    row_of(kind).grants.iter().map(|g| g.role)
}

/// The statuses in which `role` may perform `kind` (empty when never, or
/// for `register`).
///
/// # Example
/// ```
/// use reglament::{model::{Role, Status}, ticket::{permissions::statuses_for, EventKind}};
/// assert_eq!(statuses_for(Role::Operator, EventKind::Reject), &[Status::Backlog]);
/// assert!(statuses_for(Role::User, EventKind::Reject).is_empty());
/// ```
pub fn statuses_for(role: Role, kind: EventKind) -> &'static [Status] {
    row_of(kind)
        .grants
        .iter()
        .find(|g| g.role == role)
        .map(|g| g.statuses)
        .unwrap_or(&[])
}

/// The status an accepted event of `kind` moves the request to, when the
/// kind fixes one: the transitions of clauses 3.2–3.6 beside the table
/// that says who may make them. `reopen` names its target in the event
/// (Sprint or In progress, 3.6); the other kinds leave the status as it is.
///
/// # Example
/// ```
/// use reglament::{model::Status, ticket::{permissions::moves_to, EventKind}};
/// assert_eq!(moves_to(EventKind::Release), Some(Status::Release));
/// assert_eq!(moves_to(EventKind::Accept), Some(Status::Archived));
/// assert_eq!(moves_to(EventKind::Comment), None);
/// ```
pub fn moves_to(kind: EventKind) -> Option<Status> {
    match kind {
        EventKind::Register => Some(Backlog),
        EventKind::Reject => Some(Status::Rejected),
        EventKind::PlanSprint => Some(Sprint),
        EventKind::StartWork => Some(InProgress),
        EventKind::Complete => Some(Done),
        EventKind::Release => Some(Release),
        // 3.6 (DESIGN §2, §5): the user's acceptance archives at once
        EventKind::Accept | EventKind::Archive => Some(Status::Archived),
        _ => None,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn rows_follow_the_order_of_kinds() {
        assert_eq!(PERMISSIONS.len(), EventKind::ALL.len());
        for (row, kind) in PERMISSIONS.iter().zip(EventKind::ALL) {
            assert_eq!(row.kind, *kind);
            let mut roles: Vec<_> = row.grants.iter().map(|g| g.role).collect();
            roles.dedup();
            assert_eq!(
                roles.len(),
                row.grants.len(),
                "a role granted twice in {kind}"
            );
        }
    }

    /// The table written out by hand, cell by cell, as the regulation reads:
    /// a change to the table must change this too.
    #[test]
    fn the_table_is_the_one_we_agreed() {
        let code = |s: &Status| match s {
            Backlog => "B",
            Sprint => "S",
            InProgress => "P",
            Done => "D",
            Release => "R",
            Status::Rejected => "X",
            Status::Archived => "A",
        };
        let mut rendered = String::new();
        for row in PERMISSIONS {
            rendered.push_str(row.kind.code());
            for g in row.grants {
                let sts: String = g.statuses.iter().map(code).collect();
                rendered.push_str(&format!(
                    " {}:{}",
                    g.role.code(),
                    if sts.is_empty() { "-" } else { &sts }
                ));
            }
            rendered.push('\n');
        }
        let expected = "\
register operator:- user:-
classify operator:BSPD
change_priority operator:BSPD consultant:BSPD
reject operator:B
ask_user operator:BSP consultant:BSP
user_answer user:BSPD operator:BSPD consultant:BSPD
reply operator:BSPDR consultant:BSPDR
plan_sprint operator:B consultant:BP
start_work consultant:BS
request_approval operator:BSPD consultant:BSPD
approve customer_service:BSPD
refuse_approval customer_service:BSPD
perform_action operator:BSPD consultant:BSPD
extend_deadline customer_service:BSPD
complete consultant:P
release operator:BD consultant:PD
reopen user:R operator:R consultant:R
accept user:R
archive operator:R consultant:R
comment user:BSPDR operator:BSPDR consultant:BSPDR
pause operator:BSPD consultant:BSPD
resume operator:BSPD consultant:BSPD
";
        assert_eq!(rendered, expected);
    }

    #[test]
    fn customer_service_only_decides_approvals_and_extensions() {
        for kind in EventKind::ALL {
            let allowed = check(CustomerService, *kind, Some(Backlog)).is_ok();
            let expected = matches!(
                kind,
                EventKind::Approve | EventKind::RefuseApproval | EventKind::ExtendDeadline
            );
            assert_eq!(allowed, expected, "{kind}");
        }
    }

    #[test]
    fn nothing_happens_in_final_statuses() {
        for role in Role::ALL {
            for kind in EventKind::ALL {
                for s in [Status::Archived, Status::Rejected] {
                    let d = check(*role, *kind, Some(s)).unwrap_err();
                    if *kind != EventKind::Register {
                        assert_eq!(d.code, RefusalCode::TerminalStatus);
                    }
                }
            }
        }
    }

    #[test]
    fn only_register_comes_first() {
        for role in Role::ALL {
            for kind in EventKind::ALL {
                let r = check(*role, *kind, None);
                match kind {
                    EventKind::Register if matches!(role, Operator | User) => assert!(r.is_ok()),
                    EventKind::Register => assert!(r.is_err()),
                    _ => assert_eq!(r.unwrap_err().code, RefusalCode::NotRegistered),
                }
            }
        }
    }
}
