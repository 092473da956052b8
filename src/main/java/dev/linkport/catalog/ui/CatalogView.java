package dev.linkport.catalog.ui;

import com.vaadin.flow.component.combobox.ComboBox;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.icon.VaadinIcon;
import com.vaadin.flow.component.orderedlayout.FlexComponent;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.textfield.TextField;
import com.vaadin.flow.data.renderer.ComponentRenderer;
import com.vaadin.flow.data.value.ValueChangeMode;
import com.vaadin.flow.router.PageTitle;
import com.vaadin.flow.router.Route;
import com.vaadin.flow.router.RouteAlias;
import dev.linkport.catalog.service.CatalogService;
import dev.linkport.catalog.service.CatalogService.CatalogEntry;
import dev.linkport.catalog.service.CatalogService.CatalogQuery;
import dev.linkport.identity.service.TeamService;
import dev.linkport.platform.AwsIds;
import dev.linkport.platform.ui.EmptyState;
import dev.linkport.platform.ui.ViewHeader;
import jakarta.annotation.security.PermitAll;

/** The catalog: services the signed-in user may connect to, searched as they type. Also the home page. */
@Route("catalog")
@RouteAlias("")
@PageTitle("Catalog · Linkport")
@PermitAll
public class CatalogView extends VerticalLayout {

    private final TextField search = new TextField();
    private final TextField tag = new TextField();
    private final ComboBox<String> team = new ComboBox<>();
    private final ComboBox<String> region = new ComboBox<>();

    public CatalogView(CatalogService catalog, TeamService teams) {
        addClassName("catalog-view");
        setSizeFull();
        add(new ViewHeader("Catalog", "Internal services your teams may connect to through AWS PrivateLink."));
        if (catalog.count(CatalogQuery.all()) == 0) {
            add(new EmptyState("No services in the catalog yet",
                    "Services appear here once a provider team publishes them from My services and AWS has created "
                            + "their endpoint service. You can then request an endpoint into your own VPC."));
            return;
        }
        search.setId("catalog-search");
        search.setPlaceholder("Search name, summary, description, tags, team");
        search.setPrefixComponent(VaadinIcon.SEARCH.create());
        search.setClearButtonVisible(true);
        search.setValueChangeMode(ValueChangeMode.LAZY);
        search.setWidth("24rem");
        tag.setId("catalog-tag");
        tag.setPlaceholder("Tag");
        tag.setClearButtonVisible(true);
        tag.setValueChangeMode(ValueChangeMode.LAZY);
        team.setId("catalog-team");
        team.setPlaceholder("Owner team");
        team.setItems(teams.teamNames());
        team.setClearButtonVisible(true);
        region.setId("catalog-region");
        region.setPlaceholder("Region");
        region.setItems(AwsIds.KNOWN_REGIONS);
        region.setClearButtonVisible(true);
        HorizontalLayout filters = new HorizontalLayout(search, tag, team, region);
        filters.setAlignItems(FlexComponent.Alignment.BASELINE);
        filters.addClassName("catalog-filters");
        search.focus();

        Grid<CatalogEntry> grid = new Grid<>(CatalogEntry.class, false);
        grid.setId("catalog-grid");
        grid.addColumn(new ComponentRenderer<>(CatalogView::nameCell)).setHeader("Service").setFlexGrow(3);
        grid.addColumn(CatalogEntry::ownerTeam).setHeader("Provider").setFlexGrow(1);
        grid.addColumn(CatalogEntry::region).setHeader("Region").setFlexGrow(1);
        grid.addColumn(e -> String.join(", ", e.tags().stream().sorted().toList())).setHeader("Tags").setFlexGrow(1);
        grid.addColumn(CatalogEntry::approvalPolicy).setHeader("Approval").setFlexGrow(0).setWidth("8rem");
        grid.setEmptyStateText("No service matches. Try fewer words or clear the filters.");
        grid.setItems(q -> catalog.search(query(), q.getOffset(), q.getLimit()).stream(), q -> (int) catalog.count(query()));
        grid.addItemClickListener(e -> getUI().ifPresent(ui -> ui.navigate("services/" + e.getItem().id())));
        grid.addClassName("clickable-rows");
        search.addValueChangeListener(e -> grid.getDataProvider().refreshAll());
        tag.addValueChangeListener(e -> grid.getDataProvider().refreshAll());
        team.addValueChangeListener(e -> grid.getDataProvider().refreshAll());
        region.addValueChangeListener(e -> grid.getDataProvider().refreshAll());
        add(filters, grid);
        setFlexGrow(1, grid);
    }

    private CatalogQuery query() {
        return new CatalogQuery(search.getValue(), tag.getValue(), team.getValue(), region.getValue());
    }

    private static Div nameCell(CatalogEntry e) {
        Span name = new Span(e.name());
        name.addClassName("cell-title");
        Span summary = new Span(e.summary());
        summary.addClassName("cell-subtitle");
        Div cell = new Div(name, summary);
        cell.addClassName("two-line-cell");
        return cell;
    }
}
