package io.findoc.batch.coordinator.ui;

import io.findoc.batch.coordinator.api.JobNotFoundException;
import io.findoc.batch.coordinator.progress.JobView;
import io.findoc.batch.coordinator.security.Caller;
import io.findoc.batch.coordinator.security.Role;
import io.findoc.batch.coordinator.submission.JobSubmitter;
import jakarta.servlet.http.HttpServletRequest;
import java.io.IOException;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.ResponseBody;

/**
 * The submit page: files dropped into it (or chosen) become one job, each file an inline document;
 * the page's script sends the same JSON the API takes ({@code POST /api/batch/jobs}), which goes
 * through the same {@link JobSubmitter}, limits and validation included.
 */
@Controller
@RequestMapping("${findoc.ui.prefix:/ui}/submit")
public class SubmitPage {

  private final JobSubmitter submitter;
  private final UiAudit audit;

  public SubmitPage(JobSubmitter submitter, UiAudit audit) {
    this.submitter = submitter;
    this.audit = audit;
  }

  @GetMapping
  String page() {
    return "ui/submit";
  }

  /** Submits the job: 202 with the job as JSON, as the API answers. */
  @PostMapping(consumes = MediaType.APPLICATION_JSON_VALUE)
  @ResponseBody
  ResponseEntity<JobView> submit(HttpServletRequest request) throws IOException {
    Caller caller = UiGate.sessionOf(request).caller();
    caller.require(Role.SUBMITTER);
    JobSubmitter.Submitted submitted =
        submitter.submit(caller.tenant(), null, request.getInputStream());
    JobView job =
        JobView.of(submitted.job().orElseThrow(() -> new JobNotFoundException(submitted.jobId())));
    audit.changed(caller, "submit", "job " + job.id() + " " + job.name(), job.counts().total());
    return ResponseEntity.accepted().body(job);
  }
}
