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
import com.vaadin.flow.data.renderer.LitRenderer;
import com.vaadin.flow.data.value.ValueChangeMode;
import com.vaadin.flow.router.PageTitle;
import com.vaadin.flow.router.Route;
import com.vaadin.flow.router.RouteAlias;
import dev.linkport.catalog.service.CatalogService;
import dev.linkport.catalog.service.CatalogService.CatalogCount;
import dev.linkport.catalog.service.CatalogService.CatalogEntry;
import dev.linkport.catalog.service.CatalogService.CatalogFacets;
import dev.linkport.catalog.service.CatalogService.CatalogQuery;
import dev.linkport.catalog.service.CatalogService.FacetCount;
import dev.linkport.identity.service.TeamService;
import dev.linkport.platform.AwsIds;
import dev.linkport.platform.ui.EmptyState;
import dev.linkport.platform.ui.ViewHeader;
import jakarta.annotation.security.PermitAll;
import java.text.NumberFormat;
import java.util.List;
import java.util.Locale;
import java.util.stream.Collectors;
import org.springframework.web.util.HtmlUtils;

/**
 * The catalog: services the signed-in user may connect to, searched as they type (best matches
 * first, matched words marked), with facet counts that narrow the search in one click. Also the
 * home page.
 */
@Route("catalog")
@RouteAlias("")
@PageTitle("Catalog · Linkport")
@PermitAll
public class CatalogView extends VerticalLayout {

    private static final String MARKED_PARTS = "${%s.map((p, i) => i %% 2 ? html`<mark>${p}</mark>` : p)}";

    private static final String FACET_KEY = "(event.target.closest('button[data-facet]') || {dataset: {}}).dataset.facet || ''";
    private static final String FACET_VALUE = "(event.target.closest('button[data-facet]') || {dataset: {}}).dataset.value || ''";

    private final CatalogService catalog;
    private final TextField search = new TextField();
    private final TextField tag = new TextField();
    private final ComboBox<String> team = new ComboBox<>();
    private final ComboBox<String> region = new ComboBox<>();
    private final Span resultCount = new Span();
    private final Span corrections = new Span();
    private final Div facets = new Div();
    private final Grid<CatalogEntry> grid = new Grid<>(CatalogEntry.class, false);

    public CatalogView(CatalogService catalog, TeamService teams) {
        this.catalog = catalog;
        addClassName("catalog-view");
        setSizeFull();
        add(new ViewHeader("Catalog", "Internal services your teams may connect to through AWS PrivateLink."));
        if (catalog.count(CatalogQuery.all()).value() == 0) {
            add(new EmptyState("No services in the catalog yet",
                    "Services appear here once a provider team publishes them from My services and AWS has created "
                            + "their endpoint service. You can then request an endpoint into your own VPC."));
            return;
        }
        search.setId("catalog-search");
        search.setPlaceholder("Search: payments -legacy, \"card tokens\"");
        search.setTooltipText("Words in name, tags, team, summary or description. \"quotes\" for a phrase, "
                + "-word to leave out, or between alternatives.");
        search.setPrefixComponent(VaadinIcon.SEARCH.create());
        search.setClearButtonVisible(true);
        search.setValueChangeMode(ValueChangeMode.LAZY);
        search.setMaxLength(200);
        search.setWidth("24rem");
        search.setAriaLabel("Search the catalog");
        tag.setId("catalog-tag");
        tag.setPlaceholder("Tag");
        tag.setAriaLabel("Tag");
        tag.setClearButtonVisible(true);
        tag.setValueChangeMode(ValueChangeMode.LAZY);
        tag.setMaxLength(40);
        team.setId("catalog-team");
        team.setPlaceholder("Owner team");
        team.setAriaLabel("Owner team");
        team.setItems(q -> teams.teamNames(q.getFilter().orElse(""), q.getOffset(), q.getLimit()).stream());
        team.setClearButtonVisible(true);
        region.setId("catalog-region");
        region.setPlaceholder("Region");
        region.setAriaLabel("Region");
        region.setItems(AwsIds.KNOWN_REGIONS);
        region.setClearButtonVisible(true);
        HorizontalLayout filters = new HorizontalLayout(search, tag, team, region);
        filters.setAlignItems(FlexComponent.Alignment.BASELINE);
        filters.addClassName("catalog-filters");
        search.focus();

        grid.setId("catalog-grid");
        grid.addColumn(LitRenderer.<CatalogEntry>of("<div class=\"two-line-cell\"><span class=\"cell-title\">"
                                + MARKED_PARTS.formatted("item.name") + "</span><span class=\"cell-subtitle\">"
                                + MARKED_PARTS.formatted("item.summary") + "</span></div>")
                        .withProperty("name", CatalogEntry::nameParts)
                        .withProperty("summary", CatalogEntry::summaryParts))
                .setHeader("Service").setFlexGrow(3);
        grid.addColumn(CatalogEntry::ownerTeam).setHeader("Provider").setFlexGrow(1);
        grid.addColumn(CatalogEntry::region).setHeader("Region").setFlexGrow(1);
        grid.addColumn(e -> String.join(", ", e.tags())).setHeader("Tags").setFlexGrow(1);
        grid.addColumn(CatalogEntry::approvalPolicy).setHeader("Approval").setFlexGrow(0).setWidth("8rem");
        grid.setEmptyStateText("No service matches. Try fewer words or clear the filters.");
        grid.setItems(q -> catalog.search(query(), q.getOffset(), q.getLimit()).stream(),
                q -> (int) catalog.count(query()).value());
        grid.addItemClickListener(e -> getUI().ifPresent(ui -> ui.navigate("services/" + e.getItem().id())));
        grid.addClassName("clickable-rows");
        search.addValueChangeListener(e -> refresh());
        tag.addValueChangeListener(e -> refresh());
        team.addValueChangeListener(e -> refresh());
        region.addValueChangeListener(e -> refresh());

        resultCount.setId("catalog-count");
        resultCount.addClassName("catalog-count");
        corrections.setId("catalog-corrections");
        corrections.addClassName("catalog-corrections");
        facets.setId("catalog-facets");
        facets.addClassName("catalog-facets");
        facets.getElement().addEventListener("click", e -> {
                    var key = e.getEventData().get(FACET_KEY);
                    if (key != null && !key.isNull() && !key.asString().isEmpty()) {
                        facetClicked(key.asString(), e.getEventData().get(FACET_VALUE).asString());
                    }
                })
                .addEventData(FACET_KEY).addEventData(FACET_VALUE);
        VerticalLayout results = new VerticalLayout(new Div(resultCount, corrections), grid);
        results.setPadding(false);
        results.setSizeFull();
        results.setFlexGrow(1, grid);
        HorizontalLayout body = new HorizontalLayout(facets, results);
        body.setSizeFull();
        body.setFlexGrow(1, results);
        add(filters, body);
        setFlexGrow(1, body);
        refreshFacets();
    }

