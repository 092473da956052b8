package dev.linkport.consumer.service;

import java.util.List;

/**
 * The values a list's filters offer, taken from the requests the caller may see in it (not from every
 * service or account there is), ordered by label.
 */
public record RequestFilterChoices(List<FilterChoice> services, List<FilterChoice> accounts, List<FilterChoice> teams) {
}
