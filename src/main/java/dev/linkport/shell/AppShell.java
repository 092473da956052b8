package dev.linkport.shell;

import com.vaadin.flow.component.dependency.StyleSheet;
import com.vaadin.flow.component.page.AppShellConfigurator;
import com.vaadin.flow.component.page.Push;
import com.vaadin.flow.server.AppShellSettings;
import com.vaadin.flow.theme.lumo.Lumo;

/** Page-wide settings: Lumo plus Linkport's plain CSS, and server push for live updates. */
@Push
@StyleSheet(Lumo.STYLESHEET)
@StyleSheet("context://styles.css")
public class AppShell implements AppShellConfigurator {

    @Override
    public void configurePage(AppShellSettings settings) {
        settings.setPageTitle("Linkport");
        settings.addFavIcon("icon", "images/favicon.svg", "any");
    }
}
