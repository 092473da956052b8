package dev.linkport.consumer.ui;

import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.router.PageTitle;
import com.vaadin.flow.router.Route;
import dev.linkport.consumer.service.MyEndpointsService;
import dev.linkport.consumer.service.MyEndpointsService.MyEndpoint;
import dev.linkport.platform.ui.EmptyState;
import dev.linkport.platform.ui.ViewHeader;
import jakarta.annotation.security.PermitAll;

/** Endpoints the user's teams requested, with their state. */
@Route("my-endpoints")
@PageTitle("My endpoints · Linkport")
@PermitAll
public class MyEndpointsView extends VerticalLayout {

    public MyEndpointsView(MyEndpointsService endpoints) {
        addClassName("my-endpoints-view");
        setSizeFull();
        add(new ViewHeader("My endpoints", "Interface endpoints your teams requested into their VPCs, with their "
                + "state and DNS names."));
        if (endpoints.count() == 0) {
            add(new EmptyState("Your teams have no endpoints yet",
                    "Find a service in the Catalog and request an endpoint into one of your team's VPCs. Its approval, "
                            + "provisioning and DNS names then show up here."));
            return;
        }
        Grid<MyEndpoint> grid = new Grid<>(MyEndpoint.class, false);
        grid.addColumn(MyEndpoint::serviceName).setHeader("Service").setFlexGrow(2);
        grid.addColumn(MyEndpoint::accountId).setHeader("Account");
        grid.addColumn(MyEndpoint::region).setHeader("Region");
        grid.addColumn(MyEndpoint::vpcId).setHeader("VPC");
        grid.addColumn(MyEndpoint::state).setHeader("State");
        grid.addColumn(MyEndpoint::vpcEndpointId).setHeader("Endpoint");
        grid.setItems(q -> endpoints.list(q.getOffset(), q.getLimit()).stream(), q -> (int) endpoints.count());
        add(grid);
        setFlexGrow(1, grid);
    }
}
