package org.policyradar.fetch;

import java.io.ByteArrayOutputStream;
import java.net.http.HttpResponse;
import java.nio.ByteBuffer;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.Flow;

/**
 * Collects a response body into a byte array, and cancels the download as soon as it grows past {@code maxBytes}
 * instead of reading a huge or endless body to the end.
 */
final class BoundedBodySubscriber implements HttpResponse.BodySubscriber<byte[]> {
    private final long maxBytes;
    private final CompletableFuture<byte[]> result = new CompletableFuture<>();
    private final ByteArrayOutputStream out = new ByteArrayOutputStream();
    private Flow.Subscription subscription;
    private long received;

    private final boolean truncate;

    BoundedBodySubscriber(long maxBytes) {
        this(maxBytes, false);
    }

    /** @param truncate past {@code maxBytes}, keep the first bytes instead of failing (an error page's start is enough) */
    BoundedBodySubscriber(long maxBytes, boolean truncate) {
        this.maxBytes = maxBytes;
        this.truncate = truncate;
    }

    @Override
    public CompletionStage<byte[]> getBody() {
        return result;
    }

    @Override
    public void onSubscribe(Flow.Subscription s) {
        this.subscription = s;
        s.request(Long.MAX_VALUE);
    }

    @Override
    public void onNext(List<ByteBuffer> buffers) {
        if (result.isDone()) {
            return;
        }
        for (ByteBuffer buffer : buffers) {
            received += buffer.remaining();
            if (received > maxBytes) {
                subscription.cancel();
                if (truncate) {
                    result.complete(out.toByteArray());
                } else {
                    result.completeExceptionally(new ContentDecoding.TooLargeException(maxBytes));
                }
                return;
            }
            byte[] chunk = new byte[buffer.remaining()];
            buffer.get(chunk);
            out.write(chunk, 0, chunk.length);
        }
    }

    @Override
    public void onError(Throwable throwable) {
        result.completeExceptionally(throwable);
    }

    @Override
    public void onComplete() {
        result.complete(out.toByteArray());
    }
}
