package dev.linkport.identity.ui;

import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H1;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.login.LoginForm;
import com.vaadin.flow.component.login.LoginI18n;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.router.BeforeEnterEvent;
import com.vaadin.flow.router.BeforeEnterObserver;
import com.vaadin.flow.router.PageTitle;
import com.vaadin.flow.router.Route;
import com.vaadin.flow.server.VaadinServletRequest;
import com.vaadin.flow.server.auth.AnonymousAllowed;
import dev.linkport.aws.AwsProperties;
import dev.linkport.identity.security.DemoUserRefusedException;
import dev.linkport.identity.security.LoginThrottledException;
import jakarta.servlet.http.HttpSession;
import org.springframework.security.web.WebAttributes;

/** Sign-in with a local user name and password. */
@Route(value = "login", autoLayout = false)
@PageTitle("Sign in · Linkport")
@AnonymousAllowed
public class LoginView extends VerticalLayout implements BeforeEnterObserver {

    private final LoginForm form = new LoginForm();
    private final LoginI18n i18n = LoginI18n.createDefault();

    public LoginView(AwsProperties aws) {
        addClassName("login-view");
        setSizeFull();
        setAlignItems(Alignment.CENTER);
        setJustifyContentMode(JustifyContentMode.CENTER);

        H1 title = new H1("Linkport");
        title.addClassName("login-title");
        Paragraph tagline = new Paragraph("Self-service AWS PrivateLink: publish, find and connect internal services.");
        tagline.addClassName("login-tagline");

        form.setAction("login");
        form.setForgotPasswordButtonVisible(false);
        i18n.getForm().setTitle("Sign in");
        form.setI18n(i18n);

        add(title, tagline, form);
        if (aws.sandbox()) {
            Div hint = new Div();
            hint.addClassName("login-sandbox-hint");
            hint.setText("Sandbox mode: sign in as admin, alice, bob or carol with the password linkport-demo.");
            add(hint);
        }
    }

    @Override
    public void beforeEnter(BeforeEnterEvent event) {
        if (event.getLocation().getQueryParameters().getParameters().containsKey("error")) {
            LoginI18n.ErrorMessage error = i18n.getErrorMessage();
            Object last = lastAuthenticationException();
            if (last instanceof LoginThrottledException throttled) {
                error.setTitle("Too many failed sign-ins");
                error.setMessage(throttled.getMessage());
            } else if (last instanceof DemoUserRefusedException refused) {
                error.setTitle(refused.getMessage());
                error.setMessage("This Linkport works with real AWS, and this demo user still has the public demo "
                        + "password. Sign in with a user of your own.");
            } else {
                error.setTitle("Wrong user name or password");
                error.setMessage("Check the user name and password and try again.");
            }
            form.setI18n(i18n);
            form.setError(true);
        }
    }

    private static Object lastAuthenticationException() {
        VaadinServletRequest request = VaadinServletRequest.getCurrent();
        if (request == null) {
            return null;
        }
        HttpSession session = request.getHttpServletRequest().getSession(false);
        return session == null ? null : session.getAttribute(WebAttributes.AUTHENTICATION_EXCEPTION);
    }
}
