package dev.linkport.shell.ui;

import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.router.BeforeEnterEvent;
import com.vaadin.flow.router.ErrorParameter;
import com.vaadin.flow.router.HasErrorParameter;
import com.vaadin.flow.server.auth.AnonymousAllowed;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.transaction.CannotCreateTransactionException;

/**
 * Shown instead of a page that could not be opened because the database did not answer (a restart, a
 * failover): a plain sentence and a way back, not a stack trace. On its own, without the normal layout,
 * which needs the database too. {@link DatabaseFailureView} does the same for failures inside a query.
 */
@AnonymousAllowed
public class DatabaseAwayView extends Div implements HasErrorParameter<CannotCreateTransactionException> {

    public DatabaseAwayView() {
        explain(this);
    }

    /** The page's content, shared with {@link DatabaseFailureView}. */
    static void explain(Div page) {
        page.addClassName("database-away");
        page.add(new H2("Linkport cannot reach its database"),
                new Paragraph("This usually lasts seconds (a database restart or failover). Nothing you did is lost."),
                new Paragraph(new Anchor("", "Try again")));
    }

    @Override
    public int setErrorParameter(BeforeEnterEvent event, ErrorParameter<CannotCreateTransactionException> parameter) {
        return HttpServletResponse.SC_SERVICE_UNAVAILABLE;
    }
}
