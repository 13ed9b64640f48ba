//! A member of staff with an account, as listed and as signed in.

use std::collections::HashMap;

use chrono::NaiveDate;
use serde::{Deserialize, Serialize};

use super::access::{decide, Decision};
use super::Role;

/// A person with a staff account. Never carries the password hash.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct StaffMember {
    pub id: String,
    /// Lower case (see [`super::normalise_email`]).
    pub email: String,
    pub name: String,
    /// In [`Role::all`] order, without repeats.
    pub roles: Vec<Role>,
    pub active: bool,
    /// Their line manager, if recorded.
    pub manager_id: Option<String>,
    /// Away (leave, training) until and including this date.
    pub away_until: Option<NaiveDate>,
}

impl StaffMember {
    /// Whether they hold at least one of `roles`.
    pub fn has_any(&self, roles: &[Role]) -> bool {
        self.roles.iter().any(|role| roles.contains(role))
    }

    /// Whether the access table lets them open `path`.
    pub fn may_open(&self, path: &str) -> bool {
        !matches!(decide(path, Some(&self.roles)), Decision::Forbidden)
    }

    /// Whether they are away on `day` (the day `away_until` names included).
    pub fn is_away_on(&self, day: NaiveDate) -> bool {
        self.away_until.is_some_and(|until| day <= until)
    }
}

/// Whether making `manager` the manager of `id` would make someone their own manager, given
/// everyone's current manager (`managers`: staff id → manager id).
pub fn manager_creates_cycle(
    id: &str,
    manager: Option<&str>,
    managers: &HashMap<String, Option<String>>,
) -> bool {
    let mut current = manager;
    let mut steps = 0;
    while let Some(next) = current {
        if next == id || steps > managers.len() {
            return true;
        }
        steps += 1;
        current = managers.get(next).and_then(|m| m.as_deref());
    }
    false
}
