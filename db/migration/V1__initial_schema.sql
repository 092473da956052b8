-- Linkport's initial schema: identity (users, teams, memberships, AWS accounts), the catalog of
-- service listings, allowed principals, endpoint requests with their transitions, connections
-- observed in AWS, the append-only audit log, and db-scheduler's job table.
-- Every mutable aggregate carries a version column for optimistic locking.

-- Identity ---------------------------------------------------------------------------------------

create table app_user (
    id              uuid primary key,
    username        varchar(64)  not null,
    display_name    varchar(120) not null,
    email           varchar(254),
    password_hash   varchar(100),            -- null for users who sign in through OIDC only
    platform_admin  boolean      not null default false,
    enabled         boolean      not null default true,
    created_at      timestamptz  not null,
    version         bigint       not null,
    constraint app_user_username_format check (username ~ '^[a-z0-9][a-z0-9._-]{1,63}$')
);
create unique index app_user_username_uq on app_user (lower(username));

create table team (
    id            uuid primary key,
    name          varchar(40)  not null,
    display_name  varchar(120) not null,
    description   varchar(1000),
    provider      boolean      not null default false,   -- offers services (shows approvals)
    created_at    timestamptz  not null,
    version       bigint       not null,
    constraint team_name_format check (name ~ '^[a-z][a-z0-9-]{1,39}$')
);
create unique index team_name_uq on team (name);

create table team_membership (
    id          uuid primary key,
    team_id     uuid        not null references team (id) on delete cascade,
    user_id     uuid        not null references app_user (id) on delete cascade,
    role        varchar(16) not null,
    created_at  timestamptz not null,
    version     bigint      not null,
    constraint team_membership_role check (role in ('OWNER', 'MEMBER')),
    constraint team_membership_uq unique (team_id, user_id)
);
create index team_membership_user_idx on team_membership (user_id);

create table aws_account (
    id            uuid primary key,
    team_id       uuid         not null references team (id),
    account_id    varchar(12)  not null,
    display_name  varchar(80)  not null,
    role_arn      varchar(600) not null,
    external_id   varchar(64)  not null,
    created_at    timestamptz  not null,
    version       bigint       not null,
    constraint aws_account_id_format check (account_id ~ '^[0-9]{12}$'),
    constraint aws_account_account_id_uq unique (account_id),
    constraint aws_account_external_id_uq unique (external_id)
);
create index aws_account_team_idx on aws_account (team_id);

create table aws_account_region (
    aws_account_id  uuid        not null references aws_account (id) on delete cascade,
    region          varchar(20) not null,
    primary key (aws_account_id, region)
);

-- Catalog ----------------------------------------------------------------------------------------

create table service_listing (
    id                          uuid primary key,
    owner_team_id               uuid          not null references team (id),
    provider_account_id         uuid          not null references aws_account (id),
    region                      varchar(20)   not null,
    name                        varchar(80)   not null,
    summary                     varchar(200)  not null,
    description                 text,
    documentation_url           varchar(500),
    support_contact             varchar(200),
    ports                       varchar(200),
    protocol                    varchar(10)   not null default 'TCP',
    acceptance_required         boolean       not null default true,
    approval_policy             varchar(16)   not null,
    visibility                  varchar(16)   not null default 'ALL_TEAMS',
    private_dns_name            varchar(253),
    private_dns_state           varchar(32),
    private_dns_txt_name        varchar(253),
    private_dns_txt_value       varchar(255),
    state                       varchar(16)   not null,
    aws_service_id              varchar(40),
    aws_service_name            varchar(120),
    failure_reason              text,
    created_at                  timestamptz   not null,
    updated_at                  timestamptz   not null,
    version                     bigint        not null,
    constraint service_listing_policy check (approval_policy in ('AUTO', 'PROVIDER', 'ADMIN')),
    constraint service_listing_visibility check (visibility in ('ALL_TEAMS', 'SELECTED_TEAMS')),
    constraint service_listing_state check (state in ('DRAFT', 'PUBLISHING', 'AVAILABLE', 'FAILED', 'RETIRING', 'RETIRED')),
    constraint service_listing_aws_service_id_uq unique (aws_service_id)
);
create index service_listing_owner_idx on service_listing (owner_team_id);
create index service_listing_state_idx on service_listing (state);

create table service_listing_tag (
    listing_id  uuid        not null references service_listing (id) on delete cascade,
    tag         varchar(40) not null,
    primary key (listing_id, tag)
);
create index service_listing_tag_tag_idx on service_listing_tag (tag);

create table service_listing_load_balancer (
    listing_id          uuid         not null references service_listing (id) on delete cascade,
    load_balancer_arn   varchar(400) not null,
    primary key (listing_id, load_balancer_arn)
);

create table service_listing_az (
    listing_id            uuid        not null references service_listing (id) on delete cascade,
    availability_zone_id  varchar(20) not null,
    primary key (listing_id, availability_zone_id)
);

create table service_listing_supported_region (
    listing_id  uuid        not null references service_listing (id) on delete cascade,
    region      varchar(20) not null,
    primary key (listing_id, region)
);

create table service_listing_ip_type (
    listing_id       uuid        not null references service_listing (id) on delete cascade,
    ip_address_type  varchar(10) not null,
    primary key (listing_id, ip_address_type)
);

create table service_listing_visible_team (
    listing_id  uuid not null references service_listing (id) on delete cascade,
    team_id     uuid not null references team (id) on delete cascade,
    primary key (listing_id, team_id)
);

-- Provider side ----------------------------------------------------------------------------------

