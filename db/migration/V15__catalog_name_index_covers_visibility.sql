-- The catalog without words walks available listings by name and keeps those the caller may see
-- (visibility, owner team): with both in the index it counts the first thousand and picks a page
-- from the index alone, without reading a listing it does not show.
drop index service_listing_available_name_idx;
create index service_listing_available_name_idx on service_listing (name, id) include (visibility, owner_team_id)
    where state = 'AVAILABLE';
