package dev.linkport.shell.ui;

import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.router.AccessDeniedException;
import com.vaadin.flow.router.BeforeEnterEvent;
import com.vaadin.flow.router.ErrorParameter;
import com.vaadin.flow.router.HasErrorParameter;
import com.vaadin.flow.router.ParentLayout;
import jakarta.annotation.security.PermitAll;
import jakarta.servlet.http.HttpServletResponse;

/** Shown, inside the normal layout, when a signed-in user opens a page that is not for them. */
@ParentLayout(MainLayout.class)
@PermitAll
public class AccessDeniedView extends Div implements HasErrorParameter<AccessDeniedException> {

    private final Paragraph reason = new Paragraph();

    public AccessDeniedView() {
        addClassName("access-denied");
        add(new H2("This page is not for you"), reason,
                new Paragraph(new Anchor("catalog", "Back to the catalog")));
    }

    @Override
    public int setErrorParameter(BeforeEnterEvent event, ErrorParameter<AccessDeniedException> parameter) {
        String message = parameter.hasCustomMessage() ? parameter.getCustomMessage() : "";
        reason.setText(message.isBlank() || message.startsWith("Access denied")
                        || message.startsWith("Access is denied")
                ? "Your role does not include it. Ask a platform admin if you think it should."
                : message);
        return HttpServletResponse.SC_FORBIDDEN;
    }
}
