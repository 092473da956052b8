package dev.linkport.approval.service;

import dev.linkport.catalog.ApprovalPolicy;
import dev.linkport.identity.service.Caller;
import java.util.UUID;
import org.springframework.stereotype.Component;

/**
 * Four eyes: nobody decides their own request — platform admins included — unless
 * {@code linkport.approval.self-decision-allowed-for} names the service's policy. "Their own" is the
 * request of the person deciding; a colleague of the requester who also belongs to the provider team is a
 * second pair of eyes and may decide it.
 */
@Component
public class FourEyes {

    private final ApprovalProperties properties;

    public FourEyes(ApprovalProperties properties) {
        this.properties = properties;
    }

    /**
     * Why the caller may not decide a request of {@code requesterId} to a service with the policy, or
     * {@code null} when four eyes do not stand in the way (whether the caller decides such requests at all is
     * the policy's question, asked apart).
     */
    public String refusal(Caller caller, UUID requesterId, ApprovalPolicy policy) {
        if (!caller.userId().equals(requesterId) || properties.selfDecisionAllowedFor().contains(policy)) {
            return null;
        }
        return SELF_DECISION;
    }

    /** Why nobody decides their own request, as the dashboard and the API say it. */
    public static final String SELF_DECISION = "This is your own request: someone else must decide it (four eyes)";
}
