package dev.linkport.worker.ui;

import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.router.PageTitle;
import com.vaadin.flow.router.Route;
import dev.linkport.platform.ui.EmptyState;
import dev.linkport.platform.ui.ViewHeader;
import dev.linkport.worker.service.OperationsService;
import dev.linkport.worker.service.OperationsService.Job;
import dev.linkport.worker.service.OperationsService.JobCounts;
import jakarta.annotation.security.RolesAllowed;

/** The worker's jobs, for platform admins. */
@Route("operations")
@PageTitle("Operations · Linkport")
@RolesAllowed("ADMIN")
public class OperationsView extends VerticalLayout {

    public OperationsView(OperationsService operations) {
        addClassName("operations-view");
        setSizeFull();
        add(new ViewHeader("Operations", "The background worker's jobs: AWS calls waiting, running and failing."));
        JobCounts counts = operations.counts();
        Div stats = new Div(stat("Waiting", counts.waiting()), stat("Running", counts.running()),
                stat("Failing", counts.failing()));
        stats.addClassName("stats");
        add(stats);
        if (operations.countJobs() == 0) {
            add(new EmptyState("No jobs",
                    "Publishing a service, provisioning or deleting an endpoint and reconciling with AWS run as jobs. "
                            + "They appear here while they wait, run or fail, with AWS's error and a retry."));
            return;
        }
        Grid<Job> grid = new Grid<>(Job.class, false);
        grid.addColumn(Job::task).setHeader("Job");
        grid.addColumn(Job::instance).setHeader("Instance").setFlexGrow(2);
        grid.addColumn(Job::executionTime).setHeader("Due");
        grid.addColumn(j -> j.running() ? "running on " + j.pickedBy() : "waiting").setHeader("State");
        grid.addColumn(Job::consecutiveFailures).setHeader("Failures");
        grid.setItems(q -> operations.jobs(q.getOffset(), q.getLimit()).stream(), q -> (int) operations.countJobs());
        add(grid);
        setFlexGrow(1, grid);
    }

    private static Div stat(String label, long value) {
        Span number = new Span(String.valueOf(value));
        number.addClassName("stat-value");
        Div stat = new Div(number, new Span(label));
        stat.addClassName("stat");
        return stat;
    }
}
