-- Personal API tokens for the REST API: shown once, stored as a SHA-256 hash, revocable.
create table api_token (
    id            uuid primary key,
    user_id       uuid         not null references app_user (id) on delete cascade,
    name          varchar(80)  not null,
    token_hash    varchar(64)  not null,
    token_prefix  varchar(16)  not null,
    created_at    timestamptz  not null,
    last_used_at  timestamptz,
    revoked_at    timestamptz,
    version       bigint       not null,
    constraint api_token_hash_uq unique (token_hash)
);
create index api_token_user_idx on api_token (user_id);
