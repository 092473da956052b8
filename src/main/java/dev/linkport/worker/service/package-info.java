/**
 * What admins see and do about the worker: jobs (queued, running, failed; retry, cancel), drift
 * findings, AWS rate budgets. Used by the Operations view and the REST API.
 */
@NamedInterface("services")
package dev.linkport.worker.service;

import org.springframework.modulith.NamedInterface;
