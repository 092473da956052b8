-- Changes consumers make to an available endpoint (ModifyVpcEndpoint): what they want, who asked, and how it ended.
-- Null wishes keep what the endpoint has. At most one change of an endpoint is applied at a time.
create table endpoint_change (
    id                  uuid primary key,
    request_id          uuid          not null references endpoint_request (id) on delete cascade,
    requested_by_id     uuid,
    requested_by        varchar(200)  not null,
    subnet_ids          varchar(1000),
    security_group_ids  varchar(1000),
    private_dns_enabled boolean,
    summary             varchar(2000) not null,
    state               varchar(20)   not null,
    outcome             text,
    created_at          timestamptz   not null,
    finished_at         timestamptz,
    version             bigint        not null,
    constraint endpoint_change_state check (state in ('APPLYING', 'DONE', 'FAILED'))
);
create index endpoint_change_request_idx on endpoint_change (request_id, created_at);
create unique index endpoint_change_one_at_a_time on endpoint_change (request_id) where state = 'APPLYING';
