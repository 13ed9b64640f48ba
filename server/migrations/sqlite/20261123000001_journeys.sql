-- A person's way through the concerns assistant, under the random id in their cookie.
CREATE TABLE journeys (
    id TEXT PRIMARY KEY NOT NULL,
    data TEXT NOT NULL,
    updated_at BIGINT NOT NULL
);
CREATE INDEX journeys_updated_at ON journeys (updated_at);
