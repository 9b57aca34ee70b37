package io.findoc.batch.coordinator.ui;

import io.findoc.batch.common.message.Priority;
import io.findoc.batch.common.state.JobState;
import io.findoc.batch.coordinator.api.InvalidParameterException;
import io.findoc.batch.coordinator.security.Caller;
import io.findoc.batch.coordinator.store.DashboardStore.JobSelection;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.StringJoiner;

/**
 * The jobs page's filter, as it stands in the page's address: state, priority, part of the name,
 * created from and to (ISO dates or date-times, UTC), the tenant (the platform admin's only; a
 * tenant's key always sees its own), and one metadata entry as {@code key=value} (the jobs whose
 * submitted metadata has that key with that text value).
 */
public record JobFilter(
    JobState state,
    Priority priority,
    String name,
    String from,
    String to,
    String tenant,
    String metadata) {

  private static final int MOST_NAME_CHARACTERS = 200;

  /**
   * The filter from the request's parameters ({@code state}, {@code priority}, {@code name}, {@code
   * from}, {@code to}, {@code tenant}): the page, its bulk preview and the bulk action read it
   * alike.
   */
  static JobFilter of(jakarta.servlet.ServletRequest request) {
    return of(
        request.getParameter("state"),
        request.getParameter("priority"),
        request.getParameter("name"),
        request.getParameter("from"),
        request.getParameter("to"),
        request.getParameter("tenant"),
        request.getParameter("metadata"));
  }

  /** The filter from the request's parameters, without metadata; blank ones count as absent. */
  static JobFilter of(
      String state, String priority, String name, String from, String to, String tenant) {
    return of(state, priority, name, from, to, tenant, null);
  }

  /** The filter from the request's parameters; blank ones count as absent. */
  static JobFilter of(
      String state,
      String priority,
      String name,
      String from,
      String to,
      String tenant,
      String metadata) {
    return new JobFilter(
        blank(state) ? null : parseState(state),
        blank(priority) ? null : parsePriority(priority),
        blank(name) ? null : boundedName(name.strip()),
        blank(from) ? null : from.strip(),
        blank(to) ? null : to.strip(),
        blank(tenant) ? null : tenant.strip(),
        blank(metadata) ? null : metadataEntry(metadata.strip()));
  }

  /** What the store selects for {@code caller}: its own tenant, or the admin's choice. */
  JobSelection selection(Caller caller) {
    String tenantId = caller.tenantId() != null ? caller.tenantId() : tenant;
    return new JobSelection(
        tenantId,
        state == null ? null : state.name(),
        priority == null ? null : priority.wireName(),
        name == null ? null : likePattern(name),
        from == null ? null : instant("from", from),
        to == null ? null : instant("to", to),
        metadata == null ? null : containedMetadata(metadata));
  }

  /** The filter as query parameters (without the leading {@code ?}), absent parts left out. */
  public String query() {
    StringJoiner joined = new StringJoiner("&");
    parameters().forEach((key, value) -> joined.add(key + "=" + encode(value)));
    return joined.toString();
  }

  /** The filter as the audit trail shows it. */
  public String describe() {
    String query = parameters().toString();
    return parameters().isEmpty() ? "all jobs" : "jobs " + query;
  }

  public Map<String, String> parameters() {
    Map<String, String> values = new LinkedHashMap<>();
    if (state != null) {
      values.put("state", state.name());
    }
    if (priority != null) {
      values.put("priority", priority.wireName());
    }
    if (name != null) {
      values.put("name", name);
    }
    if (from != null) {
      values.put("from", from);
    }
    if (to != null) {
      values.put("to", to);
    }
    if (tenant != null) {
      values.put("tenant", tenant);
    }
    if (metadata != null) {
      values.put("metadata", metadata);
    }
    return values;
  }

  private static JobState parseState(String text) {
    try {
      return JobState.valueOf(text.strip().toUpperCase(java.util.Locale.ROOT));
    } catch (IllegalArgumentException e) {
      throw new InvalidParameterException("state", "must be a job state such as RUNNING");
    }
  }

  private static Priority parsePriority(String text) {
    for (Priority priority : Priority.values()) {
      if (priority.wireName().equalsIgnoreCase(text.strip())) {
        return priority;
      }
    }
    throw new InvalidParameterException("priority", "must be high, normal or low");
  }

  private static String boundedName(String name) {
    if (name.length() > MOST_NAME_CHARACTERS) {
      throw new InvalidParameterException(
          "name", "must be at most " + MOST_NAME_CHARACTERS + " characters");
    }
    return name;
  }

  /** A date ({@code 2025-01-31}, its start) or a date-time, in UTC unless it says otherwise. */
  static Instant instant(String parameter, String text) {
    try {
      if (text.length() == 10) {
        return LocalDate.parse(text).atStartOfDay().toInstant(ZoneOffset.UTC);
      }
      if (text.endsWith("Z") || text.contains("+")) {
        return Instant.parse(text);
      }
      return LocalDateTime.parse(text).toInstant(ZoneOffset.UTC);
    } catch (DateTimeParseException e) {
      throw new InvalidParameterException(
          parameter, "must be a date (2025-01-31) or a date-time (2025-01-31T12:00), UTC");
    }
  }

  private static String metadataEntry(String text) {
    int equals = text.indexOf('=');
    if (equals < 1 || text.length() > MOST_NAME_CHARACTERS) {
      throw new InvalidParameterException(
          "metadata",
          "must be one entry as key=value, such as batch=2025-10, at most 200 characters");
    }
    return text;
  }

  /** The JSON object that a matching job's metadata contains: {@code {"key": "value"}}. */
  private static String containedMetadata(String entry) {
    int equals = entry.indexOf('=');
    return io.findoc.batch.common.json.Json.mapper()
        .createObjectNode()
        .put(entry.substring(0, equals).strip(), entry.substring(equals + 1).strip())
        .toString();
  }

  private static String likePattern(String name) {
    return name.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_");
  }

  private static boolean blank(String text) {
    return text == null || text.isBlank();
  }

  private static String encode(String value) {
    return URLEncoder.encode(value, StandardCharsets.UTF_8);
  }
}
