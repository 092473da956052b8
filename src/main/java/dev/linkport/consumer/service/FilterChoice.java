package dev.linkport.consumer.service;

import java.util.UUID;

/**
 * One value a list's filter offers: a service, an account or a team found among the list's requests.
 *
 * @param code  how people and the API name it (a service's or team's name, a 12-digit account id)
 * @param label how a filter shows it
 */
public record FilterChoice(UUID id, String code, String label) {
}
