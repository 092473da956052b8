package dev.linkport.notification.service;

import dev.linkport.notification.NotificationKind;
import java.util.List;

/**
 * What the settings page shows a person.
 *
 * @param emailAvailable whether Linkport can send e-mail at all ({@code spring.mail.host} set)
 * @param emailAddress   where their e-mails go, or {@code null} when their user has none
 * @param choices        one per kind of event, in the enum's order
 */
public record NotificationSettings(boolean emailAvailable, String emailAddress, List<Choice> choices) {

    /** How one kind of event reaches the person. */
    public record Choice(NotificationKind kind, boolean inApp, boolean email) {
    }
}
