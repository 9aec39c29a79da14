package dev.assetflow.uploader;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.nio.file.Path;
import java.util.function.LongConsumer;

/** Sends bytes of a file to a presigned URL; {@link PartPut} over HTTP. */
public interface PartTransport {

    /** What the store answered: its status, the part's ETag on success, the start of its body otherwise. */
    record Result(int status, String etag, String excerpt) {
        public boolean ok() {
            return status / 100 == 2 && etag != null;
        }
    }

    /**
     * @param signed a signed request as the API gives it: {@code url}, {@code headers}
     * @param sent   told how many more bytes went out, as they go
     * @throws IOException when the connection fails (a retry may do better)
     */
    Result put(JsonNode signed, Path file, long offset, long length, LongConsumer sent) throws IOException, InterruptedException;
}
