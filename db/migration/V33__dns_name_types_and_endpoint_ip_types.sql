-- Issue 14, builds 4 and 5: DNS names by the kind AWS's names show (regional, zonal with its zone, the private
-- name), and the IP address type and DNS record type of each endpoint. Consumer module's own tables only.

alter table endpoint_dns_entry add column name_type varchar(10);
alter table endpoint_dns_entry add column zone_name varchar(64);

-- Names stored so far were kept in AWS's order only; tell them apart by their shape as AWS builds them:
-- vpce-<id>-<suffix>.vpce-svc-... is regional, vpce-<id>-<suffix>-<zone>.vpce-svc-... zonal, anything else private.
update endpoint_dns_entry
   set name_type = case
           when dns_name !~ '\.vpce\.amazonaws\.com' or split_part(dns_name, '.', 1) !~ '^vpce-[0-9a-f]+-' then 'PRIVATE'
           when split_part(dns_name, '.', 1) ~ '^vpce-[0-9a-f]+-[a-z0-9]+-.+$' then 'ZONAL'
           else 'REGIONAL' end,
       zone_name = substring(split_part(dns_name, '.', 1) from '^vpce-[0-9a-f]+-[a-z0-9]+-(.+)$');
update endpoint_dns_entry set zone_name = null where name_type <> 'ZONAL';

alter table endpoint_dns_entry alter column name_type set not null;
alter table endpoint_dns_entry add constraint endpoint_dns_entry_type
    check (name_type in ('REGIONAL', 'ZONAL', 'PRIVATE'));
alter table endpoint_dns_entry add constraint endpoint_dns_entry_zone
    check ((name_type = 'ZONAL') = (zone_name is not null));

alter table endpoint_request add column ip_address_type varchar(10) not null default 'IPV4';
alter table endpoint_request add column dns_record_ip_type varchar(16);
alter table endpoint_request add constraint endpoint_request_ip_address_type
    check (ip_address_type in ('IPV4', 'IPV6', 'DUALSTACK'));
alter table endpoint_request add constraint endpoint_request_dns_record_ip_type
    check (dns_record_ip_type is null or dns_record_ip_type in ('IPV4', 'IPV6', 'DUALSTACK', 'SERVICE_DEFINED'));
