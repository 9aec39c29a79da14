package dev.assetflow.runtime.config;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import dev.assetflow.domain.config.ConfigInvalidException;
/**
 * Reads a configuration document named by a location: {@code classpath:/name.json} (bundled in the
 * function's jar) or {@code file:/path}. SSM Parameter Store is a later source with the same shape.
 */
public final class ConfigText {

    private ConfigText() {
    }

    public static String read(String location) throws ConfigInvalidException {
        try {
            if (location.startsWith("classpath:")) {
                String resource = location.substring("classpath:".length());
                try (InputStream in = ConfigText.class.getResourceAsStream(resource)) {
                    if (in == null) {
                        throw new ConfigInvalidException(List.of("no classpath resource " + resource));
                    }
                    return new String(in.readAllBytes(), StandardCharsets.UTF_8);
                }
            }
            if (location.startsWith("file:")) {
                return Files.readString(Path.of(location.substring("file:".length())));
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read configuration at " + location, e);
        }
        throw new ConfigInvalidException(List.of("unsupported configuration location " + location
                + " (use classpath:/... or file:/...)"));
    }
}
