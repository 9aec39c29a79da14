package dev.assetflow.infra;

/** Construct ids from the topology's logical names: {@code image-critical} → {@code ImageCritical}. */
final class Names {

    private Names() {
    }

    static String pascal(String logical) {
        StringBuilder id = new StringBuilder();
        for (String part : logical.split("[^A-Za-z0-9]+")) {
            if (!part.isEmpty()) {
                id.append(Character.toUpperCase(part.charAt(0))).append(part.substring(1));
            }
        }
        return id.toString();
    }
}
