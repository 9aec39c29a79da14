package dev.assetflow.infra;

import dev.assetflow.topology.TableSpec;
import java.util.HashMap;
import java.util.Map;
import software.amazon.awscdk.RemovalPolicy;
import software.amazon.awscdk.services.dynamodb.Attribute;
import software.amazon.awscdk.services.dynamodb.AttributeType;
import software.amazon.awscdk.services.dynamodb.BillingMode;
import software.amazon.awscdk.services.dynamodb.GlobalSecondaryIndexProps;
import software.amazon.awscdk.services.dynamodb.ProjectionType;
import software.amazon.awscdk.services.dynamodb.PointInTimeRecoverySpecification;
import software.amazon.awscdk.services.dynamodb.Table;
import software.amazon.awscdk.services.dynamodb.TableEncryption;
import software.constructs.Construct;

/** The topology's tables: on demand, point-in-time recovery, TTL where records expire, their indexes, kept on stack deletion. */
final class Tables extends Construct {
    private final Map<String, Table> tables = new HashMap<>();

    Tables(Construct scope, Map<String, TableSpec> specs) {
        super(scope, "Tables");
        specs.forEach((logical, spec) -> {
            Table.Builder builder = Table.Builder.create(this, Names.pascal(logical))
                    .partitionKey(Attribute.builder().name(spec.partitionKey()).type(AttributeType.STRING).build())
                    .billingMode(BillingMode.PAY_PER_REQUEST)
                    .pointInTimeRecoverySpecification(PointInTimeRecoverySpecification.builder()
                            .pointInTimeRecoveryEnabled(true).build())
                    .encryption(TableEncryption.AWS_MANAGED)
                    .deletionProtection(true)
                    .removalPolicy(RemovalPolicy.RETAIN);
            if (spec.sortKey() != null) {
                builder.sortKey(Attribute.builder().name(spec.sortKey()).type(AttributeType.STRING).build());
            }
            if (spec.ttlAttribute() != null) {
                builder.timeToLiveAttribute(spec.ttlAttribute());
            }
            Table table = builder.build();
            spec.indexes().forEach((index, gsi) -> {
                GlobalSecondaryIndexProps.Builder props = GlobalSecondaryIndexProps.builder().indexName(index)
                        .partitionKey(Attribute.builder().name(gsi.partitionKey()).type(AttributeType.STRING).build())
                        .projectionType(ProjectionType.INCLUDE).nonKeyAttributes(gsi.attributes());
                if (gsi.sortKey() != null) {
                    props.sortKey(Attribute.builder().name(gsi.sortKey()).type(AttributeType.STRING).build());
                }
                table.addGlobalSecondaryIndex(props.build());
            });
            tables.put(logical, table);
        });
    }

    Table table(String logical) {
        Table table = tables.get(logical);
        if (table == null) {
            throw new IllegalArgumentException("the topology has no table " + logical);
        }
        return table;
    }
}
