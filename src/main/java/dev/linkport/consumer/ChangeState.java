package dev.linkport.consumer;

/**
 * How far a change of an available endpoint is: waiting for approval when the service asks for it (then rejected,
 * or approved and applied), being applied by the worker, then done or failed.
 */
public enum ChangeState {
    APPLYING, DONE, FAILED,
    /** The service's setting asks for a decision before the worker applies the change. */
    AWAITING_APPROVAL,
    /** Someone who decides the service's requests refused the change; nothing was changed in AWS. */
    REJECTED;

    /** Whether the change is still open: waiting for a decision or being applied (one per endpoint at a time). */
    public boolean open() {
        return this == AWAITING_APPROVAL || this == APPLYING;
    }
}
