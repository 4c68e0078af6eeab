package org.policyradar.extract;

import java.util.Locale;
import java.util.Optional;

/**
 * Refuses a fetched page that is not an HTML page before any parser sees it: a document or image (PDF, PNG, JPEG,
 * GIF, ZIP/Office, by its first bytes or its declared type), or binary bytes served as text/html (NUL bytes or many
 * control characters in the first 8 KB). Without this, a PDF linked from a listing would be decoded as windows-1252
 * and indexed as a page of garbage. Pages served with no type or a generic one pass when their bytes look like text.
 */
public final class PageContentCheck {
    private static final int SNIFF = 8192;

    /** Why the body is not an HTML page, or empty when it may be one. */
    public Optional<String> refusal(byte[] body, String contentType) {
        String magic = magic(body);
        if (magic != null) {
            return Optional.of("not an HTML page: " + magic + " content" + declared(contentType));
        }
        String type = contentType == null ? "" : contentType.toLowerCase(Locale.ROOT).split(";")[0].strip();
        if (type.startsWith("image/") || type.startsWith("audio/") || type.startsWith("video/") || type.startsWith("font/")
                || type.equals("application/pdf") || type.equals("application/zip") || type.equals("application/msword")
                || type.startsWith("application/vnd.")) {
            return Optional.of("not an HTML page: content type " + type);
        }
        if (looksBinary(body)) {
            return Optional.of("not an HTML page: binary bytes (NUL or control characters)" + declared(contentType));
        }
        return Optional.empty();
    }

    private static String declared(String contentType) {
        return contentType == null ? "" : " served as " + contentType.strip();
    }

    private static String magic(byte[] b) {
        if (startsWith(b, "%PDF-")) {
            return "PDF";
        }
        if (b.length >= 8 && (b[0] & 0xFF) == 0x89 && startsWith(b, 1, "PNG")) {
            return "PNG image";
        }
        if (b.length >= 3 && (b[0] & 0xFF) == 0xFF && (b[1] & 0xFF) == 0xD8 && (b[2] & 0xFF) == 0xFF) {
            return "JPEG image";
        }
        if (startsWith(b, "GIF87a") || startsWith(b, "GIF89a")) {
            return "GIF image";
        }
        if (b.length >= 4 && b[0] == 'P' && b[1] == 'K' && b[2] == 3 && b[3] == 4) {
            return "ZIP/Office document";
        }
        return null;
    }

    /** UTF-16 pages (with a byte-order mark) are full of NULs and still text. */
    private static boolean looksBinary(byte[] b) {
        if (b.length >= 2 && ((b[0] & 0xFF) == 0xFE && (b[1] & 0xFF) == 0xFF || (b[0] & 0xFF) == 0xFF && (b[1] & 0xFF) == 0xFE)) {
            return false;
        }
        int n = Math.min(b.length, SNIFF);
        int control = 0;
        for (int i = 0; i < n; i++) {
            int c = b[i] & 0xFF;
            if (c == 0) {
                return true;
            }
            if (c < 0x20 && c != '\t' && c != '\n' && c != '\r' && c != '\f' && c != 0x1B) {
                control++;
            }
        }
        return n > 0 && control * 20 > n; // more than 5 %: text has next to none
    }

    private static boolean startsWith(byte[] b, String prefix) {
        return startsWith(b, 0, prefix);
    }

    private static boolean startsWith(byte[] b, int offset, String prefix) {
        if (b.length < offset + prefix.length()) {
            return false;
        }
        for (int i = 0; i < prefix.length(); i++) {
            if (b[offset + i] != prefix.charAt(i)) {
                return false;
            }
        }
        return true;
    }
}
