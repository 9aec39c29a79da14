package dev.assetflow.domain.upload;

/** What a client asks for when it wants to upload: the file's name, type and exact size. */
public record UploadRequest(String fileName, String contentType, Long sizeBytes) {
}
