package org.policyradar.listing;

import java.util.Locale;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Pattern;
import org.jsoup.nodes.Element;

/**
 * The shape of an element as a simple CSS selector: its tag and its stable classes. State classes (odd, even, first,
 * active …), classes with numbers (row-3) and names CSS would need escaped are left out, so rows of one list share one
 * shape and the selector still matches tomorrow's page.
 */
final class Shapes {
    private static final Pattern SAFE_NAME = Pattern.compile("[A-Za-z_][A-Za-z_-]*");
    private static final Set<String> STATE_CLASSES = Set.of("odd", "even", "first", "last", "active", "current", "cur",
            "on", "selected", "hover", "clearfix", "clear", "fl", "fr", "left", "right", "new", "hide", "show", "top");

    private Shapes() {
    }

    /** {@code tag.class1.class2}, classes sorted. */
    static String shape(Element e) {
        StringBuilder sb = new StringBuilder(e.tagName());
        for (String c : stableClasses(e)) {
            sb.append('.').append(c);
        }
        return sb.toString();
    }

    /** {@code #id} for an element with a meaningful id, else its shape. */
    static String withId(Element e) {
        String id = e.id();
        return SAFE_NAME.matcher(id).matches() ? "#" + id : shape(e);
    }

    static boolean hasId(Element e) {
        return SAFE_NAME.matcher(e.id()).matches();
    }

    private static Set<String> stableClasses(Element e) {
        Set<String> out = new TreeSet<>();
        for (String c : e.classNames()) {
            if (SAFE_NAME.matcher(c).matches() && !STATE_CLASSES.contains(c.toLowerCase(Locale.ROOT))) {
                out.add(c);
            }
        }
        return out;
    }
}
