package dev.linkport.worker;

import java.util.Objects;

/**
 * One kind of background job, named as db-scheduler stores it ({@code provision-endpoint}). Each
 * job declares its kind as a constant, so that services can ask for it without depending on the
 * job itself.
 */
public record JobKind(String taskName) {

    public JobKind {
        Objects.requireNonNull(taskName, "taskName");
        if (!taskName.matches("[a-z][a-z-]*")) {
            throw new IllegalArgumentException("A job kind is a lower-case name with dashes: " + taskName);
        }
    }

    @Override
    public String toString() {
        return taskName;
    }
}
