/**
 * The service catalog: owns service listings (publishing, visibility, ownership, state, private DNS,
 * editing) and how consumers find them.
 *
 * <p>Each listing is backed by one AWS VPC endpoint service; its jobs (publish, modify, verify
 * private DNS, retire) live in {@code catalog.jobs}. Which teams see a listing is decided in one
 * place, {@code CatalogSearchRepository.DISCOVERABLE}; other modules ask {@code ListingDirectory}. Search is
 * PostgreSQL full-text search over a weighted document that triggers keep true (migration V13).
 */
package dev.linkport.catalog;
