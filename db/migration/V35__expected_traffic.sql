-- The traffic a consumer expects through a requested endpoint (GB per month), for the cost estimate that
-- requesters and approvers see; null when not given.
alter table endpoint_request add column expected_gb_per_month integer
    check (expected_gb_per_month is null or expected_gb_per_month between 0 and 10000000);
