package dev.linkport.notification.service;

import java.util.UUID;

/** A team whose webhooks the caller may manage. */
public record TeamChoice(UUID id, String name) {
}
