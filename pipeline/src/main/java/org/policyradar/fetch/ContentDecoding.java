package org.policyradar.fetch;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.util.zip.GZIPInputStream;

/**
 * Decompression of bodies that are still gzip-compressed although no Content-Encoding said so (misconfigured servers
 * and CDNs do this, and files saved from them keep the compressed bytes). Output is bounded: a gzip bomb fails with an
 * {@link IOException} instead of filling the heap.
 */
public final class ContentDecoding {
    private ContentDecoding() {
    }

    /** True when the bytes start with the gzip magic number 1f 8b. */
    public static boolean looksGzipped(byte[] bytes) {
        return bytes != null && bytes.length >= 2 && (bytes[0] & 0xFF) == 0x1F && (bytes[1] & 0xFF) == 0x8B;
    }

    /**
     * Gunzips the bytes when they carry the gzip magic number, otherwise returns them unchanged.
     *
     * @throws IOException when the gzip stream is corrupt or inflates to more than {@code maxBytes}
     */
    public static byte[] gunzipIfMagic(byte[] bytes, long maxBytes) throws IOException {
        if (!looksGzipped(bytes)) {
            return bytes;
        }
        return readBounded(new GZIPInputStream(new ByteArrayInputStream(bytes)), maxBytes);
    }

    /** Reads the whole stream, failing once more than {@code maxBytes} came out. */
    static byte[] readBounded(InputStream in, long maxBytes) throws IOException {
        try (in) {
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            byte[] buffer = new byte[64 * 1024];
            long total = 0;
            int n;
            while ((n = in.read(buffer)) > 0) {
                total += n;
                if (total > maxBytes) {
                    throw new TooLargeException(maxBytes);
                }
                out.write(buffer, 0, n);
            }
            return out.toByteArray();
        }
    }

    /** More bytes than the limit allows; never worth retrying. */
    public static final class TooLargeException extends IOException {
        public TooLargeException(long maxBytes) {
            super("content larger than " + maxBytes + " bytes");
        }
    }
}
