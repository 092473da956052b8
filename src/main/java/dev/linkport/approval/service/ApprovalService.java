package dev.linkport.approval.service;

import dev.linkport.consumer.domain.EndpointRequestRepository;
import dev.linkport.identity.service.AccessPolicy;
import dev.linkport.identity.service.Caller;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** Endpoint requests waiting for the caller's decision. */
@Service
@Transactional(readOnly = true)
public class ApprovalService {

    private final EndpointRequestRepository requests;
    private final AccessPolicy access;

    public ApprovalService(EndpointRequestRepository requests, AccessPolicy access) {
        this.requests = requests;
        this.access = access;
    }

    /** How many submitted requests the caller may decide. */
    public long countPending() {
        Caller caller = access.caller();
        return requests.countDecidableBy(caller.teamIdsForQuery(), caller.admin());
    }
}
