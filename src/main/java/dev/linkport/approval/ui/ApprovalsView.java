package dev.linkport.approval.ui;

import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.router.AccessDeniedException;
import com.vaadin.flow.router.BeforeEnterEvent;
import com.vaadin.flow.router.BeforeEnterObserver;
import com.vaadin.flow.router.PageTitle;
import com.vaadin.flow.router.Route;
import dev.linkport.approval.service.ApprovalService;
import dev.linkport.identity.service.UserService;
import dev.linkport.platform.ui.EmptyState;
import dev.linkport.platform.ui.ViewHeader;
import jakarta.annotation.security.PermitAll;

/** Endpoint requests waiting for the user's decision (platform admins and provider teams). */
@Route("approvals")
@PageTitle("Approvals · Linkport")
@PermitAll
public class ApprovalsView extends VerticalLayout implements BeforeEnterObserver {

    private final ApprovalService approvals;
    private final UserService users;

    public ApprovalsView(ApprovalService approvals, UserService users) {
        this.approvals = approvals;
        this.users = users;
        addClassName("approvals-view");
        setSizeFull();
    }

    @Override
    public void beforeEnter(BeforeEnterEvent event) {
        if (!users.me().approver()) {
            event.rerouteToError(AccessDeniedException.class,
                    "Approvals are for platform admins and members of provider teams.");
            return;
        }
        removeAll();
        add(new ViewHeader("Approvals", "Endpoint requests to services you decide on, oldest first."));
        long pending = approvals.countPending();
        add(new EmptyState(pending == 0 ? "Nothing waiting for you" : pending + " requests waiting",
                "Requests for services with the PROVIDER policy (decided by the providing team) or the ADMIN policy "
                        + "(decided by platform admins) appear here with requester, target VPC and justification."));
    }
}
