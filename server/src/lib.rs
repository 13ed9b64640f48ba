//! The portal's server: configuration, the database, the HTTP surface (pages, server functions,
//! the `/api/v1` JSON API, downloads) and the services handed to the app.

pub mod auth;
pub mod breach;
pub mod case;
pub mod clock;
pub mod config;
pub mod copy_pdf;
pub mod db;
pub mod files;
pub mod http;
pub mod intake;
pub mod mail;
pub mod nuisance;
pub mod private_files;
pub mod retention;
pub mod tracking;

pub use config::Config;
pub use http::build_router;
