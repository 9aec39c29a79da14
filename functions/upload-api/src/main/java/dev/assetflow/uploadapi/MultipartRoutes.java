package dev.assetflow.uploadapi;

import dev.assetflow.runtime.http.HttpResponses;
import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPResponse;
import dev.assetflow.domain.asset.AssetId;
import dev.assetflow.domain.upload.CompletionCheck;
import dev.assetflow.domain.upload.MultipartStore;
import dev.assetflow.domain.upload.MultipartUpload;
import dev.assetflow.domain.upload.UploadDecision;
import dev.assetflow.domain.upload.UploadParts;
import dev.assetflow.domain.upload.UploadSessions;
import java.time.Clock;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The multipart side of the API: starts an upload in parts, pages its part URLs, says which parts are
 * stored (so an interrupted client resumes), completes it after checking the parts, and aborts it.
 * Every route names the upload by its asset id.
 */
final class MultipartRoutes {
    private static final Logger LOG = LoggerFactory.getLogger(MultipartRoutes.class);

    private final MultipartStore store;
    private final UploadSessions sessions;
    private final UploadApiConfig config;
    private final Clock clock;

    MultipartRoutes(MultipartStore store, UploadSessions sessions, UploadApiConfig config, Clock clock) {
        this.store = store;
        this.sessions = sessions;
        this.config = config;
        this.clock = clock;
    }

    /** {@code POST /uploads} for a file above the threshold: the S3 upload, its record, and the first page of part URLs. */
    Map<String, Object> start(UploadDecision.Accepted accepted, UploadDecision.Transfer.Multipart multipart) {
        String s3UploadId = store.start(config.uploadsBucket(), accepted.key(), accepted.contentType());
        MultipartUpload upload = new MultipartUpload(accepted.assetId(), config.uploadsBucket(), accepted.key(), accepted.contentType(),
                multipart.plan(), s3UploadId, MultipartUpload.State.OPEN, clock.instant(), clock.instant().plus(config.uploadLifetime()), null);
        if (!sessions.create(upload)) {
            throw new IllegalStateException("asset id " + accepted.assetId() + " has an upload already"); // random ids never repeat
        }
        LOG.info("multipart upload started for asset {}: {} bytes in {} parts of {}", accepted.assetId(), accepted.sizeBytes(),
                multipart.plan().partCount(), multipart.plan().partSize());
        return PartUrls.plan(upload, PartUrls.page(store, upload, 1, PartUrls.DEFAULT_COUNT, config.uploadUrlTtl()));
    }

    /** {@code GET /uploads/{uploadId}}: the upload's state and the parts S3 holds so far. */
    APIGatewayV2HTTPResponse describe(String uploadId) {
        return withUpload(uploadId, upload -> {
            Map<String, Object> view = summary(upload);
            List<UploadParts.Stored> stored = upload.state() == MultipartUpload.State.OPEN
                    ? store.storedParts(upload.bucket(), upload.key(), upload.s3UploadId()).orElse(List.of()) : List.of();
            view.put("partsStored", stored.size());
            view.put("bytesStored", stored.stream().mapToLong(UploadParts.Stored::sizeBytes).sum());
            view.put("parts", stored);
            return HttpResponses.json(200, view);
        });
    }

    /** {@code GET /uploads/{uploadId}/parts?from=N&count=M}: fresh URLs for those parts of an open upload. */
    APIGatewayV2HTTPResponse parts(String uploadId, Map<String, String> query) {
        return withUpload(uploadId, upload -> {
            Optional<APIGatewayV2HTTPResponse> closed = notOpen(upload);
            if (closed.isPresent()) {
                return closed.get();
            }
            return switch (PartUrls.range(query, upload.plan().partCount())) {
                case PartUrls.Range.Invalid invalid -> HttpResponses.error(400, "invalid_request", invalid.message());
                case PartUrls.Range.Parts range -> {
                    PartUrls.Page page = PartUrls.page(store, upload, range.from(), range.count(), config.uploadUrlTtl());
                    yield HttpResponses.json(200, PartUrls.pageView(uploadId, page));
                }
            };
        });
    }

    /** {@code POST /uploads/{uploadId}/complete}: checks the listed parts, then assembles the original (once). */
    APIGatewayV2HTTPResponse complete(String uploadId, String body) {
        return withUpload(uploadId, upload -> switch (upload.state()) {
            case COMPLETED -> HttpResponses.json(200, completed(upload));
            case ABORTED -> HttpResponses.error(409, "aborted", "upload " + uploadId + " was aborted; start a new one");
            case OPEN -> switch (CompleteRequestBody.parse(body)) {
                case CompleteRequestBody.Invalid invalid -> HttpResponses.error(400, "invalid_request", invalid.message());
                case CompleteRequestBody.Valid valid -> completeOpen(upload, valid.parts());
            };
        });
    }

