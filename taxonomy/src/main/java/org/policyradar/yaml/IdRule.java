package org.policyradar.yaml;

import java.util.regex.Pattern;

/**
 * What an id in a configuration file may look like, said once with the words an error message uses.
 *
 * @param rule    e.g. "lower-case letters, digits and '-' (at most 64)"
 * @param example a valid id, e.g. miit-policy
 */
public record IdRule(Pattern pattern, String rule, String example) {
    public static IdRule of(String regex, String rule, String example) {
        return new IdRule(Pattern.compile(regex), rule, example);
    }

    /** The same rule with another example (a channel id, a watch id). */
    public IdRule withExample(String otherExample) {
        return new IdRule(pattern, rule, otherExample);
    }

    public boolean matches(String id) {
        return id != null && pattern.matcher(id).matches();
    }
}
