/**
 * The built-in AWS sandbox: an emulator of the EC2, ELBv2 and STS Query APIs Linkport uses, so
 * the whole product works on a laptop with nothing else installed.
 */
package dev.linkport.sandbox;
