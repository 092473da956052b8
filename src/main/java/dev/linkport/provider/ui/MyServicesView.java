package dev.linkport.provider.ui;

import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.router.PageTitle;
import com.vaadin.flow.router.Route;
import dev.linkport.platform.ui.EmptyState;
import dev.linkport.platform.ui.ViewHeader;
import dev.linkport.provider.service.MyServicesService;
import dev.linkport.provider.service.MyServicesService.OwnedService;
import jakarta.annotation.security.PermitAll;

/** The services the user's teams provide. */
@Route("my-services")
@PageTitle("My services · Linkport")
@PermitAll
public class MyServicesView extends VerticalLayout {

    public MyServicesView(MyServicesService services) {
        addClassName("my-services-view");
        setSizeFull();
        add(new ViewHeader("My services", "Services your teams publish: their AWS endpoint services, who may connect, "
                + "and the requests waiting for you."));
        if (services.count() == 0) {
            add(new EmptyState("Your teams do not publish any service yet",
                    "A service published here becomes an AWS VPC endpoint service in one of your team's accounts and "
                            + "appears in the catalog for other teams. Register your team's AWS account under "
                            + "Teams & accounts first."));
            return;
        }
        Grid<OwnedService> grid = new Grid<>(OwnedService.class, false);
        grid.addColumn(OwnedService::name).setHeader("Service").setFlexGrow(2);
        grid.addColumn(OwnedService::ownerTeam).setHeader("Team");
        grid.addColumn(OwnedService::region).setHeader("Region");
        grid.addColumn(OwnedService::state).setHeader("State");
        grid.addColumn(OwnedService::serviceName).setHeader("AWS service name").setFlexGrow(3);
        grid.setItems(q -> services.list(q.getOffset(), q.getLimit()).stream(), q -> (int) services.count());
        add(grid);
        setFlexGrow(1, grid);
    }
}
