package dev.assetflow.localstack.lambda;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * How Lambda's managed Java runtime starts a function, reproduced: a JVM sized from the function's
 * memory, the runtime interface client as the main class with the handler as its argument, the task
 * root as the working directory (the client loads the handler from it and its lib/ jars), and exactly
 * the function's environment plus Lambda's reserved variables
 * (https://docs.aws.amazon.com/lambda/latest/dg/configuration-envvars.html#configuration-envvars-runtime).
 */
record ManagedRuntime(Path java, List<Path> runtimeClasspath, Path jniLibrary) {
    static final String MAIN_CLASS = "com.amazonaws.services.lambda.runtime.api.client.AWSLambda";

    /**
     * The JVM's limits as the managed runtime derives them from the function's memory (the shares
     * docker-lambda recorded from Lambda's own launcher: heap 85 %, metaspace 10 %, code cache 5 %),
     * the serial collector, and C1 only (Lambda's default tiered-compilation setting for Java 17 and later).
     */
    static List<String> jvmOptions(int memoryMb) {
        long kb = memoryMb * 1024L;
        return List.of("-XX:MaxHeapSize=" + kb * 85 / 100 + "k", "-XX:MaxMetaspaceSize=" + kb * 10 / 100 + "k",
                "-XX:ReservedCodeCacheSize=" + kb * 5 / 100 + "k", "-XX:+UseSerialGC", "-XX:+TieredCompilation",
                "-XX:TieredStopAtLevel=1", "-Xshare:auto", "-Djava.net.preferIPv4Stack=true");
    }

    /** The command line of one execution environment's process. */
    List<String> command(int memoryMb, Path tmp, String handler) {
        List<String> command = new ArrayList<>();
        command.add(java.toString());
        command.addAll(jvmOptions(memoryMb));
        command.add("-Djava.io.tmpdir=" + tmp); // Lambda's /tmp
        command.add("--enable-native-access=ALL-UNNAMED"); // the client's JNI library (libcurl)
        command.add("-Dcom.amazonaws.services.lambda.runtime.api.client.runtimeapi.NativeClient.JNI=" + jniLibrary);
        command.add("-cp");
        command.add(String.join(":", runtimeClasspath.stream().map(Path::toString).toList()));
        command.add(MAIN_CLASS);
        command.add(handler + "::handleRequest");
        return command;
    }

    /** The function's own variables, then what Lambda reserves (which a function cannot override). */
    static Map<String, String> environment(Map<String, String> function, Reserved reserved) {
        Map<String, String> env = new LinkedHashMap<>(function);
        env.put("_HANDLER", reserved.handler() + "::handleRequest");
        env.put("AWS_EXECUTION_ENV", "AWS_Lambda_java21");
        env.put("AWS_REGION", reserved.region());
        env.put("AWS_DEFAULT_REGION", reserved.region());
        env.put("AWS_LAMBDA_FUNCTION_NAME", reserved.functionName());
        env.put("AWS_LAMBDA_FUNCTION_MEMORY_SIZE", Integer.toString(reserved.memoryMb()));
        env.put("AWS_LAMBDA_FUNCTION_VERSION", "$LATEST");
        env.put("AWS_LAMBDA_INITIALIZATION_TYPE", "on-demand");
        env.put("AWS_LAMBDA_LOG_GROUP_NAME", "/aws/lambda/" + reserved.functionName());
        env.put("AWS_LAMBDA_LOG_STREAM_NAME", reserved.logStream());
        env.put("AWS_LAMBDA_RUNTIME_API", reserved.runtimeApi());
        env.put("LAMBDA_TASK_ROOT", reserved.taskRoot().toString());
        env.put("LAMBDA_RUNTIME_DIR", reserved.taskRoot().toString());
        env.put("TZ", ":UTC");
        env.put("LANG", "en_US.UTF-8");
        env.put("PATH", "/usr/local/bin:/usr/bin/:/bin");
        // the execution role's credentials; the emulator accepts any
        env.put("AWS_ACCESS_KEY_ID", "assetflow-local");
        env.put("AWS_SECRET_ACCESS_KEY", "assetflow-local");
        env.put("AWS_SESSION_TOKEN", "assetflow-local");
        return env;
    }

    /** The values of Lambda's reserved variables for one execution environment. */
    record Reserved(String functionName, String handler, int memoryMb, String region, String runtimeApi, Path taskRoot,
            String logStream) {}
}
