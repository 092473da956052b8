-- Sign-in throttling counts failures per user name from one client address, per client address across user names,
-- and per user name across addresses (identity module, LoginAttempts), so that failures from one address do not slow
-- the same user down from another, and nobody can lock a user out. The key names its kind:
--   'ua:<address> <user name>', 'a:<address>', 'u:<user name>'
-- Failures counted by user name alone before are forgotten (they are at most 30 minutes old anyway).
delete from sign_in_failure;
alter table sign_in_failure rename column username to throttle_key;
alter table sign_in_failure alter column throttle_key type varchar(140);
