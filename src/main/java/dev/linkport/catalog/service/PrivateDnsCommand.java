package dev.linkport.catalog.service;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import java.util.UUID;

/** Sets a service's private DNS name, e.g. {@code api.payments.example.com}. */
public record PrivateDnsCommand(@NotNull UUID serviceId,
                                @NotBlank(message = "Enter a DNS name such as api.payments.example.com")
                                @Pattern(regexp = PublishServiceCommand.DNS_NAME,
                                        message = PublishServiceCommand.DNS_NAME_MESSAGE) String name) {
}
