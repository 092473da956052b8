package dev.linkport.consumer.service;

import dev.linkport.consumer.domain.EndpointRequest;
import dev.linkport.consumer.domain.EndpointRequestRepository;
import dev.linkport.identity.service.AccessPolicy;
import dev.linkport.identity.service.Caller;
import dev.linkport.platform.OffsetPage;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.springframework.data.domain.Sort;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** Endpoint requests made into the accounts of the caller's teams. */
@Service
@Transactional(readOnly = true)
public class MyEndpointsService {

    private final EndpointRequestRepository requests;
    private final AccessPolicy access;

    public MyEndpointsService(EndpointRequestRepository requests, AccessPolicy access) {
        this.requests = requests;
        this.access = access;
    }

    public record MyEndpoint(UUID id, String serviceName, String accountId, String region, String vpcId, String state,
                             String vpcEndpointId, Instant createdAt) {
    }

    public List<MyEndpoint> list(int offset, int limit) {
        return requests.findByConsumerTeams(access.caller().teamIdsForQuery(), false, new OffsetPage(offset, limit, Sort.unsorted()))
                .stream().map(MyEndpointsService::view).toList();
    }

    public long count() {
        return requests.countByConsumerTeams(access.caller().teamIdsForQuery(), false);
    }


    private static MyEndpoint view(EndpointRequest r) {
        return new MyEndpoint(r.getId(), r.getListing().getName(), r.getConsumerAccount().getAccountId(), r.getRegion(),
                r.getVpcId(), r.getState().name(), r.getVpcEndpointId(), r.getCreatedAt());
    }
}
