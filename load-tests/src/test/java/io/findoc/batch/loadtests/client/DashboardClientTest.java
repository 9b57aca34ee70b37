package io.findoc.batch.loadtests.client;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

class DashboardClientTest {

  @Test
  void theLoginTokenIsReadFromTheSignInFormsHiddenField() {
    String html =
        "<form method=\"post\" action=\"login\">\n"
            + "    <input type=\"hidden\" name=\"loginToken\" value=\"aB3-_x9\">\n"
            + "    <input id=\"key\" name=\"key\" type=\"password\">";

    assertThat(DashboardClient.loginToken(html)).contains("aB3-_x9");
    assertThat(DashboardClient.loginToken("<form><input name=\"key\"></form>")).isEmpty();
  }

  @Test
  void aCookieIsReadFromItsSetCookieAmongOthersTheLastOneCounting() {
    List<String> headers =
        List.of(
            "findoc_ui_login=; Path=/; Max-Age=0; HttpOnly; SameSite=Strict",
            "findoc_ui=\"s3ss10n\"; Path=/; HttpOnly; SameSite=Strict",
            "findoc_ui_login_other=x; Path=/");

    assertThat(DashboardClient.cookie(headers, "findoc_ui")).contains("s3ss10n");
    assertThat(DashboardClient.cookie(headers, "findoc_ui_login")).contains("");
    assertThat(DashboardClient.cookie(headers, "absent")).isEmpty();
    assertThat(DashboardClient.cookie(List.of("a=1; Path=/", "a=2; Path=/"), "a")).contains("2");
  }
}
