-- Notifications that reach people (issue 12): e-mail and team webhooks, each sent by a job with retries and
-- recorded in a delivery log; per-person choices of events and channels; reminders and escalations, once each.
-- The notification module owns these tables; user, team and request ids are other modules' and carry no
-- foreign keys (modules own their data).

-- A person's choice for one kind of event; a kind without a row uses NotificationKind's defaults.
create table notification_preference (
    user_id  uuid        not null,
    kind     varchar(40) not null,
    in_app   boolean     not null,
    email    boolean     not null,
    primary key (user_id, kind)
);

-- Where a team's events go besides its members: a chat (Slack-compatible) or any HTTPS endpoint (generic JSON).
-- The secret signs every body (HMAC-SHA256); it is shown once, when the webhook is added.
create table team_webhook (
    id          uuid primary key,
    team_id     uuid          not null,
    name        varchar(80)   not null,
    url         varchar(2000) not null,
    format      varchar(20)   not null,
    secret      varchar(100)  not null,
    created_by  uuid          not null,
    created_at  timestamptz   not null
);
create index team_webhook_team_idx on team_webhook (team_id, created_at);

-- One message to one target (an e-mail address or a webhook) and what became of it.
create table notification_delivery (
    id            uuid primary key,
    channel       varchar(20)   not null,
    target        varchar(2000) not null,
    webhook_id    uuid,
    user_id       uuid,
    kind          varchar(40)   not null,
    title         varchar(300)  not null,
    body          varchar(2000),
    link          varchar(300),
    request_id    uuid,
    listing_id    uuid,
    team_id       uuid,
    occurred_at   timestamptz   not null,
    status        varchar(20)   not null,
    attempts      integer       not null default 0,
    last_status   varchar(200),
    last_error    varchar(2000),
    last_attempt_at timestamptz,
    delivered_at  timestamptz
);
create index notification_delivery_newest_idx on notification_delivery (occurred_at desc, id);

-- Reminders and escalations already sent, so that each happens at most once per request, whichever
-- instance runs the check.
create table notification_reminder (
    request_id  uuid        not null,
    stage       varchar(20) not null,
    sent_at     timestamptz not null,
    primary key (request_id, stage)
);
