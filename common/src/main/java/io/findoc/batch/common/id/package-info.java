/** Identifiers of jobs and tasks, as the API, the database and the messages spell them. */
package io.findoc.batch.common.id;
