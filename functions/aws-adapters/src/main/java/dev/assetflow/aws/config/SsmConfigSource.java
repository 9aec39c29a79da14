package dev.assetflow.aws.config;

import dev.assetflow.domain.config.ConfigSource;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import software.amazon.awssdk.services.ssm.SsmClient;
import software.amazon.awssdk.services.ssm.model.ParameterHistory;
import software.amazon.lambda.powertools.parameters.cache.CacheManager;
import software.amazon.lambda.powertools.parameters.ssm.SSMProvider;

/**
 * A configuration document in an SSM parameter, read through Powertools for AWS Lambda's SSM provider
 * (https://docs.powertools.aws.dev/lambda/java/utilities/parameters/) with its cache: a call within
 * {@code maxAge} of the last fetch costs nothing, so a new version takes effect within {@code maxAge}.
 * Earlier versions come from GetParameterHistory (Parameter Store keeps the last 100:
 * https://docs.aws.amazon.com/systems-manager/latest/userguide/sysman-paramstore-versions.html).
 */
public final class SsmConfigSource implements ConfigSource {
    private final SSMProvider provider;
    private final SsmClient ssm;
    private final String name;

    public SsmConfigSource(SsmClient ssm, String name, Duration maxAge) {
        CacheManager cache = new CacheManager();
        cache.setDefaultExpirationTime(maxAge);
        this.provider = SSMProvider.builder().withClient(ssm).withCacheManager(cache).build();
        this.ssm = ssm;
        this.name = name;
    }

    @Override
    public String latest() {
        return provider.get(name);
    }

    @Override
    public List<String> earlier() {
        List<ParameterHistory> versions = new ArrayList<>();
        ssm.getParameterHistoryPaginator(b -> b.name(name)).forEach(page -> versions.addAll(page.parameters()));
        versions.sort(Comparator.comparingLong(ParameterHistory::version).reversed());
        return versions.stream().skip(1).map(ParameterHistory::value).toList();
    }

    @Override
    public String location() {
        return "ssm:" + name;
    }
}
