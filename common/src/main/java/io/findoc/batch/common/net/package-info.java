/** Network rules shared by the worker and the coordinator: the SSRF guard of outbound requests. */
package io.findoc.batch.common.net;
