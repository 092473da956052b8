-- Issue 14, Build 2: a service says whether changes to its endpoints need approval again (decided like its
-- requests), and a change then waits for that decision before the worker applies it, or ends rejected.
alter table service_listing
    add column change_approval varchar(20) not null default 'NONE',
    add constraint service_listing_change_approval check (change_approval in ('NONE', 'SAME_AS_REQUESTS'));

alter table endpoint_change
    drop constraint endpoint_change_state,
    add constraint endpoint_change_state
        check (state in ('AWAITING_APPROVAL', 'APPLYING', 'DONE', 'FAILED', 'REJECTED')),
    -- who approved or rejected a change that needed approval, when and why
    add column decided_by_id   uuid,
    add column decided_by      varchar(200),
    add column decided_at      timestamptz,
    add column decision_reason varchar(2000);

-- At most one open change of an endpoint: waiting for approval or being applied.
drop index endpoint_change_one_at_a_time;
create unique index endpoint_change_one_open on endpoint_change (request_id)
    where state in ('AWAITING_APPROVAL', 'APPLYING');
-- The approval dashboard's queue of waiting changes, oldest first.
create index endpoint_change_awaiting_idx on endpoint_change (created_at) where state = 'AWAITING_APPROVAL';
