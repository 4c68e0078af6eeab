package org.policyradar.testing;

/** Pages built to hurt parsers. */
public final class HostilePages {
    private HostilePages() {
    }

    /** {@code depth} nested divs around one paragraph about 5G base stations. */
    public static String deeplyNested(int depth) {
        StringBuilder sb = new StringBuilder(depth * 11 + 500).append("<html><head><title>Deep</title></head><body>");
        sb.append("<div>".repeat(depth));
        sb.append("<p>The ministry published its plan for 5G base stations, data security and artificial intelligence, "
                + "with targets for every province, city and county.</p>");
        sb.append("</div>".repeat(depth));
        return sb.append("</body></html>").toString();
    }
}
