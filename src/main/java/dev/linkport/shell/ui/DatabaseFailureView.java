package dev.linkport.shell.ui;

import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.router.BeforeEnterEvent;
import com.vaadin.flow.router.ErrorParameter;
import com.vaadin.flow.router.HasErrorParameter;
import com.vaadin.flow.server.auth.AnonymousAllowed;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.dao.DataAccessResourceFailureException;

/** {@link DatabaseAwayView} for a page whose query lost its connection (or could not get one). */
@AnonymousAllowed
public class DatabaseFailureView extends Div implements HasErrorParameter<DataAccessResourceFailureException> {

    public DatabaseFailureView() {
        DatabaseAwayView.explain(this);
    }

    @Override
    public int setErrorParameter(BeforeEnterEvent event, ErrorParameter<DataAccessResourceFailureException> parameter) {
        return HttpServletResponse.SC_SERVICE_UNAVAILABLE;
    }
}
