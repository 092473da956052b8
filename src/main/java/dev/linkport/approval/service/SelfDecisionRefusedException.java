package dev.linkport.approval.service;

import dev.linkport.platform.ForbiddenException;

/** The caller tried to decide their own request, which four eyes forbid ({@link FourEyes}). */
public class SelfDecisionRefusedException extends ForbiddenException {

    public SelfDecisionRefusedException(String message) {
        super(message);
    }
}
