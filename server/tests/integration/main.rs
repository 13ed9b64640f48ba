//! The server's integration tests, in one binary (one link instead of one per file).
//!
//! Every module runs against SQLite by default, or PostgreSQL when `PORTAL_TEST_DATABASE_URL`
//! names a server; `files` needs no database and runs the S3 store against moto.
#![allow(clippy::expect_used, clippy::unwrap_used)]

mod api_hardening;
mod assets;
mod breach_assess;
mod breach_journey;
mod breach_store;
mod cases;
mod casework_case;
mod casework_sift;
mod crash;
mod data_sets;
mod data_sets_facts;
mod data_sets_packs;
mod files;
mod foi_depth;
mod fuzz_mail;
mod helpline;
mod helpline_search;
mod helpline_search_sets;
mod http;
mod intake;
mod language;
mod last_mile_a;
mod last_mile_copies;
mod mail;
mod mail_attachments;
mod my_work;
mod my_work_lists;
mod nuisance_api;
mod nuisance_feed;
mod nuisance_intel;
mod nuisance_journey;
mod nuisance_store;
mod queue_list;
mod queue_list_filters;
mod queue_list_organisations;
mod read_only;
mod requests_intake;
mod retention;
mod scale_out;
mod sign_in_lockout;
mod staff;
mod staff_frame;
mod stall;
mod submission;
mod support;
mod throttles;
mod tls;
mod track_case;
mod upload_refusals;
mod web_hardening;
mod welsh_downloads;
mod welsh_pages;
