-- When reconciliation saw AWS stop reporting a service's verified private DNS name as verified; null while it is
-- verified (or was never verified). The service shows a warning while this is set, and its owners were told once.
ALTER TABLE service_listing ADD COLUMN private_dns_lost_at timestamptz;
