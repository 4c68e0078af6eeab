package org.policyradar.yaml;

import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonProcessingException;
import org.yaml.snakeyaml.error.Mark;
import org.yaml.snakeyaml.error.MarkedYAMLException;

/**
 * A YAML syntax error as one line naming the file, line and column and the problem, instead of the parser's
 * multi-line dump (context, an excerpt with a caret, a Jackson source reference).
 */
final class YamlError {
    private YamlError() {
    }

    static String oneLine(String file, JsonProcessingException e) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t instanceof MarkedYAMLException m && m.getProblemMark() != null) {
                Mark mark = m.getProblemMark();
                String problem = m.getProblem() == null ? firstLine(m.getMessage()) : m.getProblem();
                Mark started = m.getContextMark();
                String context = m.getContext() == null ? "" : " (" + m.getContext().strip()
                        + (started == null ? "" : " begun at line " + (started.getLine() + 1) + ", column " + (started.getColumn() + 1)) + ")";
                return at(file, mark.getLine() + 1, mark.getColumn() + 1, problem + context);
            }
        }
        JsonLocation location = e.getLocation();
        String problem = firstLine(e.getOriginalMessage());
        return location == null ? file + ": not valid YAML: " + problem
                : at(file, location.getLineNr(), location.getColumnNr(), problem);
    }

    private static String at(String file, int line, int column, String problem) {
        return file + ":" + line + ":" + column + ": not valid YAML at line " + line + ", column " + column + ": "
                + firstLine(problem) + "; check the indentation, quotes and brackets there";
    }

    static String firstLine(String message) {
        String m = String.valueOf(message).strip();
        int nl = m.indexOf('\n');
        return (nl < 0 ? m : m.substring(0, nl)).strip();
    }
}
