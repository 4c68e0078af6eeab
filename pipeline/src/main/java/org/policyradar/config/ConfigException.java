package org.policyradar.config;

/**
 * A configuration file is wrong. The message names the file, the entry (source id, ...) and key, what is wrong and
 * how to fix it, so it can be shown to the user as is.
 */
public final class ConfigException extends RuntimeException {
    public ConfigException(String message) {
        super(message);
    }

    public ConfigException(String message, Throwable cause) {
        super(message, cause);
    }
}
