package dev.sommelier.examples.service;

/**
 * A request the service refuses, with the status and the message its JSON answer carries.
 */
final class HttpError extends Exception {

  private static final long serialVersionUID = 1L;

  private final int status;

  HttpError(int status, String message) {
    super(message);
    this.status = status;
  }

  int status() {
    return status;
  }
}
