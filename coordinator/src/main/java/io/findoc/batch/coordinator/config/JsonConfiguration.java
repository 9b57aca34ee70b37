package io.findoc.batch.coordinator.config;

import java.util.List;
import java.util.Map;
import org.springframework.boot.jackson.autoconfigure.JsonMapperBuilderCustomizer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Scope;
import tools.jackson.core.StreamReadConstraints;
import tools.jackson.core.json.JsonFactory;
import tools.jackson.databind.cfg.CoercionAction;
import tools.jackson.databind.cfg.CoercionInputShape;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.type.LogicalType;

/**
 * The API reads JSON strictly and within limits: a value of the wrong type is an error naming the
 * field, never quietly converted ({@code "name": 42} is not the name {@code "42"}, {@code
 * "maxAttempts": "3"} is not 3); no body nests deeper, or has longer strings, than {@code
 * findoc.security.max-json-depth} and {@code max-json-string-bytes} allow, and no field name is
 * longer than 1 KiB. Unknown fields are refused by {@code coordinator.yml}.
 */
@Configuration(proxyBeanMethods = false)
public class JsonConfiguration {

  /**
   * Spring Boot's builder of the API's mapper, on a JSON factory with the limits of {@code
   * findoc.security.*}, with every customizer applied as Boot would (Spring Boot 4.0 has no
   * properties for these limits).
   */
  @Bean
  @Scope("prototype")
  JsonMapper.Builder jsonMapperBuilder(
      List<JsonMapperBuilderCustomizer> customizers, CoordinatorProperties properties) {
    StreamReadConstraints limits =
        StreamReadConstraints.builder()
            .maxNestingDepth(properties.security().maxJsonDepth())
            .maxStringLength(properties.security().maxJsonStringBytes())
            .maxNameLength(1024)
            .maxNumberLength(100)
            .build();
    JsonMapper.Builder builder =
        JsonMapper.builder(JsonFactory.builder().streamReadConstraints(limits).build());
    customizers.forEach(customizer -> customizer.customize(builder));
    return builder;
  }

  /** The input shapes each scalar type refuses: none is quietly converted to it. */
  private static final Map<LogicalType, List<CoercionInputShape>> REFUSED =
      Map.of(
          LogicalType.Textual,
          List.of(CoercionInputShape.Integer, CoercionInputShape.Float, CoercionInputShape.Boolean),
          LogicalType.Integer,
          List.of(CoercionInputShape.String, CoercionInputShape.Float, CoercionInputShape.Boolean),
          LogicalType.Boolean,
          List.of(CoercionInputShape.String, CoercionInputShape.Integer));

  @Bean
  JsonMapperBuilderCustomizer strictScalars() {
    return builder ->
        REFUSED.forEach(
            (type, shapes) ->
                builder.withCoercionConfig(
                    type,
                    config ->
                        shapes.forEach(shape -> config.setCoercion(shape, CoercionAction.Fail))));
  }
}