create table allowed_principal (
    id           uuid primary key,
    listing_id   uuid         not null references service_listing (id) on delete cascade,
    arn          varchar(600) not null,
    source       varchar(16)  not null,
    sync_state   varchar(16)  not null,
    last_error   text,
    created_at   timestamptz  not null,
    updated_at   timestamptz  not null,
    version      bigint       not null,
    constraint allowed_principal_source check (source in ('MANUAL', 'APPROVAL', 'OBSERVED')),
    constraint allowed_principal_sync check (sync_state in ('PENDING_ADD', 'IN_SYNC', 'PENDING_REMOVE', 'FAILED', 'DRIFTED')),
    constraint allowed_principal_uq unique (listing_id, arn)
);

-- Consumer side ----------------------------------------------------------------------------------

create table endpoint_request (
    id                   uuid primary key,
    listing_id           uuid          not null references service_listing (id),
    consumer_account_id  uuid          not null references aws_account (id),
    requester_id         uuid          not null references app_user (id),
    region               varchar(20)   not null,
    vpc_id               varchar(30)   not null,
    private_dns_enabled  boolean       not null default false,
    justification        varchar(2000) not null,
    state                varchar(20)   not null,
    vpc_endpoint_id      varchar(30),
    failure_reason       text,
    decided_by_id        uuid references app_user (id),
    decided_at           timestamptz,
    decision_reason      varchar(2000),
    created_at           timestamptz   not null,
    updated_at           timestamptz   not null,
    version              bigint        not null,
    constraint endpoint_request_state check (state in ('SUBMITTED', 'APPROVED', 'REJECTED', 'CANCELLED',
        'PROVISIONING', 'PENDING_ACCEPTANCE', 'AVAILABLE', 'FAILED', 'DELETING', 'DELETED', 'DRIFTED'))
);
create index endpoint_request_listing_idx on endpoint_request (listing_id, state);
create index endpoint_request_account_idx on endpoint_request (consumer_account_id, state);
create index endpoint_request_state_idx on endpoint_request (state, created_at);
create unique index endpoint_request_vpce_uq on endpoint_request (vpc_endpoint_id) where vpc_endpoint_id is not null;

create table endpoint_request_subnet (
    request_id  uuid        not null references endpoint_request (id) on delete cascade,
    subnet_id   varchar(30) not null,
    primary key (request_id, subnet_id)
);

create table endpoint_request_security_group (
    request_id  uuid        not null references endpoint_request (id) on delete cascade,
    group_id    varchar(30) not null,
    primary key (request_id, group_id)
);

create table endpoint_dns_entry (
    request_id      uuid         not null references endpoint_request (id) on delete cascade,
    position        int          not null,
    dns_name        varchar(300) not null,
    hosted_zone_id  varchar(40),
    primary key (request_id, position)
);

-- Every state change of a request: the timeline. Append-only.
create table endpoint_request_transition (
    id           bigint generated always as identity primary key,
    request_id   uuid         not null references endpoint_request (id) on delete cascade,
    from_state   varchar(20),
    to_state     varchar(20)  not null,
    actor_id     uuid references app_user (id),
    actor_name   varchar(120) not null,
    reason       text,
    occurred_at  timestamptz  not null
);
create index endpoint_request_transition_request_idx on endpoint_request_transition (request_id, occurred_at);

-- Connections to a service as AWS reports them, including ones made outside Linkport.
create table observed_connection (
    id                 uuid primary key,
    listing_id         uuid         not null references service_listing (id) on delete cascade,
    vpc_endpoint_id    varchar(30)  not null,
    owner_account_id   varchar(12)  not null,
    state              varchar(30)  not null,
    aws_created_at     timestamptz,
    request_id         uuid references endpoint_request (id) on delete set null,
    first_seen_at      timestamptz  not null,
    last_seen_at       timestamptz  not null,
    version            bigint       not null,
    constraint observed_connection_uq unique (listing_id, vpc_endpoint_id)
);

-- Audit ------------------------------------------------------------------------------------------

create table audit_event (
    id            bigint generated always as identity primary key,
    occurred_at   timestamptz  not null,
    actor_id      uuid,
    actor_name    varchar(120) not null,
    action        varchar(60)  not null,
    target_type   varchar(40)  not null,
    target_id     varchar(80)  not null,
    target_label  varchar(300),
    team_id       uuid,
    before_value  text,
    after_value   text,
    reason        text
);
create index audit_event_time_idx on audit_event (occurred_at desc);
create index audit_event_target_idx on audit_event (target_type, target_id);
create index audit_event_actor_idx on audit_event (actor_name);
create index audit_event_team_idx on audit_event (team_id);

-- The audit log is append-only: the database itself refuses updates and deletes.
create function audit_event_is_append_only() returns trigger language plpgsql as $$
begin
    raise exception 'audit_event is append-only';
end;
$$;
create trigger audit_event_no_update before update or delete on audit_event
    for each row execute function audit_event_is_append_only();

-- db-scheduler (16.7.0) ------------------------------------------------------------------------

create table scheduled_tasks (
    task_name             text                     not null,
    task_instance         text                     not null,
    task_data             bytea,
    execution_time        timestamp with time zone not null,
    picked                boolean                  not null,
    picked_by             text,
    last_success          timestamp with time zone,
    last_failure          timestamp with time zone,
    consecutive_failures  int,
    last_heartbeat        timestamp with time zone,
    version               bigint                   not null,
    priority              smallint,
    primary key (task_name, task_instance)
);
create index execution_time_idx on scheduled_tasks (execution_time);
create index last_heartbeat_idx on scheduled_tasks (last_heartbeat);
create index priority_execution_time_idx on scheduled_tasks (priority desc, execution_time asc);
