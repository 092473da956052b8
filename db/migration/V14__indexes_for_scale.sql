-- Indexes for organisational scale (issue 10). Every foreign key gets an index led by its columns, so
-- that deleting or joining a parent row does not scan the child table (SchemaIT checks this stays
-- true). Every filter and sort a query uses gets one too: composite where a query filters and sorts,
-- so the database reads the first page in order instead of sorting every match. An index that a
-- wider one below makes redundant is dropped.

create extension if not exists pg_trgm;

-- Identity ----------------------------------------------------------------------------------------

-- a person's API tokens, newest first
create index api_token_user_created_idx on api_token (user_id, created_at desc);
drop index api_token_user_idx;

-- Catalog -----------------------------------------------------------------------------------------

-- the listings an account provides (foreign key), and reconciliation's listings per account and region
create index service_listing_provider_account_idx on service_listing (provider_account_id, region);
-- a team's services by name (My services), also the owner foreign key's index
create index service_listing_owner_team_name_idx on service_listing (owner_team_id, name, id);
drop index if exists service_listing_owner_idx;
-- the listings a team may see (foreign key; the primary key leads with the listing)
create index service_listing_visible_team_team_idx on service_listing_visible_team (team_id, listing_id);

-- Consumer ----------------------------------------------------------------------------------------

-- a person's requests, newest first (foreign key)
create index endpoint_request_requester_idx on endpoint_request (requester_id, created_at desc);
-- the requests a person decided (foreign key)
create index endpoint_request_decided_by_idx on endpoint_request (decided_by_id, decided_at desc);
-- every request newest first (platform admins' lists)
create index endpoint_request_created_idx on endpoint_request (created_at desc, id);
-- the timeline entries a person caused (foreign key)
create index endpoint_request_transition_actor_idx on endpoint_request_transition (actor_id);

-- Provider ----------------------------------------------------------------------------------------

-- the connection of a request (foreign key; set to null when the request goes)
create index observed_connection_request_idx on observed_connection (request_id);
-- a service's connections, newest first (the Connections page)
create index observed_connection_listing_created_idx
    on observed_connection (listing_id, aws_created_at desc nulls last, vpc_endpoint_id);

-- Worker ------------------------------------------------------------------------------------------

create index drift_finding_listing_idx on drift_finding (listing_id);
create index drift_finding_request_idx on drift_finding (request_id);
-- findings resolve by subject when reconciliation sees it right again
create index drift_finding_open_subject_idx on drift_finding (subject) where resolved_at is null;
-- open findings newest first (Operations)
create index drift_finding_open_found_idx on drift_finding (found_at desc, id) where resolved_at is null;

-- Audit -------------------------------------------------------------------------------------------

-- the log newest first, and the CSV export's keyset (occurred_at, id)
drop index audit_event_time_idx;
create index audit_event_time_idx on audit_event (occurred_at desc, id desc);
-- a team's lines newest first
drop index audit_event_team_idx;
create index audit_event_team_time_idx on audit_event (team_id, occurred_at desc, id desc);
-- the filters match parts of the actor, action and target, ignoring case: trigram indexes serve
-- lower(...) like '%…%' (a b-tree on actor_name served none of them)
drop index audit_event_actor_idx;
create index audit_event_actor_trgm_idx on audit_event using gin (lower(actor_name) gin_trgm_ops);
create index audit_event_action_trgm_idx on audit_event using gin (lower(action) gin_trgm_ops);
create index audit_event_target_label_trgm_idx on audit_event using gin (lower(target_label) gin_trgm_ops);
create index audit_event_target_id_trgm_idx on audit_event using gin (lower(target_id) gin_trgm_ops);
