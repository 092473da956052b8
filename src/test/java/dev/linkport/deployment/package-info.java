/** Tests of the deployment files (Dockerfile, compose files, application.yaml) as they are shipped. */
package dev.linkport.deployment;
