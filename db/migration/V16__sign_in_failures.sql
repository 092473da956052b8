-- Sign-in throttling shared by every Linkport instance (identity module, LoginAttempts): failed password
-- sign-ins in a row per user name, so that guessing across instances is slowed down as on one. A success
-- deletes the row; rows whose last failure is older than 30 minutes are forgotten (and deleted now and then).
create table sign_in_failure (
    username      varchar(64) primary key, -- as typed, trimmed and in lower case; longer names are never users
    failures      integer     not null check (failures > 0),
    last_failure  timestamptz not null
);
-- forgetting old failures reads by time
create index sign_in_failure_last_failure_idx on sign_in_failure (last_failure);
