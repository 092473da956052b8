-- One open request or endpoint per service and VPC (account and region): the service layer refuses a second one
-- with a link to the first; this index closes the race of two submissions at the same moment. Requests that were
-- rejected, cancelled, failed or deleted free the VPC.
-- Duplicates made before this rule are marked, oldest kept, so that the index can be built; they stay as they are.
alter table endpoint_request add column duplicate_before_v30 boolean not null default false;

update endpoint_request r set duplicate_before_v30 = true
where r.state not in ('REJECTED', 'CANCELLED', 'FAILED', 'DELETED')
  and exists (select 1 from endpoint_request o
              where o.listing_id = r.listing_id and o.consumer_account_id = r.consumer_account_id
                and o.region = r.region and o.vpc_id = r.vpc_id
                and o.state not in ('REJECTED', 'CANCELLED', 'FAILED', 'DELETED')
                and (o.created_at, o.id) < (r.created_at, r.id));

create unique index endpoint_request_one_per_vpc_uq
    on endpoint_request (listing_id, consumer_account_id, region, vpc_id)
    where state not in ('REJECTED', 'CANCELLED', 'FAILED', 'DELETED') and not duplicate_before_v30;
