package dev.linkport.consumer;

/** How far a change of an available endpoint is: being applied by the worker, then done or failed. */
public enum ChangeState {
    APPLYING, DONE, FAILED
}
