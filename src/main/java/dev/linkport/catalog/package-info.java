/**
 * The service catalog: listings of internal services that provider teams publish (each backed
 * by an AWS VPC endpoint service), and how consumers find them.
 */
package dev.linkport.catalog;
