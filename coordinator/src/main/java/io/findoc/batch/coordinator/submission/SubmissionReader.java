package io.findoc.batch.coordinator.submission;

import io.findoc.batch.common.message.Priority;
import io.findoc.batch.coordinator.validation.Violation;
import io.findoc.batch.coordinator.webhooks.JobWebhook;
import java.io.InputStream;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import tools.jackson.core.JacksonException;
import tools.jackson.core.JsonParser;
import tools.jackson.core.JsonToken;
import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.DeserializationFeature;
import tools.jackson.databind.ObjectMapper;
import tools.jackson.databind.ObjectReader;

/**
 * Reads a submission body as a stream: the job's fields, and each document handed on as soon as it
 * is read, so that a million documents never sit in memory together. Unreadable JSON, unknown
 * fields and wrong types end the reading with an {@link InvalidSubmissionException} naming the
 * path.
 */
public final class SubmissionReader {

  /** Receives each document with its index in the body. */
  @FunctionalInterface
  public interface DocumentSink {
    void accept(int index, SubmittedDocument document);
  }

  /** The job's fields, and how many documents the body had. */
  public record Read(JobSubmission job, int documents) {}

  private static final TypeReference<Map<String, Object>> OBJECT = new TypeReference<>() {};

  private final ObjectMapper mapper;
  private final ObjectReader documentReader;
  private final int maxDocuments;

  /**
   * @param mapper the API's mapper (unknown properties fail)
   * @param maxDocuments the most documents a body may have
   */
  public SubmissionReader(ObjectMapper mapper, int maxDocuments) {
    this.mapper = mapper;
    this.documentReader = reader(SubmittedDocument.class);
    this.maxDocuments = maxDocuments;
  }

  public Read read(InputStream body, DocumentSink sink) {
    String name = null;
    Priority priority = null;
    String processor = null;
    Map<String, Object> options = null;
    Map<String, Object> metadata = null;
    JobSubmission.RetrySettings retry = null;
    TaskOrder taskOrder = null;
    UUID[] dependsOn = null;
    Instant deadline = null;
    JobWebhook[] webhooks = null;
    Boolean taskEvents = null;
    JobSubmission.FailurePolicySettings failurePolicy = null;
    int documents = 0;
    try (JsonParser parser = mapper.createParser(body)) {
      JsonToken first = parser.nextToken();
      if (first == null) {
        throw invalid("$", "a JSON body is required");
      }
      if (first != JsonToken.START_OBJECT) {
        throw invalid("$", "must be a JSON object");
      }
      while (parser.nextToken() == JsonToken.PROPERTY_NAME) {
        String field = parser.currentName();
        parser.nextToken();
        switch (field) {
          case "name" -> name = value(parser, field, String.class);
          case "priority" -> priority = value(parser, field, Priority.class);
          case "processor" -> processor = value(parser, field, String.class);
          case "options" -> options = object(parser, field);
          case "metadata" -> metadata = object(parser, field);
          case "retry" -> retry = value(parser, field, JobSubmission.RetrySettings.class);
          case "taskOrder" -> taskOrder = value(parser, field, TaskOrder.class);
          case "dependsOn" -> dependsOn = value(parser, field, UUID[].class);
          case "deadline" -> deadline = value(parser, field, Instant.class);
          case "webhooks" -> webhooks = value(parser, field, JobWebhook[].class);
          case "taskEvents" -> taskEvents = value(parser, field, Boolean.class);
          case "failurePolicy" ->
              failurePolicy = value(parser, field, JobSubmission.FailurePolicySettings.class);
          case "documents" -> documents = documents(parser, sink);
          default -> throw invalid(field, "is not a known field");
        }
      }
      if (parser.nextToken() != null) {
        throw invalid("$", "must be a single JSON object");
      }
    } catch (JacksonException e) {
      throw new InvalidSubmissionException(List.of(JsonViolations.of(e, "")));
    }
    return new Read(
        new JobSubmission(
            name,
            priority,
            processor,
            options,
            metadata,
            retry,
            taskOrder,
            dependsOn == null ? null : Arrays.asList(dependsOn),
            deadline,
            webhooks == null ? null : Arrays.asList(webhooks),
            taskEvents,
            failurePolicy),
        documents);
  }

  private int documents(JsonParser parser, DocumentSink sink) {
    if (parser.currentToken() == JsonToken.VALUE_NULL) {
      return 0;
    }
    if (parser.currentToken() != JsonToken.START_ARRAY) {
      throw invalid("documents", "has the wrong type: expected an array");
    }
    int index = 0;
    while (parser.nextToken() != JsonToken.END_ARRAY) {
      if (index == maxDocuments) {
        throw invalid(
            "documents",
            "a job may have at most " + maxDocuments + " documents, this one has more");
      }
      String path = "documents[" + index + "]";
      if (parser.currentToken() != JsonToken.START_OBJECT) {
        throw invalid(path, "must be an object");
      }
      try {
        sink.accept(index, documentReader.readValue(parser));
      } catch (JacksonException e) {
        throw new InvalidSubmissionException(List.of(JsonViolations.of(e, path)));
      }
      index++;
    }
    return index;
  }

  private <T> T value(JsonParser parser, String path, Class<T> type) {
    try {
      return reader(type).readValue(parser);
    } catch (JacksonException e) {
      throw new InvalidSubmissionException(List.of(JsonViolations.of(e, path)));
    }
  }

  private Map<String, Object> object(JsonParser parser, String path) {
    if (parser.currentToken() == JsonToken.VALUE_NULL) {
      return null;
    }
    if (parser.currentToken() != JsonToken.START_OBJECT) {
      throw invalid(path, "has the wrong type: expected an object");
    }
    try {
      return mapper
          .readerFor(OBJECT)
          .without(DeserializationFeature.FAIL_ON_TRAILING_TOKENS)
          .readValue(parser);
    } catch (JacksonException e) {
      throw new InvalidSubmissionException(List.of(JsonViolations.of(e, path)));
    }
  }

  /** A reader of one value in the middle of the body: what follows it is not "trailing". */
  private ObjectReader reader(Class<?> type) {
    return mapper.readerFor(type).without(DeserializationFeature.FAIL_ON_TRAILING_TOKENS);
  }

  private static InvalidSubmissionException invalid(String field, String message) {
    return new InvalidSubmissionException(List.of(new Violation(field, message)));
  }
}
