package dev.linkport.approval.service;

import dev.linkport.catalog.ApprovalPolicy;
import java.util.Set;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * {@code linkport.approval.*} settings.
 *
 * @param selfDecisionAllowedFor the approval policies under which a requester may decide their own request
 *                               (e.g. {@code PROVIDER} for a small organisation where one person both provides
 *                               and consumes); empty by default: nobody decides their own request, admins included
 */
@ConfigurationProperties("linkport.approval")
public record ApprovalProperties(@DefaultValue Set<ApprovalPolicy> selfDecisionAllowedFor) {

    public ApprovalProperties {
        selfDecisionAllowedFor = selfDecisionAllowedFor == null ? Set.of() : Set.copyOf(selfDecisionAllowedFor);
    }
}
