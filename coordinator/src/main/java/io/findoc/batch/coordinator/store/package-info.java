/**
 * Persistence: JDBI stores whose SQL lives in {@code .sql} files beside their names ({@code
 * DispatchStore/claimInTurn.sql} for {@code DispatchStore#claimInTurn}), and the row records they
 * return. Every state-changing statement names the state (and attempt) it expects.
 */
package io.findoc.batch.coordinator.store;
