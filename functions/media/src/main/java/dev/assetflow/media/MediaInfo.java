package dev.assetflow.media;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * What ffprobe says about a media file: container, duration, bitrate, its first video stream (if
 * any, with the rotation its display matrix asks for) and its audio streams.
 */
public record MediaInfo(String format, double durationSeconds, long bitRate, Optional<VideoStream> video, List<AudioStream> audio) {

    public MediaInfo {
        audio = List.copyOf(audio);
    }

    public record VideoStream(int width, int height, int rotationDegrees, String codec, double frameRate, String pixelFormat) {

        public int displayWidth() {
            return Math.abs(rotationDegrees) % 180 == 90 ? height : width;
        }

        public int displayHeight() {
            return Math.abs(rotationDegrees) % 180 == 90 ? width : height;
        }

        public long pixels() {
            return (long) width * height;
        }
    }

    public record AudioStream(int index, String codec, int channels, int sampleRate, String language) {}

    /** The facts recorded on the asset, for GET /assets/{id} and for routing. */
    public Map<String, Object> summary() {
        Map<String, Object> summary = new LinkedHashMap<>();
        summary.put("format", format);
        summary.put("durationSeconds", Math.round(durationSeconds * 1000) / 1000.0);
        summary.put("bitRate", bitRate);
        video.ifPresent(v -> {
            summary.put("width", v.displayWidth());
            summary.put("height", v.displayHeight());
            summary.put("rotation", v.rotationDegrees());
            summary.put("frameRate", Math.round(v.frameRate() * 1000) / 1000.0);
            summary.put("videoCodec", v.codec());
        });
        summary.put("audioStreams", audio.stream().map(a -> {
            Map<String, Object> stream = new LinkedHashMap<>();
            stream.put("codec", a.codec());
            stream.put("channels", a.channels());
            stream.put("sampleRate", a.sampleRate());
            if (a.language() != null) {
                stream.put("language", a.language());
            }
            return stream;
        }).toList());
        return summary;
    }
}
