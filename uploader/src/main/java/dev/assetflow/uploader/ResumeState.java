package dev.assetflow.uploader;

import com.fasterxml.jackson.databind.JsonNode;
import dev.assetflow.domain.json.Json;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/**
 * The small file that lets an interrupted multipart upload resume: which upload a file (by its path, size
 * and modification time) is being sent as. The parts already stored are asked from the API
 * ({@code GET /uploads/{id}}), which knows better than any local record what S3 holds.
 */
public final class ResumeState {
    private final Path directory;

    public ResumeState(Path directory) {
        this.directory = directory;
    }

    public record Entry(String uploadId, String api) {}

    public Optional<Entry> find(Path file) {
        Path state = stateFile(file);
        if (!Files.exists(state)) {
            return Optional.empty();
        }
        try {
            JsonNode json = Json.mapper().readTree(state.toFile());
            return Optional.of(new Entry(json.path("uploadId").asText(), json.path("api").asText()));
        } catch (IOException e) {
            return Optional.empty(); // unreadable (a crash mid-write): start again
        }
    }

    public void save(Path file, Entry entry) {
        Map<String, Object> json = new LinkedHashMap<>();
        json.put("file", file.toAbsolutePath().toString());
        json.put("uploadId", entry.uploadId());
        json.put("api", entry.api());
        try {
            Files.createDirectories(directory);
            Path temporary = Files.createTempFile(directory, "state", ".tmp");
            Files.writeString(temporary, Json.write(json));
            Files.move(temporary, stateFile(file), StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write the resume state under " + directory, e);
        }
    }

    public void forget(Path file) {
        try {
            Files.deleteIfExists(stateFile(file));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** One file per (absolute path, size, modification time): an edited file is a new upload. */
    Path stateFile(Path file) {
        try {
            String identity = file.toAbsolutePath() + "|" + Files.size(file) + "|" + Files.getLastModifiedTime(file).toMillis();
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(identity.getBytes(StandardCharsets.UTF_8));
            return directory.resolve(HexFormat.of().formatHex(digest, 0, 16) + ".json");
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + file, e);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
