-- Least privilege in AWS (issue 13): what approving a request lets connect is a setting of each service — the
-- consumer's account (its root, in the region's partition) or one IAM role of that account — and every request
-- remembers the principal Linkport allowed for it, so that the principal goes once the last request needing it ends.
alter table service_listing
    add column principal_mode varchar(10) not null default 'ACCOUNT',
    add constraint service_listing_principal_mode check (principal_mode in ('ACCOUNT', 'ROLE'));

alter table endpoint_request
    -- the role the consumer named for a ROLE service (null: the account's Linkport role)
    add column principal_role_arn varchar(600),
    -- the principal Linkport made the service allow for this request, once provisioning began
    add column allowed_principal varchar(600);

-- Requests provisioned before this change were allowed as their account's root.
update endpoint_request r
   set allowed_principal = 'arn:' || case when r.region like 'cn-%' then 'aws-cn'
                                          when r.region like 'us-gov-%' then 'aws-us-gov'
                                          else 'aws' end
                           || ':iam::' || a.account_id || ':root'
  from aws_account a
 where a.id = r.consumer_account_id
   and r.state in ('PROVISIONING', 'PENDING_ACCEPTANCE', 'AVAILABLE', 'FAILED', 'DELETING', 'DRIFTED');

-- Who still needs a principal: the requests of one service naming it, by state.
create index endpoint_request_allowed_principal_idx on endpoint_request (listing_id, allowed_principal, state)
    where allowed_principal is not null;
