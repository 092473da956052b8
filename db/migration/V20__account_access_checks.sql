-- The last "Test access" of each AWS account: when, by whom, how it ended and a one-line summary.
-- Its own table, so recording a check never bumps the account's version under someone editing it.
create table aws_account_access_check (
    aws_account_id uuid          primary key references aws_account (id) on delete cascade,
    checked_at     timestamptz   not null,
    checked_by     varchar(100)  not null,
    outcome        varchar(16)   not null,
    summary        varchar(1000) not null,
    constraint aws_account_access_check_outcome check (outcome in ('OK', 'FAILED', 'TRY_AGAIN'))
);
