package dev.linkport.catalog.ui;

import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.router.PageTitle;
import com.vaadin.flow.router.Route;
import com.vaadin.flow.router.RouteAlias;
import dev.linkport.catalog.service.CatalogService;
import dev.linkport.catalog.service.CatalogService.CatalogEntry;
import dev.linkport.platform.ui.EmptyState;
import dev.linkport.platform.ui.ViewHeader;
import jakarta.annotation.security.PermitAll;

/** The catalog: services the signed-in user may connect to. Also the home page. */
@Route("catalog")
@RouteAlias("")
@PageTitle("Catalog · Linkport")
@PermitAll
public class CatalogView extends VerticalLayout {

    public CatalogView(CatalogService catalog) {
        addClassName("catalog-view");
        setSizeFull();
        add(new ViewHeader("Catalog", "Internal services your teams may connect to through AWS PrivateLink."));
        if (catalog.count(CatalogService.CatalogQuery.all()) == 0) {
            add(new EmptyState("No services in the catalog yet",
                    "Services appear here once a provider team publishes them from My services and AWS has created "
                            + "their endpoint service. You can then request an endpoint into your own VPC."));
            return;
        }
        Grid<CatalogEntry> grid = new Grid<>(CatalogEntry.class, false);
        grid.addColumn(CatalogEntry::name).setHeader("Service").setFlexGrow(2);
        grid.addColumn(CatalogEntry::summary).setHeader("Summary").setFlexGrow(4);
        grid.addColumn(CatalogEntry::ownerTeam).setHeader("Provider");
        grid.addColumn(CatalogEntry::region).setHeader("Region");
        grid.addColumn(e -> String.join(", ", e.tags())).setHeader("Tags");
        grid.setItems(query -> catalog.search(CatalogService.CatalogQuery.all(), query.getOffset(), query.getLimit()).stream(),
                query -> (int) catalog.count(CatalogService.CatalogQuery.all()));
        add(grid);
        setFlexGrow(1, grid);
    }
}
