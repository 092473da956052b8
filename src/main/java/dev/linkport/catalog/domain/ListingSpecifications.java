package dev.linkport.catalog.domain;

import dev.linkport.catalog.ListingState;
import dev.linkport.catalog.Visibility;
import jakarta.persistence.criteria.Join;
import jakarta.persistence.criteria.Root;
import jakarta.persistence.criteria.Subquery;
import java.util.Collection;
import java.util.Locale;
import java.util.Set;
import java.util.UUID;
import org.springframework.data.jpa.domain.Specification;

/**
 * The catalog's queries over listings. {@link #discoverableBy} is the one place that says which
 * teams see a listing; every lookup that must respect visibility goes through it.
 */
public final class ListingSpecifications {

    private ListingSpecifications() {
    }

    /**
     * Listings that members of these teams find in the catalog and may request: available, and
     * visible to all teams, or owned by one of them, or made visible to one of them.
     */
    public static Specification<ServiceListing> discoverableBy(Collection<UUID> teamIds) {
        Set<UUID> teams = Set.copyOf(teamIds);
        return (root, query, cb) -> {
            if (teams.isEmpty()) {
                return cb.and(cb.equal(root.get("state"), ListingState.AVAILABLE),
                        cb.equal(root.get("visibility"), Visibility.ALL_TEAMS));
            }
            Subquery<Integer> selected = query.subquery(Integer.class);
            Root<ServiceListing> v = selected.from(ServiceListing.class);
            Join<ServiceListing, UUID> team = v.join("visibleTeamIds");
            selected.select(cb.literal(1)).where(cb.equal(v, root), team.in(teams));
            return cb.and(cb.equal(root.get("state"), ListingState.AVAILABLE),
                    cb.or(cb.equal(root.get("visibility"), Visibility.ALL_TEAMS),
                            root.get("ownerTeamId").in(teams),
                            cb.exists(selected)));
        };
    }

    public static Specification<ServiceListing> hasId(UUID id) {
        return (root, query, cb) -> cb.equal(root.get("id"), id);
    }

    /** Words in the name, summary, description, a tag or the owner team's name (ignoring case). */
    public static Specification<ServiceListing> mentions(String text) {
        if (text == null || text.isBlank()) {
            return Specification.unrestricted();
        }
        String like = "%" + text.trim().toLowerCase(Locale.ROOT).replace("\\", "\\\\").replace("%", "\\%")
                .replace("_", "\\_") + "%";
        return (root, query, cb) -> {
            Subquery<Integer> tagged = query.subquery(Integer.class);
            Root<ServiceListing> x = tagged.from(ServiceListing.class);
            Join<ServiceListing, String> tag = x.join("tags");
            tagged.select(cb.literal(1)).where(cb.equal(x, root), cb.like(tag, like, '\\'));
            return cb.or(cb.like(cb.lower(root.get("name")), like, '\\'),
                    cb.like(cb.lower(root.get("summary")), like, '\\'),
                    cb.like(cb.lower(cb.coalesce(root.get("description"), "")), like, '\\'),
                    cb.like(cb.lower(root.get("ownerTeamName")), like, '\\'),
                    cb.exists(tagged));
        };
    }

    /** One exact tag. */
    public static Specification<ServiceListing> taggedWith(String tag) {
        if (tag == null || tag.isBlank()) {
            return Specification.unrestricted();
        }
        return (root, query, cb) -> {
            Subquery<Integer> tagged = query.subquery(Integer.class);
            Root<ServiceListing> y = tagged.from(ServiceListing.class);
            Join<ServiceListing, String> t = y.join("tags");
            tagged.select(cb.literal(1)).where(cb.equal(y, root), cb.equal(t, tag.trim()));
            return cb.exists(tagged);
        };
    }

    /** Owned by the team with this name. */
    public static Specification<ServiceListing> ownedBy(String teamName) {
        if (teamName == null || teamName.isBlank()) {
            return Specification.unrestricted();
        }
        return (root, query, cb) -> cb.equal(root.get("ownerTeamName"), teamName.trim());
    }

    /** In the region, or reachable from it (a supported region). */
    public static Specification<ServiceListing> reachableFrom(String region) {
        if (region == null || region.isBlank()) {
            return Specification.unrestricted();
        }
        String r = region.trim();
        return (root, query, cb) -> {
            Subquery<Integer> supported = query.subquery(Integer.class);
            Root<ServiceListing> z = supported.from(ServiceListing.class);
            Join<ServiceListing, String> zr = z.join("supportedRegions");
            supported.select(cb.literal(1)).where(cb.equal(z, root), cb.equal(zr, r));
            return cb.or(cb.equal(root.get("region"), r), cb.exists(supported));
        };
    }
}
