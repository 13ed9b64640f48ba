//! Production hardening at the web edge (issue 16), on SQLite (default) or PostgreSQL
//! (`PORTAL_TEST_DATABASE_URL`): case changes follow the allocation rule, encoded staff paths
//! are refused before any handler, HSTS and `__Host-` cookies behind HTTPS, `no-store` on pages
//! with personal data, private files and folders, and the `public/` files.

mod casework;
mod files;
mod headers;
mod paths;
mod public;
