package dev.linkport.notification.service;

import dev.linkport.identity.service.UserDirectory;
import dev.linkport.notification.NotificationKind;
import dev.linkport.notification.delivery.EmailSender;
import dev.linkport.notification.domain.NotificationPreference;
import dev.linkport.notification.domain.NotificationPreferenceRepository;
import dev.linkport.platform.security.CurrentActor;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** The signed-in person's own choice of which events reach them by which channel; nobody sees anyone else's. */
@Service
@Transactional
public class NotificationSettingsService {

    private final NotificationPreferenceRepository preferences;
    private final UserDirectory users;
    private final EmailSender email;
    private final CurrentActor actor;

    NotificationSettingsService(NotificationPreferenceRepository preferences, UserDirectory users, EmailSender email,
                                CurrentActor actor) {
        this.preferences = preferences;
        this.users = users;
        this.email = email;
        this.actor = actor;
    }

    /** The caller's choices, with the defaults for kinds they never chose. */
    @Transactional(readOnly = true)
    public NotificationSettings mine() {
        UUID me = actor.require().userId();
        Map<NotificationKind, NotificationPreference> chosen = preferences.findByUserId(me).stream()
                .collect(Collectors.toMap(NotificationPreference::getKind, Function.identity()));
        List<NotificationSettings.Choice> choices = Arrays.stream(NotificationKind.values()).map(kind -> {
            NotificationPreference p = chosen.get(kind);
            return p == null ? new NotificationSettings.Choice(kind, true, kind.emailByDefault())
                    : new NotificationSettings.Choice(kind, p.isInApp(), p.isEmail());
        }).toList();
        return new NotificationSettings(email.enabled(), users.emails(List.of(me)).get(me), choices);
    }

    /** Stores the caller's choices for the kinds given; other kinds keep theirs. */
    public NotificationSettings save(List<NotificationSettings.Choice> choices) {
        UUID me = actor.require().userId();
        for (NotificationSettings.Choice c : choices) {
            preferences.findById(new NotificationPreference.Key(me, c.kind())).ifPresentOrElse(
                    p -> p.choose(c.inApp(), c.email()),
                    () -> preferences.save(new NotificationPreference(me, c.kind(), c.inApp(), c.email())));
        }
        preferences.flush();
        return mine();
    }
}
