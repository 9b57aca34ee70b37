package io.findoc.batch.coordinator.security;

import org.springframework.context.annotation.Configuration;
import org.springframework.web.servlet.config.annotation.InterceptorRegistry;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;

/** The API's interceptors: the audit trail of every change. */
@Configuration(proxyBeanMethods = false)
public class AuditConfiguration implements WebMvcConfigurer {

  private final AuditTrail auditTrail;

  public AuditConfiguration(AuditTrail auditTrail) {
    this.auditTrail = auditTrail;
  }

  @Override
  public void addInterceptors(InterceptorRegistry registry) {
    registry.addInterceptor(auditTrail).addPathPatterns("/api/**");
  }
}
