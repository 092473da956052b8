-- API tokens get scopes (what a token may be used for) and an expiry.
-- Tokens that exist before this migration keep working as they did: all scopes (they could do
-- everything their user could), and they expire 90 days after they were created, the new default
-- lifetime, but not sooner than 14 days after the upgrade, so that scripts using an old token are
-- not cut off without notice; the token page shows when each expires.
alter table api_token add column scopes varchar(100);
alter table api_token add column expires_at timestamptz;
update api_token
   set scopes = 'read,request,provide,decide,admin',
       expires_at = greatest(created_at + interval '90 days', now() + interval '14 days');
alter table api_token alter column scopes set not null;
alter table api_token alter column expires_at set not null;
