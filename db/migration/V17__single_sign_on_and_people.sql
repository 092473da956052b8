-- Single sign-on: a user created by an OpenID Connect sign-in is known by its provider's issuer and subject (never by
-- user name, so an identity provider cannot take over a local user who happens to have the same name).
alter table app_user
    add column oidc_issuer  varchar(500),
    add column oidc_subject varchar(255),
    add constraint app_user_oidc_both check ((oidc_issuer is null) = (oidc_subject is null));
create unique index app_user_oidc_uq on app_user (oidc_issuer, oidc_subject) where oidc_subject is not null;

-- Who granted a membership: MANUAL (added in the Teams page or the API) or SSO (follows the identity provider's
-- groups at every sign-in). Sign-in changes only SSO memberships; the Teams page does not change SSO ones.
alter table team_membership
    add column source    varchar(8)   not null default 'MANUAL',
    add column sso_group varchar(400),
    add constraint team_membership_source check (source in ('MANUAL', 'SSO'));
