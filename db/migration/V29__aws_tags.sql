-- The tags AWS holds on the endpoint service / interface endpoint Linkport created, as last read from AWS
-- (JSON object, key to value); null until Linkport has created or read the resource.
ALTER TABLE service_listing ADD COLUMN aws_tags text;
ALTER TABLE endpoint_request ADD COLUMN aws_tags text;
