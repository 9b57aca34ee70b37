package io.findoc.batch.coordinator.ui;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * The dashboard, under {@code findoc.ui.*}.
 *
 * @param prefix the path the dashboard is served under (default {@code /ui}); its pages link to
 *     each other relatively, so a reverse proxy may serve it under another path
 * @param readOnly whether the dashboard refuses every change for everyone, whatever the role
 *     (default false)
 * @param sessionIdle how long a signed-in browser stays signed in without a request (default 30
 *     min)
 * @param sessionLongest how long a sign-in lasts at most (default 12 h)
 * @param confirmAbove a bulk action on more jobs than this needs the count typed to confirm
 *     (default 10)
 * @param bulkLimit the most jobs one bulk action changes (default 10,000)
 * @param pageSize rows per page of the jobs and task tables (default 50)
 * @param tasksSearchedPerPage task numbers one page of a job's task table reads at most, whatever
 *     its filter (default 20,000): a filter few tasks match ends its page early, and its "more"
 *     searches on from there, so a page stays quick at a million tasks
 */
@ConfigurationProperties("findoc.ui")
public record UiProperties(
    @DefaultValue("/ui") String prefix,
    @DefaultValue("false") boolean readOnly,
    @DefaultValue("30m") Duration sessionIdle,
    @DefaultValue("12h") Duration sessionLongest,
    @DefaultValue("10") int confirmAbove,
    @DefaultValue("10000") int bulkLimit,
    @DefaultValue("50") int pageSize,
    @DefaultValue("20000") int tasksSearchedPerPage) {

  public UiProperties {
    if (!prefix.startsWith("/") || prefix.endsWith("/") || prefix.length() < 2) {
      throw new IllegalArgumentException(
          "findoc.ui.prefix must start with '/' and not end with one, such as /ui; got '"
              + prefix
              + "'");
    }
    if (confirmAbove < 0 || bulkLimit < 1 || pageSize < 1 || pageSize > 1000) {
      throw new IllegalArgumentException(
          "findoc.ui.confirm-above must not be negative, bulk-limit must be positive and"
              + " page-size between 1 and 1000");
    }
    if (tasksSearchedPerPage < 1) {
      throw new IllegalArgumentException(
          "findoc.ui.tasks-searched-per-page must be positive, is " + tasksSearchedPerPage);
    }
  }
}
