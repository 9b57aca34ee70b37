package io.findoc.batch.coordinator.store;

import io.findoc.batch.common.state.TaskState;
import jakarta.annotation.Nullable;
import java.time.Instant;
import java.util.UUID;

/**
 * A task as stored; {@code document} and {@code result} are JSON text, {@code errorTrace} the
 * trimmed stack trace of the current attempt's failure; {@code compensation} is null unless its job
 * rolled back ({@code CompensationState} by name).
 */
public record TaskRow(
    UUID jobId,
    int number,
    String documentRef,
    String document,
    TaskState state,
    int attempt,
    Instant notBefore,
    Instant queuedAt,
    Instant startedAt,
    Instant finishedAt,
    String worker,
    String result,
    String errorCode,
    String errorMessage,
    @Nullable String errorTrace,
    String compensation,
    int compensationAttempt,
    String compensationErrorCode,
    String compensationErrorMessage) {}
