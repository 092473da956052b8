package dev.linkport.platform.ui;

import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.Paragraph;

/** A view's title, a line saying what the view is for, and its main actions on the right. */
public class ViewHeader extends Div {

    public ViewHeader(String title, String purpose, Component... actions) {
        addClassName("view-header");
        Div text = new Div(new H2(title), new Paragraph(purpose));
        text.addClassName("view-header-text");
        Div bar = new Div(actions);
        bar.addClassName("view-header-actions");
        add(text, bar);
    }
}
