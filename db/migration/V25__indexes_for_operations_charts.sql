-- The Operations page charts the last 24 hours of requests (issue 12): the timeline's moves by when they
-- happened, and decisions by when they were made. Both read only a day's rows through these indexes, however
-- long the history.
create index endpoint_request_transition_occurred_idx on endpoint_request_transition (occurred_at)
    include (to_state, from_state);
create index endpoint_request_decided_idx on endpoint_request (decided_at) include (created_at)
    where decided_at is not null;
