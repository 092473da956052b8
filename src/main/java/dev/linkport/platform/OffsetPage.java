package dev.linkport.platform;

import org.springframework.data.domain.Pageable;
import org.springframework.data.domain.Sort;

/**
 * A {@link Pageable} for an arbitrary offset and limit, as Vaadin's lazy data providers ask for
 * rows (they need not start on a page boundary).
 */
public record OffsetPage(long offset, int limit, Sort sort) implements Pageable {

    public OffsetPage {
        if (offset < 0 || limit < 1) {
            throw new IllegalArgumentException("offset >= 0 and limit >= 1 required");
        }
    }

    @Override public int getPageNumber() { return (int) (offset / limit); }
    @Override public int getPageSize() { return limit; }
    @Override public long getOffset() { return offset; }
    @Override public Sort getSort() { return sort; }
    @Override public Pageable next() { return new OffsetPage(offset + limit, limit, sort); }
    @Override public Pageable previousOrFirst() { return offset < limit ? first() : new OffsetPage(offset - limit, limit, sort); }
    @Override public Pageable first() { return new OffsetPage(0, limit, sort); }
    @Override public Pageable withPage(int pageNumber) { return new OffsetPage((long) pageNumber * limit, limit, sort); }
    @Override public boolean hasPrevious() { return offset >= limit; }
}
