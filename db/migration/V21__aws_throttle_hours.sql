-- How often AWS throttled Linkport, per hour and group of actions (issue 12): the rate limiter adds one per
-- throttling answer, from every instance, so the Operations page can chart the last 24 hours across restarts.
create table aws_throttle_hour (
    hour       timestamptz not null,
    bucket     varchar(40) not null,
    throttles  bigint      not null,
    primary key (hour, bucket)
);
