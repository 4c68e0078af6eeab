package org.policyradar.route;

import java.net.URI;
import org.policyradar.fetch.Validators;

/** Validators of one followed page. */
public record PageValidators(URI uri, Validators validators) {
}
