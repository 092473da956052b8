package dev.linkport.provider.ui;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.icon.VaadinIcon;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.data.renderer.ComponentRenderer;
import com.vaadin.flow.router.PageTitle;
import com.vaadin.flow.router.Route;
import dev.linkport.catalog.service.ListingService;
import dev.linkport.catalog.service.ListingService.OwnedService;
import dev.linkport.platform.events.Changed;
import dev.linkport.platform.events.LiveUpdates;
import dev.linkport.platform.ui.EmptyState;
import dev.linkport.platform.ui.LiveRefresh;
import dev.linkport.platform.ui.StateBadge;
import dev.linkport.platform.ui.ViewHeader;
import jakarta.annotation.security.PermitAll;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;

/** The services the user's teams provide, with their state; the way to publish another. */
@Route("my-services")
@PageTitle("My services · Linkport")
@PermitAll
public class MyServicesView extends VerticalLayout {

    static final DateTimeFormatter WHEN = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm 'UTC'").withZone(ZoneOffset.UTC);

    public MyServicesView(ListingService services, LiveUpdates updates) {
        addClassName("my-services-view");
        setSizeFull();
        Button publish = new Button("Publish a service", VaadinIcon.PLUS.create(),
                e -> getUI().ifPresent(ui -> ui.navigate(PublishServiceView.class)));
        publish.setId("publish-service");
        publish.addThemeVariants(ButtonVariant.PRIMARY);
        add(new ViewHeader("My services", "Services your teams publish: their AWS endpoint services, who may connect, "
                + "and the requests waiting for you.", publish));
        if (services.countOwned() == 0) {
            add(new EmptyState("Your teams do not publish any service yet",
                    "A service published here becomes an AWS VPC endpoint service in one of your team's accounts and "
                            + "appears in the catalog for other teams. You need a network load balancer in an AWS "
                            + "account registered for your team under Teams & accounts.",
                    new Button("Publish a service", e -> getUI().ifPresent(ui -> ui.navigate(PublishServiceView.class)))));
            return;
        }
        Grid<OwnedService> grid = new Grid<>(OwnedService.class, false);
        grid.setId("my-services-grid");
        grid.addColumn(OwnedService::name).setHeader("Service").setFlexGrow(2);
        grid.addColumn(OwnedService::ownerTeam).setHeader("Team").setAutoWidth(true).setFlexGrow(0);
        grid.addColumn(OwnedService::region).setHeader("Region").setAutoWidth(true).setFlexGrow(0);
        grid.addColumn(new ComponentRenderer<>(s -> {
            if (s.warning() == null) {
                return new StateBadge(s.state());
            }
            Span warning = new Span("Private DNS unverified");
            warning.addClassName("private-dns-warning-chip");
            warning.setTitle(s.warning());
            return new Span(new StateBadge(s.state()), warning);
        })).setHeader("State").setAutoWidth(true).setFlexGrow(0);
        grid.addColumn(s -> s.serviceName() == null ? "—" : s.serviceName()).setHeader("AWS service name").setFlexGrow(3)
                .setTooltipGenerator(OwnedService::serviceName);
        grid.addColumn(s -> WHEN.format(s.updatedAt())).setHeader("Updated").setAutoWidth(true).setFlexGrow(0);
        grid.setItems(q -> services.owned(q.getOffset(), q.getLimit()).stream(), q -> (int) services.countOwned())
                .setIdentifierProvider(OwnedService::id);
        grid.addItemClickListener(e -> getUI().ifPresent(ui -> ui.navigate("services/" + e.getItem().id())));
        grid.addClassName("clickable-rows");
        LiveRefresh.onChange(this, updates, Changed.Topic.SERVICE_LISTING, () -> grid.getDataProvider().refreshAll());
        add(grid);
        setFlexGrow(1, grid);
    }
}