    private APIGatewayV2HTTPResponse completeOpen(MultipartUpload upload, List<UploadParts.Receipt> sent) {
        Optional<List<UploadParts.Stored>> stored = store.storedParts(upload.bucket(), upload.key(), upload.s3UploadId());
        if (stored.isEmpty()) { // S3 no longer has it: completed by a request racing this one, or aborted by the lifecycle rule
            MultipartUpload now = sessions.find(upload.assetId()).orElse(upload);
            return now.state() == MultipartUpload.State.COMPLETED ? HttpResponses.json(200, completed(now))
                    : HttpResponses.error(410, "gone", "S3 no longer holds upload " + upload.assetId() + " (aborted or expired); start a new one");
        }
        return switch (CompletionCheck.check(upload.plan(), sent, stored.get())) {
            case CompletionCheck.Verdict.Rejected rejected -> HttpResponses.error(400, "invalid_parts", rejected.message());
            case CompletionCheck.Verdict.Complete complete -> switch (store.complete(upload.bucket(), upload.key(), upload.s3UploadId(),
                    complete.parts())) {
                case MultipartStore.Completion.Refused refused -> HttpResponses.error(400, "invalid_parts", refused.message());
                case MultipartStore.Completion.AlreadyExists exists -> HttpResponses.error(409, "conflict",
                        "an object with this upload's key exists already; if another request is completing it, ask GET /uploads/"
                                + upload.assetId().value());
                case MultipartStore.Completion.Completed done -> {
                    MultipartUpload closed = sessions.close(upload.completed(done.etag()));
                    LOG.info("multipart upload of asset {} completed: {} parts, ETag {}", upload.assetId(), sent.size(), closed.etag());
                    yield HttpResponses.json(200, completed(closed));
                }
            };
        };
    }

    /** {@code DELETE /uploads/{uploadId}}: drops the parts; nothing of the upload stays behind and no asset is made. */
    APIGatewayV2HTTPResponse abort(String uploadId) {
        return withUpload(uploadId, upload -> {
            if (upload.state() == MultipartUpload.State.OPEN) {
                store.abort(upload.bucket(), upload.key(), upload.s3UploadId());
                upload = sessions.close(upload.aborted());
                LOG.info("multipart upload of asset {} aborted", upload.assetId());
            }
            return upload.state() == MultipartUpload.State.COMPLETED
                    ? HttpResponses.error(409, "completed", "upload " + uploadId + " is complete: the asset exists (/assets/" + uploadId
                            + "); it is not deleted by aborting its upload")
                    : HttpResponses.noContent();
        });
    }

    private Optional<APIGatewayV2HTTPResponse> notOpen(MultipartUpload upload) {
        String id = upload.assetId().value();
        return switch (upload.state()) {
            case COMPLETED -> Optional.of(HttpResponses.error(409, "completed", "upload " + id + " is complete; see /assets/" + id));
            case ABORTED -> Optional.of(HttpResponses.error(409, "aborted", "upload " + id + " was aborted; start a new one"));
            case OPEN -> upload.expired(clock.instant())
                    ? Optional.of(HttpResponses.error(410, "expired", "upload " + id + " expired at " + upload.expiresAt() + "; start a new one"))
                    : Optional.empty();
        };
    }

    private APIGatewayV2HTTPResponse withUpload(String uploadId, java.util.function.Function<MultipartUpload, APIGatewayV2HTTPResponse> then) {
        if (!AssetId.isValid(uploadId)) {
            return HttpResponses.error(400, "invalid_request", "'" + uploadId + "' is not an upload id");
        }
        return sessions.find(new AssetId(uploadId)).map(then).orElseGet(() -> HttpResponses.error(404, "not_found",
                "no multipart upload " + uploadId + " (uploads of up to the multipart threshold are one PUT and have none)"));
    }

    private static Map<String, Object> summary(MultipartUpload upload) {
        Map<String, Object> view = new LinkedHashMap<>();
        view.put("uploadId", upload.assetId().value());
        view.put("assetId", upload.assetId().value());
        view.put("key", upload.key());
        view.put("state", upload.state().name());
        view.put("contentType", upload.contentType());
        view.put("sizeBytes", upload.plan().sizeBytes());
        view.put("partSize", upload.plan().partSize());
        view.put("partCount", upload.plan().partCount());
        view.put("createdAt", upload.createdAt());
        view.put("expiresAt", upload.expiresAt());
        view.put("etag", upload.etag());
        view.put("status", "/assets/" + upload.assetId().value());
        return view;
    }

    private static Map<String, Object> completed(MultipartUpload upload) {
        Map<String, Object> view = summary(upload);
        view.remove("createdAt");
        view.remove("expiresAt");
        return view;
    }
}
