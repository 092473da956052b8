-- Reconciliation findings, the last error of background jobs, and in-app notifications (issue 5).

-- What reconciliation found AWS holding differently from Linkport; open until resolved.
create table drift_finding (
    id           uuid primary key,
    kind         varchar(40)  not null,
    listing_id   uuid references service_listing (id) on delete cascade,
    request_id   uuid references endpoint_request (id) on delete cascade,
    subject      varchar(600) not null,
    detail       text         not null,
    found_at     timestamptz  not null,
    last_seen_at timestamptz  not null,
    resolved_at  timestamptz,
    resolved_by  varchar(120)
);
-- one open finding per kind and subject, so repeated runs update rather than duplicate
create unique index drift_finding_open_uq on drift_finding (kind, subject) where resolved_at is null;
create index drift_finding_found_idx on drift_finding (found_at desc);

-- The last failure of a job (db-scheduler keeps only counts): AWS's error, where, how often.
create table job_failure (
    task_name     varchar(100) not null,
    task_instance varchar(100) not null,
    error         text         not null,
    account_id    varchar(12),
    region        varchar(20),
    attempts      int          not null,
    failed_at     timestamptz  not null,
    gave_up       boolean      not null,
    primary key (task_name, task_instance)
);

create table notification (
    id          uuid primary key,
    user_id     uuid          not null references app_user (id) on delete cascade,
    kind        varchar(40)   not null,
    title       varchar(300)  not null,
    body        varchar(2000),
    link        varchar(300),
    created_at  timestamptz   not null,
    read_at     timestamptz
);
create index notification_user_idx on notification (user_id, created_at desc);
create index notification_unread_idx on notification (user_id) where read_at is null;
