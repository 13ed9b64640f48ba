//! What the staff pages load, and what a rejected form leaves for the page it came from.

use serde::{Deserialize, Serialize};

use crate::domain::staff::StaffMember;

/// A rejected form post, kept in the staff session for one view of the page it came from: what
/// was typed (never a password) and the message key of each field's problem.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct FormFlash {
    /// The key the refusing post sent back in the `refused` cookie
    /// (`server_fns::refused`): shown only to a request that names it.
    #[serde(default)]
    pub key: String,
    /// Which form: `add`, or `edit:<id>`.
    pub form: String,
    pub values: Vec<(String, String)>,
    /// Field id → i18n key, in page order.
    pub errors: Vec<(String, String)>,
}

impl FormFlash {
    /// What was typed in `name`.
    pub fn value(&self, name: &str) -> Option<String> {
        self.values
            .iter()
            .find(|(field, _)| field == name)
            .map(|(_, value)| value.clone())
    }

    /// Every value typed in `name` (checkboxes).
    pub fn values_of(&self, name: &str) -> Vec<String> {
        self.values
            .iter()
            .filter(|(field, _)| field == name)
            .map(|(_, value)| value.clone())
            .collect()
    }

    /// The message key of the problem with `field`.
    pub fn error(&self, field: &str) -> Option<String> {
        self.errors
            .iter()
            .find(|(id, _)| id == field)
            .map(|(_, key)| key.clone())
    }
}

/// `/staff/users`: everyone with an account.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct StaffListView {
    pub me: StaffMember,
    pub staff: Vec<StaffMember>,
}

/// `/staff/users/new`.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct NewStaffView {
    pub me: StaffMember,
    pub flash: Option<FormFlash>,
}

/// `/staff/users/<id>`: one member, and who could manage them.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct EditStaffView {
    pub me: StaffMember,
    pub member: StaffMember,
    /// (id, name) of every other active member, by name.
    pub managers: Vec<(String, String)>,
    pub flash: Option<FormFlash>,
}
