package org.policyradar.yaml;

/**
 * Makes the exception a configuration module reports its problems with ({@code ConfigException::new},
 * {@code TaxonomyException::new}), so the shared reading and validation code throws what each caller already catches.
 */
@FunctionalInterface
public interface ConfigErrors {
    RuntimeException create(String message, Throwable cause);

    default RuntimeException create(String message) {
        return create(message, null);
    }
}
