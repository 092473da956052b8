/**
 * The REST API ({@code /api/v1}, JSON, documented at {@code /v3/api-docs}): controllers that
 * translate HTTP to calls of the feature services and back, the API's request and response
 * records, and one place that turns Linkport's exceptions into {@code application/problem+json}.
 * Authorization stays in the services; this package depends on features, never the other way.
 */
package dev.linkport.api;
