/**
 * The REST API under {@code /api/v1}: controllers that turn HTTP into calls of the modules' services
 * and back.
 *
 * <p>JSON records for requests and responses, OpenAPI documentation at {@code /v3/api-docs}, and one
 * place that turns Linkport's exceptions into {@code application/problem+json}. Authorization stays
 * in the services; this module depends on the others, never the other way round.
 */
package dev.linkport.api;