    private CatalogQuery query() {
        return new CatalogQuery(search.getValue(), tag.getValue(), team.getValue(), region.getValue());
    }

    private void refresh() {
        grid.getDataProvider().refreshAll();
        refreshFacets();
    }

    /** Counts, corrections and facets for the query as it stands: one query, a few milliseconds. */
    private void refreshFacets() {
        CatalogFacets f = catalog.facets(query());
        NumberFormat numbers = NumberFormat.getIntegerInstance(Locale.ENGLISH);
        CatalogCount exact = f.estimated() ? null : new CatalogCount(f.total(), false);
        resultCount.setText(exact != null
                ? numbers.format(exact.value()) + (exact.value() == 1 ? " service" : " services")
                : "about " + numbers.format(f.total()) + " services");
        corrections.setText(f.corrections().isEmpty() ? "" : " · also matching " + f.corrections().entrySet().stream()
                .map(e -> String.join(" or ", e.getValue()) + " for “" + e.getKey() + "”")
                .collect(Collectors.joining(", ")));
        StringBuilder html = new StringBuilder();
        facet(html, "Tags", "tag", f.tags(), tag.getValue());
        facet(html, "Owner teams", "team", f.teams(), team.getValue());
        facet(html, "Regions", "region", f.regions(), region.getValue());
        facets.getElement().setProperty("innerHTML", html.toString());
    }

    /**
     * A facet as plain HTML buttons in one element, not a component per value: a session keeps a
     * few nodes for all of them. Clicks reach {@link #facetClicked} through one listener.
     */
    private static void facet(StringBuilder html, String title, String key, List<FacetCount> values, String selected) {
        NumberFormat numbers = NumberFormat.getIntegerInstance(Locale.ENGLISH);
        html.append("<div class=\"facet\" id=\"facet-").append(key).append("\"><h3>").append(title).append("</h3>");
        if (selected != null && !selected.isBlank()) {
            html.append("<button type=\"button\" class=\"facet-selected\" data-facet=\"").append(key)
                    .append("\" data-value=\"\" aria-label=\"Stop filtering by ").append(HtmlUtils.htmlEscape(selected))
                    .append("\">").append(HtmlUtils.htmlEscape(selected)).append(" <span aria-hidden=\"true\">×</span></button>");
        } else if (values.isEmpty()) {
            html.append("<span class=\"facet-none\">None</span>");
        } else {
            for (FacetCount v : values) {
                html.append("<button type=\"button\" class=\"facet-value\" data-facet=\"").append(key)
                        .append("\" data-value=\"").append(HtmlUtils.htmlEscape(v.value())).append("\"><span class=\"facet-label\">")
                        .append(HtmlUtils.htmlEscape(v.value())).append("</span><span class=\"facet-count\">")
                        .append(numbers.format(v.count())).append("</span></button>");
            }
        }
        html.append("</div>");
    }

    private void facetClicked(String key, String value) {
        String v = value == null ? "" : value;
        switch (key) {
            case "tag" -> tag.setValue(v);
            case "team" -> team.setValue(v.isEmpty() ? null : v);
            case "region" -> region.setValue(v.isEmpty() ? null : v);
            default -> {
            }
        }
    }
}
