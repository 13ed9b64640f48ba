//! The pages, one folder per journey.

pub mod about_data;
pub mod breach;
pub mod case;
pub mod casework;
pub mod concern;
pub mod data_sets;
pub mod helpline;
pub mod home;
pub mod info;
pub mod intelligence;
pub mod not_found;
pub mod nuisance;
pub mod staff;
pub mod track;
