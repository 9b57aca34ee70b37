/** The vocabulary of job events: their types, shared by the coordinator and their consumers. */
package io.findoc.batch.common.event;
