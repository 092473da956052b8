package dev.linkport.identity.ui;

import dev.linkport.identity.service.DemoUserPolicy;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.Span;
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
import dev.linkport.identity.security.DemoUserRefusedException;
import dev.linkport.identity.security.LoginThrottledException;
import dev.linkport.identity.security.SingleSignOnProviders;
import java.util.List;
import org.springframework.security.authentication.DisabledException;
import org.springframework.security.oauth2.core.OAuth2AuthenticationException;
import jakarta.servlet.http.HttpSession;
import org.springframework.security.web.WebAttributes;

/** Sign-in: single sign-on with each configured identity provider, and a local user name and password. */
@Route(value = "login", autoLayout = false)
@PageTitle("Sign in · Linkport")
@AnonymousAllowed
public class LoginView extends VerticalLayout implements BeforeEnterObserver {

    private final LoginForm form = new LoginForm();
    private final LoginI18n i18n = LoginI18n.createDefault();

    public LoginView(DemoUserPolicy demoUsers, SingleSignOnProviders singleSignOn) {
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

        add(title, tagline);
        List<SingleSignOnProviders.Provider> providers = singleSignOn.providers();
        if (!providers.isEmpty()) {
            Div sso = new Div();
            sso.addClassName("login-sso");
            for (SingleSignOnProviders.Provider provider : providers) {
                Button button = new Button("Sign in with " + provider.name());
                button.addThemeVariants(ButtonVariant.PRIMARY);
                button.setWidthFull();
                button.setTabIndex(-1); // the link takes the focus, not the button inside it
                // a plain link, outside Vaadin's router: the browser goes to the provider and back
                Anchor link = new Anchor(provider.signInUrl(), button);
                link.setRouterIgnore(true);
                link.addClassName("login-sso-link");
                sso.add(link);
            }
            Span or = new Span("or with a Linkport password");
            or.addClassName("login-sso-or");
            sso.add(or);
            add(sso);
        }
        add(form);
        if (demoUsers.allowed()) {
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
            } else if (last instanceof DisabledException) {
                error.setTitle("This user is disabled");
                error.setMessage("Ask a platform admin to enable it again.");
            } else if (last instanceof OAuth2AuthenticationException oauth) {
                error.setTitle("Single sign-on did not work");
                String description = oauth.getError().getDescription();
                error.setMessage(description != null ? description
                        : "The identity provider answered: " + oauth.getError().getErrorCode());
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
