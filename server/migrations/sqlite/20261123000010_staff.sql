-- Staff accounts: one row per person (email in lower case, an argon2id PHC password hash), their
-- roles, their sessions (only a SHA-256 of each session's random token is stored), and failed
-- sign-ins per email address (a SHA-256 of it) for the lockout. Times are Unix seconds.
CREATE TABLE staff (
    id TEXT PRIMARY KEY NOT NULL,
    email TEXT NOT NULL UNIQUE CHECK (email = lower(email)),
    name TEXT NOT NULL,
    password_hash TEXT NOT NULL,
    active BIGINT NOT NULL DEFAULT 1,
    manager_id TEXT REFERENCES staff (id),
    away_until TEXT,
    created_at BIGINT NOT NULL
);
CREATE INDEX staff_manager ON staff (manager_id);

CREATE TABLE staff_roles (
    staff_id TEXT NOT NULL REFERENCES staff (id) ON DELETE CASCADE,
    role TEXT NOT NULL,
    PRIMARY KEY (staff_id, role)
);
CREATE INDEX staff_roles_role ON staff_roles (role);

CREATE TABLE staff_sessions (
    id TEXT PRIMARY KEY NOT NULL,
    staff_id TEXT NOT NULL REFERENCES staff (id) ON DELETE CASCADE,
    created_at BIGINT NOT NULL,
    last_seen_at BIGINT NOT NULL,
    expires_at BIGINT NOT NULL,
    flash TEXT
);
CREATE INDEX staff_sessions_staff ON staff_sessions (staff_id);
CREATE INDEX staff_sessions_expires ON staff_sessions (expires_at);

CREATE TABLE staff_sign_in_failures (
    email_hash TEXT PRIMARY KEY NOT NULL,
    failures BIGINT NOT NULL,
    last_failed_at BIGINT NOT NULL,
    locked_until BIGINT NOT NULL DEFAULT 0
);
