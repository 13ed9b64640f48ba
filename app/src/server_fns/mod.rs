//! Server functions: thin adapters that read the [`Services`](crate::ports::Services) from
//! context, call the domain, and redirect (so the same call serves a plain `<form>` post and an
//! enhanced one).

pub mod breach;
pub mod case;
pub mod casework;
pub mod concern;
#[cfg(feature = "ssr")]
pub mod cookie;
pub mod data_sets;
pub mod form_fields;
pub mod handover;
pub mod helpline;
pub mod intelligence;
pub mod my_work;
pub mod nuisance;
#[cfg(feature = "ssr")]
pub mod refused;
#[cfg(feature = "ssr")]
pub mod session;
pub mod staff;
pub mod tracking;
pub mod uploads;
