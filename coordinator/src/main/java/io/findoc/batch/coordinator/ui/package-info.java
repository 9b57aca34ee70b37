/**
 * The operator dashboard: server-rendered pages (Thymeleaf, htmx, Server-Sent Events) under {@code
 * findoc.ui.prefix}, signed in with an API key once, over the same stores and operations as the
 * API.
 */
package io.findoc.batch.coordinator.ui;
