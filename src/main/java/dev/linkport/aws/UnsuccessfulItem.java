package dev.linkport.aws;

/**
 * One item of a batch action (accept, reject, delete) that AWS did not carry out, while the call as a whole
 * succeeded.
 *
 * @param resourceId the endpoint or service id concerned
 * @param errorCode  AWS's error code for this item
 * @param message    AWS's message for this item
 */
public record UnsuccessfulItem(String resourceId, String errorCode, String message) {
}
