/**
 * The consumer module's services: what other modules and the REST API may call. Everything else in
 * the module (domain, jobs, views) is its own.
 */
@NamedInterface("services")
package dev.linkport.consumer.service;

import org.springframework.modulith.NamedInterface;
