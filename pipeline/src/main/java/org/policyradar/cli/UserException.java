package org.policyradar.cli;

/** A mistake the user can fix (bad argument, missing file): printed as one line, exit code 2. */
final class UserException extends RuntimeException {
    UserException(String message) {
        super(message);
    }
}
