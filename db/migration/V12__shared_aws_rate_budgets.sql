-- AWS rate budgets per (account, region, action bucket), shared by every Linkport instance (issue 9):
-- together the instances stay within one account's budget, and the rate each budget allows adapts
-- to AWS's throttling answers. Time is microseconds as the instances' clocks tell it.
create table aws_rate_budget (
    account_id       varchar(12)      not null,
    region           varchar(20)      not null,
    bucket           varchar(40)      not null,
    tokens           double precision not null,
    rate             double precision not null,
    refilled_at      bigint           not null,
    calls            bigint           not null,
    throttles        bigint           not null,
    deferrals        bigint           not null,
    deferred_millis  bigint           not null,
    updated_at       timestamptz      not null,
    primary key (account_id, region, bucket)
);

-- Provisioning works through queues per consumer account (create endpoints, follow them) and per
-- service (accept their connections in one call): a request remembers when its provisioning began
-- (for the worker's time budget) and when Linkport asked AWS to accept its connection.
alter table endpoint_request add column provisioning_since timestamptz;
alter table endpoint_request add column accepted_at timestamptz;
create index endpoint_request_account_progress_idx on endpoint_request (consumer_account_id, state)
    where state in ('APPROVED', 'PROVISIONING', 'PENDING_ACCEPTANCE');
create index endpoint_request_listing_acceptance_idx on endpoint_request (listing_id)
    where state = 'PENDING_ACCEPTANCE' and accepted_at is null;

-- The provider's accept and reject decisions wait on the connection until the worker carries out all
-- of a service's decisions together: one AcceptVpcEndpointConnections and one Reject… call.
alter table observed_connection add column requested_decision varchar(10);
alter table observed_connection add constraint observed_connection_decision
    check (requested_decision in ('ACCEPT', 'REJECT'));
create index observed_connection_decision_idx on observed_connection (listing_id) where requested_decision is not null;

-- Reconciliation reads every service's allowed principals within a period, a share of them per run:
-- when each listing's were last read.
create table principal_check (
    listing_id  uuid        primary key references service_listing (id) on delete cascade,
    checked_at  timestamptz not null
);
create index principal_check_time_idx on principal_check (checked_at);
