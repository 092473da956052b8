-- Modules own their data (issue 8): no module reads another's tables any more, so the few facts a
-- module needs about another's rows are copied in when its own row is created. Both are facts that
-- never change afterwards (team names and an account's team are fixed once created).

-- The catalog searches and shows the owner team's name without reading identity's team table.
alter table service_listing add column owner_team_name varchar(40);
update service_listing l set owner_team_name = t.name from team t where t.id = l.owner_team_id;
alter table service_listing alter column owner_team_name set not null;
create index service_listing_owner_name_idx on service_listing (owner_team_name);

-- Endpoint requests are listed per consumer team without joining identity's aws_account table.
alter table endpoint_request add column consumer_team_id uuid;
update endpoint_request r set consumer_team_id = a.team_id from aws_account a where a.id = r.consumer_account_id;
alter table endpoint_request alter column consumer_team_id set not null;
create index endpoint_request_consumer_team_idx on endpoint_request (consumer_team_id, created_at desc);

-- Spring Modulith's event publication registry (schema v2 for PostgreSQL, as shipped in
-- spring-modulith-events-jdbc 2.0.3): events between modules are stored in the transaction that
-- publishes them and marked complete once their listener has run, so none is lost in a crash.
create table event_publication (
    id                     uuid                     not null primary key,
    listener_id            text                     not null,
    event_type             text                     not null,
    serialized_event       text                     not null,
    publication_date       timestamp with time zone not null,
    completion_date        timestamp with time zone,
    status                 text,
    completion_attempts    int,
    last_resubmission_date timestamp with time zone
);
create index event_publication_serialized_event_hash_idx on event_publication using hash (serialized_event);
create index event_publication_by_completion_date_idx on event_publication (completion_date);
