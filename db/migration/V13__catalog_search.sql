-- Catalog search: a weighted full-text document per listing (name A; tags and owner team B; summary C;
-- description D) and one of the name alone, the tag and reachable-region arrays that filters and facets read without joins, and
-- a lexicon of the words in names and tags for typo tolerance (pg_trgm). Triggers keep all three true
-- whatever writes the listing or its tags and supported regions.

create extension if not exists pg_trgm;

alter table service_listing
    add column search_document   tsvector,
    add column name_document     tsvector,
    add column tag_list          text[] not null default '{}',
    add column reachable_regions text[] not null default '{}';

-- Words of names and tags (letters only, three or more), lower case and unstemmed, for "did you mean" matching. Words are only added:
-- a word no listing uses any more costs a row and at worst a correction that finds nothing.
create table search_word (
    word text collate "C" primary key
);
create index search_word_trgm_idx on search_word using gin (word gin_trgm_ops);

create function service_listing_search_fields() returns trigger
    language plpgsql as
$$
begin
    select coalesce(array_agg(t.tag::text order by t.tag), '{}') into new.tag_list
    from service_listing_tag t where t.listing_id = new.id;
    new.reachable_regions := array(select new.region::text
                                   union
                                   select r.region::text from service_listing_supported_region r
                                   where r.listing_id = new.id
                                   order by 1);
    new.name_document := to_tsvector('english', new.name);
    new.search_document := setweight(to_tsvector('english', new.name), 'A')
        || setweight(to_tsvector('english', array_to_string(new.tag_list, ' ')), 'B')
        || setweight(to_tsvector('english', new.owner_team_name), 'B')
        || setweight(to_tsvector('english', new.summary), 'C')
        || setweight(to_tsvector('english', coalesce(new.description, '')), 'D');
    insert into search_word (word)
    select distinct w from unnest(tsvector_to_array(
            to_tsvector('simple', new.name || ' ' || array_to_string(new.tag_list, ' ')))) w
    where w ~ '^[[:alpha:]]{3,}$'
    on conflict do nothing;
    return new;
end
$$;

create trigger service_listing_search_fields
    before insert or update of name, summary, description, owner_team_name, region, search_document
    on service_listing
    for each row execute function service_listing_search_fields();

-- A change to a listing's tags or supported regions recomputes its search fields (setting the document
-- to null runs the trigger above), once per statement however many rows it touched.
create function service_listing_children_changed() returns trigger
    language plpgsql as
$$
begin
    if tg_op = 'DELETE' then
        update service_listing set search_document = null
        where id in (select distinct listing_id from changed_rows_old);
    else
        update service_listing set search_document = null
        where id in (select distinct listing_id from changed_rows_new);
    end if;
    return null;
end
$$;

create trigger service_listing_tag_inserted after insert on service_listing_tag
    referencing new table as changed_rows_new
    for each statement execute function service_listing_children_changed();
create trigger service_listing_tag_deleted after delete on service_listing_tag
    referencing old table as changed_rows_old
    for each statement execute function service_listing_children_changed();
create trigger service_listing_supported_region_inserted after insert on service_listing_supported_region
    referencing new table as changed_rows_new
    for each statement execute function service_listing_children_changed();
create trigger service_listing_supported_region_deleted after delete on service_listing_supported_region
    referencing old table as changed_rows_old
    for each statement execute function service_listing_children_changed();

update service_listing set search_document = null;
alter table service_listing alter column search_document set not null;
alter table service_listing alter column name_document set not null;

create index service_listing_search_idx on service_listing using gin (search_document);
-- names alone: which services' names match, without reading the services (the first results of a broad search)
create index service_listing_name_search_idx on service_listing using gin (name_document);
create index service_listing_tag_list_idx on service_listing using gin (tag_list);
create index service_listing_reachable_regions_idx on service_listing using gin (reachable_regions);
-- the catalog without words: available listings by name
create index service_listing_available_name_idx on service_listing (name, id) where state = 'AVAILABLE';
