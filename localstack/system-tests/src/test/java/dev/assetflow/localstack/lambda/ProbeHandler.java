package dev.assetflow.localstack.lambda;

import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.RequestHandler;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/** A function that misbehaves on request, packaged into an artifact by {@link LambdaHostIT}. */
public final class ProbeHandler implements RequestHandler<Map<String, String>, String> {
    private static final String STARTED = Long.toString(ProcessHandle.current().pid());

    @Override
    public String handleRequest(Map<String, String> event, Context context) {
        return switch (event.getOrDefault("action", "")) {
            case "sleep" -> {
                sleep(Long.parseLong(event.get("seconds")));
                yield "woke";
            }
            case "fill-tmp" -> fillTmp(Integer.parseInt(event.get("mb")));
            case "child-memory" -> childMemory(Integer.parseInt(event.get("mb")));
            case "env" -> System.getenv(event.get("name")) + "|" + System.getProperty("java.io.tmpdir") + "|" + context.getMemoryLimitInMB()
                    + "|" + context.getFunctionName() + "|" + (context.getRemainingTimeInMillis() > 0);
            default -> "pid " + STARTED;
        };
    }

    private static String fillTmp(int mb) {
        Path file = Path.of(System.getProperty("java.io.tmpdir"), "fill");
        byte[] chunk = new byte[1_048_576];
        try (OutputStream out = Files.newOutputStream(file)) {
            for (int i = 0; i < mb; i++) {
                out.write(chunk);
            }
            return "wrote " + mb + " MB";
        } catch (IOException e) {
            return "write failed: " + e.getMessage();
        }
    }

    /** A child process holding memory, the way ffmpeg would. */
    private static String childMemory(int mb) {
        try {
            Process child = new ProcessBuilder("python3", "-c",
                    "import time; x = bytearray(" + mb + " * 1024 * 1024); x[::4096] = b'1' * len(x[::4096]); time.sleep(30)").start();
            child.waitFor(30, TimeUnit.SECONDS);
            return "child done";
        } catch (IOException e) {
            return "cannot start python3: " + e.getMessage();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return "interrupted";
        }
    }

    private static void sleep(long seconds) {
        try {
            Thread.sleep(seconds * 1000);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
