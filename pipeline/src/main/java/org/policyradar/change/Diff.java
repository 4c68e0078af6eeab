package org.policyradar.change;

import java.util.ArrayList;
import java.util.List;
import org.policyradar.change.WordDiff.Op;
import org.policyradar.change.WordDiff.Segment;
import org.policyradar.change.WordDiff.Token;

/**
 * The result of {@link WordDiff}: segments of equal, deleted and inserted tokens, rendered as the changed passages
 * with a little context (like {@code git diff --word-diff}: {@code [-removed-]{+added+}}), never the whole page.
 */
public record Diff(List<Segment> segments) {
    /** Tokens of context shown on each side of a change. */
    static final int CONTEXT = 8;
    static final int MAX_HUNKS = 12;
    static final int MAX_RUN_CHARS = 400;

    public Diff {
        segments = List.copyOf(segments);
    }

    public boolean hasChanges() {
        return segments.stream().anyMatch(s -> s.op() != Op.EQUAL);
    }

    public int wordsAdded() {
        return words(Op.INSERT);
    }

    public int wordsRemoved() {
        return words(Op.DELETE);
    }

    private int words(Op op) {
        return (int) segments.stream().filter(s -> s.op() == op).flatMap(s -> s.tokens().stream()).filter(Token::isWord).count();
    }

    /**
     * A change: consecutive deleted and inserted runs.
     *
     * @param next the first unchanged token after it (the unit of a changed number: 38→50 in "达到38个"), or null
     */
    public record Change(List<Token> removed, List<Token> added, Token next) {
    }

    public List<Change> changes() {
        List<Change> out = new ArrayList<>();
        for (int i = 0; i < segments.size(); i++) {
            if (segments.get(i).op() == Op.EQUAL) {
                continue;
            }
            List<Token> removed = new ArrayList<>();
            List<Token> added = new ArrayList<>();
            while (i < segments.size() && segments.get(i).op() != Op.EQUAL) {
                (segments.get(i).op() == Op.DELETE ? removed : added).addAll(segments.get(i).tokens());
                i++;
            }
            Token next = i < segments.size() ? segments.get(i).tokens().get(0) : null;
            out.add(new Change(removed, added, next));
            i--;
        }
        return out;
    }

    /** The changed passages, one per line, with {@link #CONTEXT} tokens of context and "…" where text is left out. */
    public String render() {
        StringBuilder out = new StringBuilder();
        int hunks = 0;
        int i = 0;
        while (i < segments.size()) {
            if (segments.get(i).op() == Op.EQUAL) {
                i++;
                continue;
            }
            if (hunks == MAX_HUNKS) {
                long more = changes().size() - MAX_HUNKS;
                out.append("… and ").append(more).append(" more change").append(more == 1 ? "" : "s").append('\n');
                break;
            }
            StringBuilder line = new StringBuilder();
            if (i > 0) {
                List<Token> before = segments.get(i - 1).tokens();
                int from = Math.max(0, before.size() - CONTEXT);
                line.append(from > 0 || i > 1 ? "… " : "").append(join(before.subList(from, before.size()), false));
            }
            // changes separated by little equal text stay in one hunk
            while (i < segments.size()) {
                Segment s = segments.get(i);
                if (s.op() == Op.EQUAL) {
                    boolean lastSegment = i == segments.size() - 1;
                    if (s.tokens().size() <= 2 * CONTEXT && !lastSegment) {
                        line.append(join(s.tokens(), true));
                        i++;
                        continue;
                    }
                    int to = Math.min(CONTEXT, s.tokens().size());
                    line.append(join(s.tokens().subList(0, to), true)).append(to < s.tokens().size() || !lastSegment ? " …" : "");
                    i++;
                    break;
                }
                String run = join(s.tokens(), false);
                if (run.length() > MAX_RUN_CHARS) {
                    run = run.substring(0, MAX_RUN_CHARS) + " …";
                }
                boolean afterDeletion = i > 0 && segments.get(i - 1).op() == Op.DELETE;
                boolean space = s.tokens().get(0).spaceBefore() && !line.isEmpty() && !afterDeletion;
                line.append(space ? " " : "").append(s.op() == Op.DELETE ? "[-" : "{+").append(run).append(s.op() == Op.DELETE ? "-]" : "+}");
                i++;
            }
            out.append(line.toString().strip()).append('\n');
            hunks++;
        }
        return out.toString();
    }

    /** Tokens as text: a space where the source had whitespace (none between Chinese characters). */
    static String join(List<Token> tokens, boolean keepLeadingSpace) {
        StringBuilder b = new StringBuilder();
        for (Token t : tokens) {
            if (t.spaceBefore() && (keepLeadingSpace || !b.isEmpty())) {
                b.append(' ');
            }
            b.append(t.text());
        }
        return b.toString();
    }
}
